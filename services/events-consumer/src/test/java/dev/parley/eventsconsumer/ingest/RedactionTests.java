package dev.parley.eventsconsumer.ingest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private ObjectNode data(String text) {
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void redactsTheUserEnteredValuesOfEachType() {
        ObjectNode received = data("{\"type\":\"Text\",\"text\":\"my secret\"}");
        Redaction.redact("MessageReceived", received);
        assertThat(received.toString()).isEqualTo("{\"type\":\"Text\",\"text\":\"[redacted]\"}");

        ObjectNode variable = data("{\"variable\":\"Card\",\"value\":\"4111\",\"previousValue\":null,\"source\":\"Set\"}");
        Redaction.redact("VariableChanged", variable);
        assertThat(variable.toString())
                .isEqualTo("{\"variable\":\"Card\",\"value\":\"[redacted]\",\"previousValue\":null,\"source\":\"Set\"}");

        ObjectNode effect = data("{\"actionName\":\"Lookup\",\"inputs\":{\"email\":\"a@b.c\"}}");
        Redaction.redact("EffectRequested", effect);
        assertThat(effect.toString()).isEqualTo("{\"actionName\":\"Lookup\",\"inputs\":\"[redacted]\"}");

        ObjectNode started = data("{\"botName\":\"B\",\"contextVariables\":{\"Email\":\"a@b.c\",\"Empty\":null}}");
        Redaction.redact("SessionStarted", started);
        assertThat(started.toString())
                .isEqualTo("{\"botName\":\"B\",\"contextVariables\":{\"Email\":\"[redacted]\",\"Empty\":null}}");
    }

    @Test
    void leavesWhatTheBotSaidAndUnknownTypesAlone() {
        ObjectNode sent = data("{\"kind\":\"text\",\"text\":\"Hello\"}");
        Redaction.redact("MessageSent", sent);
        assertThat(sent.toString()).isEqualTo("{\"kind\":\"text\",\"text\":\"Hello\"}");
    }

    @Test
    void isIdempotent() {
        ObjectNode once = data("{\"text\":\"x\",\"contextVariables\":{\"A\":\"1\"}}");
        Redaction.redact("InputNotUnderstood", once);
        String first = once.toString();
        Redaction.redact("InputNotUnderstood", once);
        assertThat(once.toString()).isEqualTo(first);
    }
}
