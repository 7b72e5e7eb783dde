package dev.parley.gateway.botapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.runtime.api.Variable;
import tools.jackson.databind.JsonNode;

/** A context or custom variable sent by the client; {@code value} is required but may be {@code null}. */
record RequestVariable(String name, String type, JsonNode value) {

    private static final Set<String> STRING_TYPES = Set.of("text", "date", "dateTime", "money", "ref");

    private static final List<String> TYPES = List.of("boolean", "date", "dateTime", "money", "number", "text",
            "object", "ref", "list");

    RequestVariable {
        Fields.requiredText("name", name, Fields.MAX_SHORT_STRING_LENGTH);
        Fields.required("type", type);
        Fields.oneOf("type", type, TYPES);
        // An explicit JSON null arrives as a NullNode; an absent value as null.
        Fields.required("value", value);
        boolean fits = value.isNull()
                || switch (type) {
                    case "boolean" -> value.isBoolean();
                    case "number" -> value.isNumber();
                    case "object", "list" -> value.isArray();
                    default -> STRING_TYPES.contains(type) && value.isString();
                };
        if (!fits) {
            throw new InvalidFieldException("value", "does not fit variable type '" + type + "'");
        }
    }

    Variable toRuntimeVariable() {
        return new Variable(name, type, plain(value));
    }

    /** The value as plain Java: null, Boolean, Number, String, List or Map. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.values().forEach(element -> list.add(plain(element)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
        return map;
    }
}
