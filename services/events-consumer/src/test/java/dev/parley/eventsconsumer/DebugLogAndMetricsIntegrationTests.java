package dev.parley.eventsconsumer;

import dev.parley.eventsconsumer.TurnEventStream.Conversation;
import dev.parley.runtime.api.TurnEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DebugLogAndMetricsIntegrationTests extends IngestIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void twoOrgsReadTheirOwnDebugLogsAndMetricsAndNothingOfTheOther() {
        String orgA = newOrg("00DA");
        String orgB = newOrg("00DB");
        Instant start = minuteAgo(30);
        List<String> sessionsA = List.of(newSession(), newSession(), newSession());
        List<String> sessionsB = List.of(newSession(), newSession());
        List<TurnEvent> events = new ArrayList<>();
        sessionsA.forEach(s -> events.addAll(Conversation(orgA, "0X9A", s, start)));
        sessionsB.forEach(s -> events.addAll(Conversation(orgB, "0X9B", s, start)));
        kafka().publish(TOPIC, events);
        awaitConsumed();

        String first = sessionsA.getFirst();
        JsonNode log = api.ok("/internal/v1/orgs/" + orgA + "/sessions/" + first + "/debug-log?size=500");
        assertThat(log.path("totalSteps").asLong()).isEqualTo(Conversation.EVENTS);
        assertThat(types(log.path("steps"))).containsExactlyElementsOf(events.stream()
                .filter(e -> e.sessionId().equals(first)).map(TurnEvent::type).toList());
        JsonNode session = log.path("session");
        assertThat(session.path("botName").asString()).isEqualTo("Support Bot");
        assertThat(session.path("versionName").asString()).isEqualTo("v3");
        assertThat(session.path("turns").asLong()).isEqualTo(Conversation.TURNS);
        assertThat(session.path("events").asLong()).isEqualTo(Conversation.EVENTS);
        assertThat(session.path("errors").asLong()).isEqualTo(Conversation.ERRORS);
        assertThat(session.path("endReason").asString()).isEqualTo("ClientRequest");
        assertThat(session.path("privateDataRedacted").asBoolean()).isFalse();
        JsonNode effect = step(log.path("steps"), "EffectCompleted", 3);
        assertThat(effect.path("data").path("outputs").path("status").asString()).isEqualTo("shipped");
        assertThat(effect.path("data").path("durationMs").asLong()).isEqualTo(80);
        assertThat(step(log.path("steps"), "VariableChanged", 3).path("data").path("value").asString())
                .isEqualTo("A-1234");
        assertThat(step(log.path("steps"), "SomethingNewHappened", 6).path("data").path("detail").asString())
                .contains("does not know");

        JsonNode page = api.ok("/internal/v1/orgs/" + orgA + "/sessions/" + first + "/debug-log?page=3&size=10");
        assertThat(page.path("steps").size()).isEqualTo(9);
        assertThat(page.path("totalPages").asInt()).isEqualTo(4);
        assertThat(types(page.path("steps")).getLast()).isEqualTo("TurnCompleted");

        // the other org sees neither the session nor the bot's numbers
        assertThat(api.get("/internal/v1/orgs/" + orgB + "/sessions/" + first + "/debug-log").status())
                .isEqualTo(404);
        JsonNode listA = api.ok("/internal/v1/orgs/" + orgA + "/debug-logs?botId=support");
        assertThat(listA.path("totalSessions").asLong()).isEqualTo(3);
        assertThat(StreamSupport.stream(listA.path("sessions").spliterator(), false)
                .map(s -> s.path("sessionId").asString()).toList()).containsExactlyInAnyOrderElementsOf(sessionsA);
        assertThat(api.ok("/internal/v1/orgs/" + orgB + "/debug-logs").path("totalSessions").asLong()).isEqualTo(2);
        assertThat(api.ok("/internal/v1/orgs/" + orgA + "/debug-logs?versionId=0X9B").path("totalSessions").asLong())
                .isZero();
        assertThat(api.ok("/internal/v1/orgs/" + orgA + "/debug-logs?from=" + start.plusSeconds(60))
                .path("totalSessions").asLong()).isZero();
        assertThat(api.ok("/internal/v1/orgs/" + orgA + "/debug-logs?from=" + start + "&to=" + start.plusSeconds(60)
                + "&size=2").path("sessions").size()).isEqualTo(2);

        String window = "&from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(300);
        JsonNode metrics = api.ok("/internal/v1/orgs/" + orgA + "/bots/support/metrics?granularity=minute" + window);
        JsonNode totals = metrics.path("totals");
        assertThat(totals.path("sessions").asLong()).isEqualTo(3);
        assertThat(totals.path("turns").asLong()).isEqualTo(3L * Conversation.TURNS);
        assertThat(totals.path("entries").asLong()).isEqualTo(3L * Conversation.ENTRIES);
        assertThat(totals.path("completions").asLong()).isEqualTo(3L * Conversation.COMPLETIONS);
        assertThat(totals.path("transfers").asLong()).isEqualTo(3L * Conversation.TRANSFERS);
        assertThat(totals.path("errors").asLong()).isEqualTo(3L * Conversation.ERRORS);
        assertThat(totals.path("confusedHits").asLong()).isEqualTo(3L * Conversation.CONFUSED);
        JsonNode latency = totals.path("latency");
        assertThat(latency.path("turns").asLong()).isEqualTo(18);
        assertThat(latency.path("p50Ms").asLong()).isEqualTo(12);
        assertThat(latency.path("p90Ms").asLong()).isEqualTo(300);
        assertThat(latency.path("maxMs").asLong()).isEqualTo(300);
        assertThat(metrics.path("buckets").size()).isEqualTo(6);
        assertThat(metrics.path("buckets").get(1).path("start").asString()).isEqualTo(start.toString());
        assertThat(metrics.path("buckets").get(1).path("sessions").asLong()).isEqualTo(3);
        assertThat(metrics.path("buckets").get(0).path("sessions").asLong()).isZero();
        JsonNode transfer = dialog(metrics, "Transfer_To_Agent");
        assertThat(transfer.path("entries").asLong()).isEqualTo(3);
        assertThat(transfer.path("transfers").asLong()).isEqualTo(3);
        assertThat(transfer.path("errors").asLong()).isEqualTo(3);
        assertThat(dialog(metrics, "Main_Menu").path("confusedHits").asLong()).isEqualTo(3);
        assertThat(dialog(metrics, "Welcome").path("completions").asLong()).isEqualTo(3);

        JsonNode oneDialog = api.ok("/internal/v1/orgs/" + orgA + "/bots/support/metrics?granularity=hour"
                + "&dialog=Transfer_To_Agent" + window);
        assertThat(oneDialog.path("totals").path("entries").asLong()).isEqualTo(3);
        assertThat(oneDialog.path("totals").path("confusedHits").asLong()).isZero();
        assertThat(oneDialog.path("totals").path("sessions").asLong()).isEqualTo(3);

        assertThat(api.ok("/internal/v1/orgs/" + orgB + "/bots/support/metrics?granularity=day" + window)
                .path("totals").path("sessions").asLong()).isEqualTo(2);
        assertThat(api.ok("/internal/v1/orgs/" + orgA + "/bots/support/metrics?versionId=0X9B" + window)
                .path("totals").path("entries").asLong()).isZero();
    }

    @Test
    void republishedAndRewoundEventsChangeNoRowAndNoAggregate() {
        String org = newOrg("00DR");
        Instant start = minuteAgo(20);
        List<TurnEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.addAll(Conversation(org, "0X9R", newSession(), start.plusSeconds(i * 7)));
        }
        kafka().publish(TOPIC, events);
        awaitConsumed();
        List<Long> before = snapshot(org);
        assertThat(before.getFirst()).isEqualTo(4L * Conversation.EVENTS);

        // the outbox sweeper publishing a turn again
        kafka().publish(TOPIC, events);
        awaitConsumed();
        assertThat(snapshot(org)).isEqualTo(before);

        // an operator replaying the whole topic
        MessageListenerContainer container = listeners.getListenerContainer("turn-events");
        container.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !container.isRunning());
        kafka().rewind(GROUP, TOPIC);
        assertThat(kafka().lag(GROUP, TOPIC).values().stream().mapToLong(Long::longValue).sum()).isPositive();
        container.start();
        awaitConsumed();
        assertThat(snapshot(org)).isEqualTo(before);
    }

    private static List<TurnEvent> Conversation(String org, String version, String session, Instant start) {
        return TurnEventStream.conversation(org, "support", version, session, start, null);
    }

    private static List<String> types(JsonNode steps) {
        return StreamSupport.stream(steps.spliterator(), false).map(s -> s.path("type").asString()).toList();
    }

    private static JsonNode step(JsonNode steps, String type, long turn) {
        return StreamSupport.stream(steps.spliterator(), false)
                .filter(s -> s.path("type").asString().equals(type) && s.path("turn").asLong() == turn)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in turn " + turn));
    }

    private static JsonNode dialog(JsonNode metrics, String name) {
        return StreamSupport.stream(metrics.path("dialogs").spliterator(), false)
                .filter(d -> name.equals(d.path("dialog").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no dialog " + name + " in " + metrics));
    }
}
