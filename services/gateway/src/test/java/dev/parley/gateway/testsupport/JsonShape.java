package dev.parley.gateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares a JSON document's shape with a golden file's, ignoring values: the same keys in the same order, the same
 * kinds of values. A {@code null} on either side matches anything; array elements are compared with the golden
 * element of the same {@code type} (or the first one).
 */
public final class JsonShape {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonShape() {
    }

    public static JsonNode golden(String name) {
        try (InputStream in = JsonShape.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return JSON.readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** Asserts {@code actual} has the shape of golden file {@code goldenName}; {@code extraKeys} may also appear. */
    public static void assertMatchesGolden(String actual, String goldenName, String... extraKeys) {
        compare(parse(actual), golden(goldenName), "$", Set.of(extraKeys));
    }

    private static void compare(JsonNode actual, JsonNode golden, String path, Set<String> extraKeys) {
        if (golden.isNull() || actual.isNull()) {
            return;
        }
        if (golden.isObject()) {
            assertThat(actual.isObject()).as("%s is an object", path).isTrue();
            List<String> actualKeys = new ArrayList<>(actual.propertyNames());
            actualKeys.removeIf(key -> extraKeys.contains(key) && !golden.has(key));
            assertThat(actualKeys).as("keys of %s", path).containsExactlyElementsOf(golden.propertyNames());
            for (String key : golden.propertyNames()) {
                compare(actual.get(key), golden.get(key), path + "." + key, extraKeys);
            }
            return;
        }
        if (golden.isArray()) {
            assertThat(actual.isArray()).as("%s is an array", path).isTrue();
            if (golden.isEmpty()) {
                return;
            }
            for (int i = 0; i < actual.size(); i++) {
                JsonNode element = actual.get(i);
                JsonNode example = exampleFor(element, golden);
                if (example == null) {
                    fail("%s[%d] has type %s, of which the golden file has no example", path, i, element.get("type"));
                }
                compare(element, example, path + "[" + i + "]", extraKeys);
            }
            return;
        }
        assertThat(actual.getNodeType()).as("kind of %s", path).isEqualTo(golden.getNodeType());
    }

    private static JsonNode exampleFor(JsonNode element, JsonNode golden) {
        if (element.isObject() && element.has("type")) {
            for (JsonNode candidate : golden.values()) {
                if (candidate.has("type") && candidate.get("type").equals(element.get("type"))) {
                    return candidate;
                }
            }
            return null;
        }
        return golden.get(0);
    }
}
