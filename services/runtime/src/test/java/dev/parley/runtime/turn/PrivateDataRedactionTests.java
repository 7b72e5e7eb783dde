package dev.parley.runtime.turn;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateDataRedactionTests {

    @Test
    void replacesWhatTheCustomerTypedAndMarksTheEvent() {
        Map<String, Object> data = PrivateDataRedaction.redact("MessageReceived",
                Map.of("type", "TEXT", "text", "my card is 4111 1111 1111 1111"), List.of());

        assertThat(data).containsEntry("text", "[redacted]").containsEntry("type", "TEXT")
                .containsEntry("logPrivateConversationData", false);
    }

    @Test
    void keepsVariableAndParameterNamesButNotTheirValues() {
        assertThat(PrivateDataRedaction.redact("VariableChanged",
                Map.of("variable", "Email", "value", "a@b.example", "previousValue", "c@d.example"), List.of()))
                .containsEntry("variable", "Email").containsEntry("value", "[redacted]")
                .containsEntry("previousValue", "[redacted]");
        assertThat(PrivateDataRedaction.redact("EffectRequested", Map.of("inputs", Map.of("email", "a@b.example")), List.of()))
                .containsEntry("inputs", Map.of("email", "[redacted]"));
        assertThat(PrivateDataRedaction.redact("EffectCompleted", Map.of("outputs", List.of("x", "y")), List.of()))
                .containsEntry("outputs", List.of("[redacted]", "[redacted]"));
    }

    @Test
    void leavesBotAuthoredEventsAloneAndIsIdempotent() {
        Map<String, Object> sent = Map.of("kind", "text", "text", "Hello! How can I help?");
        assertThat(PrivateDataRedaction.redact("MessageSent", sent, List.of())).containsEntry("text", "Hello! How can I help?");

        Map<String, Object> once = PrivateDataRedaction.redact("InputNotUnderstood", Map.of("text", "secret"), List.of());
        assertThat(PrivateDataRedaction.redact("InputNotUnderstood", once, List.of())).isEqualTo(once);
    }

    @Test
    void botMessagesLoseTheValuesMergeFieldsPutThere() {
        assertThat(PrivateDataRedaction.redact("MessageSent",
                Map.of("kind", "text", "text", "Thanks Ada, we wrote to ada@b.example about order 7."),
                List.of("ada@b.example", "Ada", "7")))
                .containsEntry("text", "Thanks [redacted], we wrote to [redacted] about order 7.");
    }
}
