package dev.parley.callout.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonPathTests {

    private final JsonNode doc = JsonMapper.builder().build()
            .readTree("{\"order\":{\"lines\":[{\"sku\":\"A1\",\"unit price\":2.5}],\"note\":null}}");

    @Test
    void followsNamesIndexesAndQuotedNames() {
        assertThat(JsonPath.parse("$.order.lines[0].sku").find(doc).asString()).isEqualTo("A1");
        assertThat(JsonPath.parse("$.order.lines[0]['unit price']").find(doc).asDouble()).isEqualTo(2.5);
        assertThat(JsonPath.parse("$").find(doc)).isSameAs(doc);
    }

    @Test
    void tellsANullValueFromAMissingOne() {
        assertThat(JsonPath.parse("$.order.note").find(doc).isNull()).isTrue();
        assertThat(JsonPath.parse("$.order.missing").find(doc)).isNull();
        assertThat(JsonPath.parse("$.order.lines[3]").find(doc)).isNull();
        assertThat(JsonPath.parse("$.order.lines.sku").find(doc)).isNull();
    }

    @Test
    void rejectsWhatItDoesNotSupportSayingWhere() {
        assertThatIllegalArgumentException().isThrownBy(() -> JsonPath.parse("order.id"))
                .withMessage("a JSON path starts with '$'");
        assertThatIllegalArgumentException().isThrownBy(() -> JsonPath.parse("$.lines[*].sku"))
                .withMessageStartingWith("unexpected '[*].sku' at position 7");
        assertThatIllegalArgumentException().isThrownBy(() -> JsonPath.parse("$..sku"))
                .withMessageStartingWith("unexpected '..sku' at position 1");
    }
}
