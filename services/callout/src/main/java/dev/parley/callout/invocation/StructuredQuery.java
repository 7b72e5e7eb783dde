package dev.parley.callout.invocation;

import dev.parley.callout.CalloutFailure;
import dev.parley.callout.mapping.Template;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds SOQL from the engine's structured record lookup ({@code sObjectType}, {@code fields}, {@code conditions} of
 * {@code field}/{@code operator}/{@code value}, {@code filterLogic}, {@code maxResults}, {@code sortField},
 * {@code sortOrder}). Names must be plain identifiers (dots for relationships); values become SOQL literals, so
 * nothing from a conversation can change the query's shape.
 */
final class StructuredQuery {

    /** Rows returned when the lookup sets no maximum. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 2_000;

    private static final Pattern OBJECT = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}(\\.[A-Za-z][A-Za-z0-9_]{0,79}){0,4}");
    private static final Pattern LOGIC_TOKEN = Pattern.compile("\\s*(\\d{1,2}|AND|OR|NOT|\\(|\\))\\s*",
            Pattern.CASE_INSENSITIVE);

    private StructuredQuery() {
    }

    static String soql(Map<String, Object> inputs, String actionName) {
        String object = inputs.get("sObjectType") instanceof String s && !s.isBlank() ? s : actionName;
        require(OBJECT.matcher(object).matches(), "sObjectType '" + object + "' is not an object API name");
        List<String> fields = new ArrayList<>();
        if (inputs.get("fields") instanceof Collection<?> given) {
            for (Object field : given) {
                require(field instanceof String f && FIELD.matcher(f).matches(), "field '" + field + "' is not a field name");
                fields.add((String) field);
            }
        }
        if (fields.isEmpty()) {
            fields.add("Id");
        }
        StringBuilder soql = new StringBuilder("SELECT ").append(String.join(", ", fields)).append(" FROM ").append(object);
        List<String> conditions = new ArrayList<>();
        if (inputs.get("conditions") instanceof Collection<?> given) {
            int number = 0;
            for (Object item : given) {
                number++;
                require(item instanceof Map<?, ?>, "condition " + number + " is not an object");
                conditions.add(condition((Map<?, ?>) item, number));
            }
        }
        if (!conditions.isEmpty()) {
            soql.append(" WHERE ").append(logic(inputs.get("filterLogic"), conditions));
        }
        if (inputs.get("sortField") instanceof String sortField && !sortField.isBlank()) {
            require(FIELD.matcher(sortField).matches(), "sortField '" + sortField + "' is not a field name");
            boolean descending = "desc".equalsIgnoreCase(String.valueOf(inputs.get("sortOrder")));
            soql.append(" ORDER BY ").append(sortField).append(descending ? " DESC" : " ASC");
        }
        int limit = DEFAULT_LIMIT;
        if (inputs.get("maxResults") instanceof Number max) {
            limit = (int) Math.max(1, Math.min(MAX_LIMIT, max.longValue()));
        }
        return soql.append(" LIMIT ").append(limit).toString();
    }

    private static String condition(Map<?, ?> condition, int number) {
        Object field = condition.get("field");
        require(field instanceof String f && FIELD.matcher(f).matches(),
                "condition " + number + " has no valid field ('" + field + "')");
        String operator = String.valueOf(condition.get("operator"));
        Object value = condition.get("value");
        String what = "condition " + number;
        return switch (operator.toLowerCase(Locale.ROOT)) {
            case "isset", "isnotnull" -> field + " != null";
            case "isnotset", "isnull" -> field + " = null";
            case "equals" -> field + " = " + literal(value, what);
            case "notequals" -> field + " != " + literal(value, what);
            case "greaterthan" -> field + " > " + literal(value, what);
            case "lessthan" -> field + " < " + literal(value, what);
            case "greaterthanorequalto" -> field + " >= " + literal(value, what);
            case "lessthanorequalto" -> field + " <= " + literal(value, what);
            case "contains" -> field + " LIKE " + like("%", value, "%", what);
            case "startswith" -> field + " LIKE " + like("", value, "%", what);
            case "endswith" -> field + " LIKE " + like("%", value, "", what);
            default -> throw CalloutFailure.mapping(what + " has an unsupported operator '" + operator + "'");
        };
    }

    private static String literal(Object value, String what) {
        require(value != null, what + " has no value to compare with");
        return Template.soqlLiteral(value, "value", what);
    }

    /** A LIKE pattern literal: the value's own % and _ are escaped so they match literally. */
    private static String like(String before, Object value, String after, String what) {
        require(value != null && !(value instanceof Map<?, ?>) && !(value instanceof Collection<?>),
                what + " needs a text value");
        String quoted = Template.soqlLiteral(String.valueOf(value), "value", what);
        String escaped = quoted.substring(1, quoted.length() - 1).replace("%", "\\%").replace("_", "\\_");
        return "'" + before + escaped + after + "'";
    }

    /** {@code And}, {@code Or}, or custom logic over condition numbers such as {@code 1 AND (2 OR 3)}. */
    private static String logic(Object filterLogic, List<String> conditions) {
        String logic = filterLogic == null ? "and" : String.valueOf(filterLogic).strip();
        if (logic.equalsIgnoreCase("and") || logic.equalsIgnoreCase("or")) {
            String joiner = " " + logic.toUpperCase(Locale.ROOT) + " ";
            return conditions.size() == 1 ? conditions.getFirst()
                    : "(" + String.join(")" + joiner + "(", conditions) + ")";
        }
        StringBuilder out = new StringBuilder();
        Matcher matcher = LOGIC_TOKEN.matcher(logic);
        int position = 0;
        while (position < logic.length()) {
            require(matcher.find(position) && matcher.start() == position,
                    "filterLogic '" + logic + "' is neither And, Or nor custom logic over condition numbers");
            String token = matcher.group(1);
            if (Character.isDigit(token.charAt(0))) {
                int index = Integer.parseInt(token);
                require(index >= 1 && index <= conditions.size(), "filterLogic refers to condition " + index
                        + ", but there are " + conditions.size());
                out.append('(').append(conditions.get(index - 1)).append(')');
            } else {
                out.append(token.length() > 1 ? " " + token.toUpperCase(Locale.ROOT) + " " : token);
            }
            position = matcher.end();
        }
        return out.toString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw CalloutFailure.mapping("record lookup: " + message);
        }
    }
}
