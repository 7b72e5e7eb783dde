package dev.parley.loguploader.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class RedactionTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void userEnteredTextIsRedactedWhenTheBotKeepsConversationsPrivate() {
        ObjectNode event = event("MessageReceived", "{\"type\":\"Text\",\"text\":\"my card is 4111\"}", false);

        assertThat(Redaction.apply(event)).isTrue();

        assertThat(event.at("/data/text").stringValue()).isEqualTo("[redacted]");
        assertThat(event.at("/data/type").stringValue()).isEqualTo("Text");
    }

    @Test
    void everyListedValueIsRedacted() {
        assertThat(redacted("InputNotUnderstood", "{\"dialog\":\"d\",\"text\":\"secret\"}", "/data/text")).isEqualTo("[redacted]");
        assertThat(redacted("VariableChanged", "{\"value\":\"a\",\"previousValue\":\"b\",\"source\":\"Set\"}",
                "/data/previousValue")).isEqualTo("[redacted]");
        assertThat(redacted("VariableChanged", "{\"value\":42,\"source\":\"Collect\"}", "/data/value")).isEqualTo("[redacted]");
        assertThat(redacted("IntentMatched", "{\"utterance\":\"cancel my order 123\",\"intent\":\"Cancel\"}",
                "/data/utterance")).isEqualTo("[redacted]");
        assertThat(redacted("EffectRequested", "{\"inputs\":{\"email\":\"a@b.c\"}}", "/data/inputs/email"))
                .isEqualTo("[redacted]");
        assertThat(redacted("EffectCompleted", "{\"outputs\":{\"balance\":12.5},\"outcome\":\"SUCCEEDED\"}",
                "/data/outputs/balance")).isEqualTo("[redacted]");
        assertThat(redacted("SessionStarted", "{\"contextVariables\":{\"Email\":\"a@b.c\"}}",
                "/data/contextVariables/Email")).isEqualTo("[redacted]");
    }

    @Test
    void namesAndNonPrivateFieldsStay() {
        ObjectNode event = event("EffectCompleted", "{\"outputs\":{\"balance\":1},\"outcome\":\"SUCCEEDED\","
                + "\"actionName\":\"GetBalance\"}", false);

        Redaction.apply(event);

        assertThat(event.at("/data/outputs").propertyNames()).containsExactly("balance");
        assertThat(event.at("/data/outcome").stringValue()).isEqualTo("SUCCEEDED");
        assertThat(event.at("/data/actionName").stringValue()).isEqualTo("GetBalance");
        assertThat(event.at("/sessionId").stringValue()).isEqualTo("s-1");
    }

    @Test
    void nothingChangesWhenTheBotLogsPrivateData() {
        ObjectNode event = event("MessageReceived", "{\"text\":\"hello\"}", true);

        assertThat(Redaction.apply(event)).isFalse();

        assertThat(event.at("/data/text").stringValue()).isEqualTo("hello");
    }

    @Test
    void nothingChangesWithoutTheFlag() {
        ObjectNode event = (ObjectNode) json.readTree("{\"type\":\"MessageReceived\",\"data\":{\"text\":\"hi\"}}");

        assertThat(Redaction.apply(event)).isFalse();

        assertThat(event.at("/data/text").stringValue()).isEqualTo("hi");
    }

    @Test
    void redactingTwiceGivesTheSameEvent() {
        ObjectNode once = event("SessionStarted", "{\"contextVariables\":{\"A\":\"x\",\"B\":null}}", false);
        Redaction.apply(once);
        ObjectNode twice = once.deepCopy();

        Redaction.apply(twice);

        assertThat(twice).isEqualTo(once);
        assertThat(once.at("/data/contextVariables/B").isNull()).isTrue();
    }

    @Test
    void unknownTypesPassUntouched() {
        ObjectNode event = event("SomethingNew", "{\"text\":\"kept\",\"extra\":[1,2]}", false);

        Redaction.apply(event);

        assertThat(event.at("/data/text").stringValue()).isEqualTo("kept");
    }

    private String redacted(String type, String data, String pointer) {
        ObjectNode event = event(type, data, false);
        Redaction.apply(event);
        return event.at(pointer).stringValue();
    }

    private ObjectNode event(String type, String data, boolean logPrivate) {
        ObjectNode event = (ObjectNode) json.readTree("{\"eventId\":\"6f1c2b44-2a3e-3b8e-9e43-3f0a3b1d2c11\","
                + "\"type\":\"" + type + "\",\"orgId\":\"org\",\"sessionId\":\"s-1\",\"data\":" + data + "}");
        ((ObjectNode) event.get("data")).put("logPrivateConversationData", logPrivate);
        return event;
    }
}
