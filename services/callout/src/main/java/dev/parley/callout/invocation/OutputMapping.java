package dev.parley.callout.invocation;

import dev.parley.callout.CalloutFailure;
import dev.parley.callout.mapping.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Output parameter -> JSON path, applied to the part of an answer the endpoint kind designates. Without paths,
 * every field of an object answer becomes an output (a scalar or array answer becomes output {@code result}).
 */
final class OutputMapping {

    private final Map<String, JsonPath> paths = new LinkedHashMap<>();
    private final JsonMapper json;

    OutputMapping(Map<String, String> outputs, JsonMapper json) {
        this.json = json;
        if (outputs != null) {
            outputs.forEach((name, path) -> paths.put(name, JsonPath.parse(path)));
        }
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }

    /**
     * @param root the JSON to map, or {@code null} when the answer had none
     * @param what names {@code root} in errors ("the answer", "the first record")
     */
    Map<String, Object> apply(JsonNode root, String what) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (paths.isEmpty()) {
            if (root == null || root.isNull() || root.isMissingNode()) {
                return outputs;
            }
            if (root.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext();) {
                    Map.Entry<String, JsonNode> field = it.next();
                    outputs.put(field.getKey(), value(field.getValue()));
                }
            } else {
                outputs.put("result", value(root));
            }
            return outputs;
        }
        for (Map.Entry<String, JsonPath> entry : paths.entrySet()) {
            JsonNode node = root == null ? null : entry.getValue().find(root);
            if (node == null || node.isMissingNode()) {
                throw CalloutFailure.mapping("output '" + entry.getKey() + "': " + entry.getValue() + " is not in "
                        + what);
            }
            outputs.put(entry.getKey(), value(node));
        }
        return outputs;
    }

    /** Every mapped output set to null (a lookup that found no record). */
    Map<String, Object> nulls() {
        Map<String, Object> outputs = new LinkedHashMap<>();
        paths.keySet().forEach(name -> outputs.put(name, null));
        return outputs;
    }

    private Object value(JsonNode node) {
        return node.isNull() ? null : json.treeToValue(node, Object.class);
    }

    /** The body as JSON, {@code null} when empty. */
    static JsonNode parse(byte[] body, JsonMapper json) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            throw CalloutFailure.mapping("the answer is not JSON");
        }
    }

    /** At most 200 characters of the body on one line, for error messages. */
    static String snippet(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
