package dev.parley.callout.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.callout.CalloutFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TemplateTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void jsonPlaceholdersInsideStringsAreEscapedAndOutsideBecomeJsonValues() {
        Template template = Template.parse("{\"name\":\"Dear {!name}\",\"qty\":{!qty},\"tags\":{!tags},\"note\":{!note}}",
                Template.Context.JSON);
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("name", "Bob \"the\" \\ builder\n");
        inputs.put("qty", 3);
        inputs.put("tags", List.of("a", "b"));
        inputs.put("note", null);

        String filled = template.fill(inputs, json, "body");

        assertThat(filled).isEqualTo(
                "{\"name\":\"Dear Bob \\\"the\\\" \\\\ builder\\n\",\"qty\":3,\"tags\":[\"a\",\"b\"],\"note\":null}");
        assertThat(json.readTree(filled).get("name").asString()).isEqualTo("Dear Bob \"the\" \\ builder\n");
    }

    @Test
    void anInjectionAttemptStaysInsideItsString() {
        Template template = Template.parse("{\"q\":\"{!q}\",\"admin\":false}", Template.Context.JSON);

        String filled = template.fill(Map.of("q", "x\",\"admin\":true,\"y\":\""), json, "body");

        assertThat(json.readTree(filled).get("admin").asBoolean()).isFalse();
        assertThat(json.readTree(filled).size()).isEqualTo(2);
    }

    @Test
    void escapedQuotesInTheTemplateDoNotEndTheString() {
        Template template = Template.parse("{\"a\":\"say \\\"{!x}\\\"\"}", Template.Context.JSON);

        assertThat(template.fill(Map.of("x", 5), json, "body")).isEqualTo("{\"a\":\"say \\\"5\\\"\"}");
    }

    @Test
    void urlPlaceholdersArePercentEncoded() {
        Template template = Template.parse("https://api.example.com/orders/{!id}?q={!q}", Template.Context.URL);

        assertThat(template.fill(Map.of("id", "a/b c", "q", "x&y=ü"), json, "url"))
                .isEqualTo("https://api.example.com/orders/a%2Fb%20c?q=x%26y%3D%C3%BC");
    }

    @Test
    void headerValuesWithLineBreaksAreAMappingError() {
        Template template = Template.parse("Bearer {!t}", Template.Context.HEADER);

        assertThatThrownBy(() -> template.fill(Map.of("t", "x\r\nX-Evil: 1"), json, "http.headers.X"))
                .isInstanceOfSatisfying(CalloutFailure.class, f -> assertThat(f.code()).isEqualTo("MAPPING_ERROR"))
                .hasMessageContaining("line break");
    }

    @Test
    void soqlValuesBecomeEscapedLiterals() {
        Template template = Template.parse("SELECT Id FROM Account WHERE Name = {!name} AND Rating__c > {!min} "
                + "AND Type IN {!types}", Template.Context.SOQL);

        String filled = template.fill(Map.of("name", "O'Brien\\' OR Name != '", "min", 2.5, "types",
                List.of("a", "b'")), json, "soqlTemplate");

        assertThat(filled).isEqualTo("SELECT Id FROM Account WHERE Name = 'O\\'Brien\\\\\\' OR Name != \\'' "
                + "AND Rating__c > 2.5 AND Type IN ('a', 'b\\'')");
    }

    @Test
    void aMissingInputIsAMappingErrorNamingIt() {
        Template template = Template.parse("/x/{!orderId}", Template.Context.URL);

        assertThatThrownBy(() -> template.fill(Map.of(), json, "http.urlTemplate"))
                .isInstanceOf(CalloutFailure.class)
                .hasMessage("input 'orderId' used by http.urlTemplate is missing");
    }

    @Test
    void objectsCannotGoIntoUrls() {
        Template template = Template.parse("/x/{!o}", Template.Context.URL);

        assertThatThrownBy(() -> template.fill(Map.of("o", Map.of("a", 1)), json, "http.urlTemplate"))
                .isInstanceOf(CalloutFailure.class).hasMessageContaining("object or a list");
    }

    @Test
    void syntaxErrorsNameThePosition() {
        assertThatIllegalArgumentException().isThrownBy(() -> Template.parse("/a/{!id", Template.Context.URL))
                .withMessage("unterminated placeholder at position 3");
        assertThatIllegalArgumentException().isThrownBy(() -> Template.parse("/a/{!a b}", Template.Context.URL))
                .withMessageStartingWith("invalid placeholder name 'a b' at position 3");
    }

    @Test
    void samplesKeepTheShapeOfJsonTemplates() {
        Template template = Template.parse("{\"a\":\"{!x}\",\"b\":{!y}}", Template.Context.JSON);

        assertThat(template.fillWithSamples()).isEqualTo("{\"a\":\"x\",\"b\":0}");
        assertThat(template.placeholders()).containsExactly("x", "y");
    }
}
