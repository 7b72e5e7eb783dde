package dev.parley.callout.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A small JSONPath subset for output mappings: {@code $} followed by {@code .name}, {@code ['name']} and
 * {@code [index]} steps, e.g. {@code $.order.lines[0]['unit price']}. No wildcards, filters or slices.
 */
public final class JsonPath {

    private static final Pattern STEP = Pattern.compile(
            "\\.([A-Za-z0-9_$@-]+)|\\['((?:[^'\\\\]|\\\\.)*)'\\]|\\[(\\d{1,6})\\]");

    private final String text;
    private final List<Object> steps;

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying where the path stops making sense
     */
    public static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a JSON path starts with '$'");
        }
        List<Object> steps = new ArrayList<>();
        Matcher matcher = STEP.matcher(text);
        int position = 1;
        while (position < text.length()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw new IllegalArgumentException("unexpected '" + text.substring(position)
                        + "' at position " + position + " (supported: $.name, $['name'], $[0])");
            }
            if (matcher.group(1) != null) {
                steps.add(matcher.group(1));
            } else if (matcher.group(2) != null) {
                steps.add(matcher.group(2).replaceAll("\\\\(.)", "$1"));
            } else {
                steps.add(Integer.parseInt(matcher.group(3)));
            }
            position = matcher.end();
        }
        return new JsonPath(text, List.copyOf(steps));
    }

    /** The node the path leads to ({@code NullNode} for a JSON null), or {@code null} when it leads nowhere. */
    public JsonNode find(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            if (step instanceof Integer index) {
                node = node.isArray() && index < node.size() ? node.get(index) : null;
            } else {
                node = node.isObject() ? node.get((String) step) : null;
            }
        }
        return node;
    }

    @Override
    public String toString() {
        return text;
    }
}
