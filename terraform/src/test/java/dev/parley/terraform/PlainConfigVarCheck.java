package dev.parley.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openrewrite.hcl.HclIsoVisitor;
import org.openrewrite.hcl.tree.Expression;
import org.openrewrite.hcl.tree.Hcl;

import dev.parley.terraform.TerraformFiles.TerraformBlock;

/**
 * Finds secrets that would land in plain (non-sensitive) config vars, which Terraform prints in plans and logs:
 * sensitive variables referenced from {@code config_vars}/{@code vars}, secret-looking config var names there
 * (literal keys, or keys the catalogue feeds in through {@code each.value.<field>}), credentials inside literal URLs,
 * secret-looking variables not declared sensitive, and log drains whose URL is not {@code sensitive_url}.
 */
final class PlainConfigVarCheck {

    /** Attributes that hold plain config vars, per resource type. */
    private static final Set<String> PLAIN_ATTRIBUTES = Set.of("config_vars", "vars");

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|password|passwd|credential|private_key|api_key|cert_key|_key$|token$).*");

    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\bvar\\.([A-Za-z_][A-Za-z0-9_-]*)");

    private static final Pattern CATALOGUE_FIELD = Pattern.compile("\\beach\\.value\\.([A-Za-z_][A-Za-z0-9_]*)");

    private static final Pattern URL_WITH_CREDENTIALS = Pattern.compile("[a-z+]+://[^/\\s\"@]+:[^/\\s\"@]+@");

    private PlainConfigVarCheck() {
    }

    /**
     * The violations in {@code files}. {@code catalogue} maps a catalogue field name to the config var names it
     * holds per service (empty when the files use no catalogue).
     */
    static List<String> violations(TerraformFiles files, Map<String, Set<String>> catalogue) {
        List<String> violations = new ArrayList<>();
        Set<String> sensitive = sensitiveVariables(files);
        for (TerraformBlock variable : files.blocks("variable")) {
            String name = variable.labels().get(0);
            if (SECRET_NAME.matcher(name).matches() && !sensitive.contains(name)) {
                violations.add("variable " + name + " looks secret but is not sensitive = true");
            }
        }
        for (TerraformBlock resource : files.blocks("resource")) {
            for (String attribute : PLAIN_ATTRIBUTES) {
                resource.attribute(attribute)
                    .ifPresent(value -> checkPlain(resource, attribute, value, sensitive, catalogue, violations));
            }
            if (resource.labels().get(0).equals("heroku_drain") && resource.attribute("url").isPresent()) {
                violations.add(resource + ": a drain URL carries a token; use sensitive_url");
            }
        }
        return violations;
    }

    private static void checkPlain(TerraformBlock resource, String attribute, Expression value, Set<String> sensitive,
            Map<String, Set<String>> catalogue, List<String> violations) {
        String where = resource + "." + attribute;
        String text = resource.print(value);
        Matcher reference = VARIABLE_REFERENCE.matcher(text);
        while (reference.find()) {
            if (sensitive.contains(reference.group(1))) {
                violations.add(where + " uses sensitive variable var." + reference.group(1));
            }
        }
        for (String key : literalKeys(value)) {
            if (SECRET_NAME.matcher(key).matches()) {
                violations.add(where + " sets secret-looking " + key + " as a plain config var");
            }
        }
        Matcher field = CATALOGUE_FIELD.matcher(text);
        while (field.find()) {
            for (String key : catalogue.getOrDefault(field.group(1), Set.of())) {
                if (SECRET_NAME.matcher(key).matches()) {
                    violations.add(where + " sets secret-looking " + key + " (catalogue field " + field.group(1)
                            + ") as a plain config var");
                }
            }
        }
        if (URL_WITH_CREDENTIALS.matcher(text).find()) {
            violations.add(where + " holds a URL with credentials");
        }
    }

    private static Set<String> sensitiveVariables(TerraformFiles files) {
        return files.blocks("variable").stream()
            .filter(v -> v.attribute("sensitive").map(HclValues::bool).orElse(false))
            .map(v -> v.labels().get(0))
            .collect(Collectors.toSet());
    }

    /** Keys of every object literal inside the expression (not those computed by for expressions). */
    private static List<String> literalKeys(Expression expression) {
        List<String> keys = new ArrayList<>();
        new HclIsoVisitor<List<String>>() {
            @Override
            public Hcl.Attribute visitAttribute(Hcl.Attribute attribute, List<String> found) {
                // Inside an expression every attribute is an object element ("=" or ":" form).
                found.add(HclValues.key(attribute));
                return super.visitAttribute(attribute, found);
            }
        }.visit(expression, keys);
        return keys;
    }

}
