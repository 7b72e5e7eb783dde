package dev.parley.terraform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

/** Literal values out of HCL expressions: strings without interpolation, booleans, numbers, object literals. */
final class HclValues {

    private HclValues() {
    }

    /** A quoted string without interpolation, or a bare literal, as text. */
    static Optional<String> string(Expression expression) {
        if (expression instanceof Hcl.QuotedTemplate template) {
            StringBuilder text = new StringBuilder();
            for (Expression part : template.getExpressions()) {
                if (!(part instanceof Hcl.Literal literal)) {
                    return Optional.empty();
                }
                text.append(literal.getValue());
            }
            return Optional.of(text.toString());
        }
        if (expression instanceof Hcl.Literal literal) {
            return Optional.of(String.valueOf(literal.getValue()));
        }
        return Optional.empty();
    }

    static boolean bool(Expression expression) {
        if (expression instanceof Hcl.Literal literal && literal.getValue() instanceof Boolean value) {
            return value;
        }
        throw new AssertionError("Not a boolean literal: " + expression);
    }

    /** The elements of an object literal ({@code { a = 1, "b" = 2 }}) by key, in source order. */
    static Map<String, Expression> object(Expression expression) {
        if (!(expression instanceof Hcl.ObjectValue object)) {
            throw new AssertionError("Not an object literal: " + expression.getClass().getSimpleName());
        }
        Map<String, Expression> elements = new LinkedHashMap<>();
        for (Expression element : object.getAttributes()) {
            if (element instanceof Hcl.Attribute attribute) { // an empty object holds one Hcl.Empty
                elements.put(key(attribute), attribute.getValue());
            }
        }
        return elements;
    }

    /** The key of an object element or the name of an attribute: bare identifier or quoted string. */
    static String key(Hcl.Attribute attribute) {
        Expression name = attribute.getName();
        if (name instanceof Hcl.Identifier identifier) {
            return identifier.getName();
        }
        return string(name).orElseThrow(() -> new AssertionError("Computed object key: " + name));
    }

    /** An object literal whose values are all plain strings. */
    static Map<String, String> stringMap(Expression expression) {
        Map<String, String> map = new LinkedHashMap<>();
        object(expression).forEach((key, value) -> map.put(key,
                string(value).orElseThrow(() -> new AssertionError(key + " is not a plain string"))));
        return map;
    }

}
