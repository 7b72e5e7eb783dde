package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTests {

    @Test
    void writesNestedSettingsWithEscapedStrings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("pem", "-----BEGIN PUBLIC KEY-----\nAB\"C\\\n");
        settings.put("list", List.of(1, true, Map.of("k", "v")));
        settings.put("none", null);
        settings.put("control", "a\tb\u0001");

        assertThat(Json.write(settings)).isEqualTo(
                "{\"pem\":\"-----BEGIN PUBLIC KEY-----\\nAB\\\"C\\\\\\n\",\"list\":[1,true,{\"k\":\"v\"}],"
                        + "\"none\":null,\"control\":\"a\\tb\\u0001\"}");
    }
}
