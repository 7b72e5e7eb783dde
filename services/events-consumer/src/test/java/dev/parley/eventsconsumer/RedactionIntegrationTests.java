package dev.parley.eventsconsumer;

import dev.parley.runtime.api.TurnEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionIntegrationTests extends IngestIntegrationTest {

    private static final String REDACTED = "[redacted]";

    @Test
    void userEnteredValuesOfBotsThatDoNotLogPrivateDataAreRedactedBeforeTheyAreStored() {
        String org = newOrg("00DX");
        String hidden = newSession();
        String open = newSession();
        Instant start = minuteAgo(15);
        List<TurnEvent> events = new ArrayList<>(
                TurnEventStream.conversation(org, "support", "0X9X", hidden, start, false));
        events.addAll(TurnEventStream.conversation(org, "support", "0X9X", open, start, true));
        kafka().publish(TOPIC, events);
        awaitConsumed();
        // a later event that lacks the flag is still redacted: the session is known to be private
        kafka().publish(TOPIC, TurnEventStream.session(org, "support", "0X9X", hidden, start, null)
                .turn().turn().turn().turn().turn().turn().turn()
                .event("MessageReceived", "type", "Text", "text", "my card is 4111 1111 1111 1111").events());
        awaitConsumed();

        JsonNode log = api.ok("/internal/v1/orgs/" + org + "/sessions/" + hidden + "/debug-log?size=500");
        assertThat(log.path("session").path("privateDataRedacted").asBoolean()).isTrue();
        JsonNode steps = log.path("steps");
        assertThat(data(steps, "SessionStarted", 1).path("contextVariables").path("Email").asString())
                .isEqualTo(REDACTED);
        assertThat(data(steps, "MessageReceived", 2).path("text").asString()).isEqualTo(REDACTED);
        assertThat(data(steps, "IntentMatched", 2).path("utterance").asString()).isEqualTo(REDACTED);
        assertThat(data(steps, "IntentMatched", 2).path("intent").asString()).isEqualTo("Order_Status");
        JsonNode variable = data(steps, "VariableChanged", 3);
        assertThat(variable.path("value").asString()).isEqualTo(REDACTED);
        assertThat(variable.path("previousValue").asString()).isEqualTo(REDACTED);
        assertThat(variable.path("variable").asString()).isEqualTo("OrderNumber");
        assertThat(data(steps, "EffectRequested", 3).path("inputs").asString()).isEqualTo(REDACTED);
        assertThat(data(steps, "EffectCompleted", 3).path("outputs").asString()).isEqualTo(REDACTED);
        assertThat(data(steps, "EffectCompleted", 3).path("durationMs").asLong()).isEqualTo(80);
        assertThat(data(steps, "InputNotUnderstood", 4).path("text").asString()).isEqualTo(REDACTED);
        assertThat(data(steps, "MessageReceived", 7).path("text").asString()).isEqualTo(REDACTED);
        // what the bot said is not user input
        assertThat(data(steps, "MessageSent", 1).path("text").asString()).isEqualTo("Hi, I am the bot");
        String stored = jdbc.sql("SELECT string_agg(data::text, ' ') FROM turn_event WHERE session_id = ?")
                .param(hidden).query(String.class).single();
        assertThat(stored).doesNotContain("A-1234", "ann@example.com", "blorp", "4111", "where is my order");

        JsonNode openSteps = api.ok("/internal/v1/orgs/" + org + "/sessions/" + open + "/debug-log?size=500")
                .path("steps");
        assertThat(data(openSteps, "VariableChanged", 3).path("value").asString()).isEqualTo("A-1234");
        assertThat(data(openSteps, "SessionStarted", 1).path("contextVariables")).isEqualTo(
                new tools.jackson.databind.ObjectMapper().valueToTree(
                        Map.of("Email", "ann@example.com", "Locale", "en_US")));
    }

    private static JsonNode data(JsonNode steps, String type, long turn) {
        return StreamSupport.stream(steps.spliterator(), false)
                .filter(s -> s.path("type").asString().equals(type) && s.path("turn").asLong() == turn)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in turn " + turn)).path("data");
    }
}
