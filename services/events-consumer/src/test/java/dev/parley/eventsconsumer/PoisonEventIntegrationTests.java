package dev.parley.eventsconsumer;

import dev.parley.runtime.api.TurnEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PoisonEventIntegrationTests extends IngestIntegrationTest {

    @Test
    void poisonEventsGoToTheDeadLetterTopicAndTheEventsAfterThemAreStillStored() {
        String org = newOrg("00DP");
        String session = newSession();
        Instant start = minuteAgo(10);
        List<TurnEvent> good = TurnEventStream.session(org, "support", "0X9P", session, start, null)
                .turn()
                .event("SessionStarted", "botName", "Support Bot", "versionName", "v3")
                .event("DialogEntered", "dialog", "Welcome", "via", "start")
                .event("TurnCompleted", "latencyMs", 10)
                .turn()
                .event("MessageReceived", "type", "Text", "text", "hello")
                .event("TurnCompleted", "latencyMs", 11)
                .events();
        String badJson = "{\"eventId\": \"" + TurnEventStream.eventId(session, 9, 0) + "\", \"type\": ";
        String noEventId = TestKafka.json(good.get(1)).replace("\"eventId\":\"" + good.get(1).eventId() + "\",", "");
        // readable, but PostgreSQL cannot store a year this far out: the database rejects it every time
        String beyondPostgres = TestKafka.json(new TurnEvent(TurnEventStream.eventId(session, 8, 0), "DialogEntered",
                1, org, "support", "0X9P", session, Instant.parse("+300000-01-01T00:00:00Z"), 8, 8L, "r",
                java.util.Map.of("dialog", "Far_Future", "via", "redirect")));

        kafka().publishRaw(TOPIC, session, List.of(TestKafka.json(good.get(0)), badJson, noEventId,
                TestKafka.json(good.get(1)), beyondPostgres, TestKafka.json(good.get(2)), TestKafka.json(good.get(3)),
                TestKafka.json(good.get(4))));
        awaitConsumed();

        assertThat(jdbc.sql("SELECT type FROM turn_event WHERE org_id = ? ORDER BY turn, kafka_offset").param(org)
                .query(String.class).list())
                .containsExactly("SessionStarted", "DialogEntered", "TurnCompleted", "MessageReceived", "TurnCompleted");
        List<ConsumerRecord<String, String>> deadLetters = kafka().readAll(DEAD_LETTERS).stream()
                .filter(r -> session.equals(r.key())).toList();
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(badJson, noEventId, beyondPostgres);
        assertThat(header(deadLetters.get(0), "kafka_dlt-original-topic")).isEqualTo(TOPIC);
        assertThat(header(deadLetters.get(0), "kafka_dlt-exception-cause-fqcn")).endsWith("$PoisonEvent");
        assertThat(header(deadLetters.get(1), "kafka_dlt-exception-cause-fqcn")).endsWith("$PoisonEvent");
        assertThat(header(deadLetters.get(2), "kafka_dlt-exception-cause-fqcn")).endsWith("$EventRejected");
        assertThat(api.ok("/internal/v1/orgs/" + org + "/sessions/" + session + "/debug-log").path("totalSteps")
                .asLong()).isEqualTo(5);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
