package dev.parley.loguploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.runtime.api.TurnEvent;
import dev.parley.testkit.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Reading the topic: private data redacted before it leaves, unknown fields kept, bad records set aside. */
class IngestIntegrationTests extends IntegrationTestSupport {

    private final String org = "org" + UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void privateConversationDataIsRedactedBeforeItLeaves() {
        try (FakeDestination destination = FakeDestination.start()) {
            create(destination);
            String session = org + "-private";
            producer.sendAll(List.of(
                    TurnEventsProducer.event(org, "bot-1", session, 1, 0, "SessionStarted", Map.of("botName", "B",
                            "logPrivateConversationData", false, "contextVariables", Map.of("Email", "a@b.c"))),
                    TurnEventsProducer.event(org, "bot-1", session, 2, 0, "MessageReceived", Map.of("type", "Text",
                            "text", "my card is 4111 1111", "logPrivateConversationData", false)),
                    TurnEventsProducer.event(org, "bot-1", session, 2, 1, "VariableChanged", Map.of("variable",
                            "Card", "value", "4111 1111", "source", "Collect", "logPrivateConversationData", false))));

            await().atMost(Duration.ofSeconds(30)).until(() -> destination.processedEventIds().size() == 3);

            List<JsonNode> events = destination.processed().stream().flatMap(r -> r.events().stream()).toList();
            assertThat(events.toString()).doesNotContain("4111").doesNotContain("a@b.c");
            assertThat(events.get(0).at("/data/contextVariables/Email").stringValue()).isEqualTo("[redacted]");
            assertThat(events.get(1).at("/data/text").stringValue()).isEqualTo("[redacted]");
            assertThat(events.get(2).at("/data/value").stringValue()).isEqualTo("[redacted]");
            assertThat(events.get(2).at("/data/variable").stringValue()).isEqualTo("Card");
        }
    }

    @Test
    void fieldsANewerProducerAddsReachTheDestination() {
        try (FakeDestination destination = FakeDestination.start()) {
            create(destination);
            String eventId = UUID.randomUUID().toString();
            producer.sendRaw(org + "-s", "{\"eventId\":\"" + eventId + "\",\"type\":\"SomethingNew\",\"schemaVersion\":2,"
                    + "\"orgId\":\"" + org + "\",\"botId\":\"bot-1\",\"sessionId\":\"" + org + "-s\","
                    + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"turn\":1,\"newField\":{\"x\":[1,2]},\"data\":{}}");
            producer.flush();

            await().atMost(Duration.ofSeconds(30)).until(() -> destination.processedEventIds().contains(eventId));

            JsonNode event = destination.processed().getFirst().events().getFirst();
            assertThat(event.at("/newField/x").toString()).isEqualTo("[1,2]");
            assertThat(event.get("schemaVersion").intValue()).isEqualTo(2);
        }
    }

    @Test
    void aRecordThatIsNoTurnEventGoesToTheDeadLetterTopicAndTheRestFlows() {
        try (FakeDestination destination = FakeDestination.start()) {
            create(destination);
            String key = org + "-poison";
            producer.sendRaw(key, "{not json");
            producer.sendRaw(key, "{\"eventId\":\"not-a-uuid\",\"orgId\":\"" + org + "\",\"sessionId\":\"" + key + "\"}");
            List<TurnEvent> good = TurnEventsProducer.steps(org, "bot-1", 1, 3);
            producer.sendAll(good.stream().map(e -> new TurnEvent(e.eventId(), e.type(), e.schemaVersion(), e.orgId(),
                    e.botId(), e.botVersion(), key, e.occurredAt(), e.turn(), e.sequenceId(), e.requestId(), e.data()))
                    .toList());

            await().atMost(Duration.ofSeconds(30)).until(() -> destination.processedEventIds().size() == 3);

            List<ConsumerRecord<String, String>> dead = deadLetters(key, 2);
            assertThat(dead).extracting(ConsumerRecord::value).containsExactly("{not json",
                    "{\"eventId\":\"not-a-uuid\",\"orgId\":\"" + org + "\",\"sessionId\":\"" + key + "\"}");
            assertThat(new String(dead.get(1).headers().lastHeader("parley-dlt-reason").value(), StandardCharsets.UTF_8))
                    .isEqualTo("eventId is missing or not a UUID");
        }
    }

    @Test
    void eventsReadWhilePostgresRefusesWritesAreStoredOnceItTakesThemAgain() throws InterruptedException {
        try (FakeDestination destination = FakeDestination.start()) {
            create(destination);
            List<TurnEvent> events = TurnEventsProducer.steps(org, "bot-1", 2, 20);
            // every write of new batches fails while the range table is away
            jdbc.execute("alter table delivery_batch_range rename to delivery_batch_range_away");
            try {
                producer.sendAll(events);
                Thread.sleep(1500);
                assertThat(destination.raw()).isEmpty();
            } finally {
                jdbc.execute("alter table delivery_batch_range_away rename to delivery_batch_range");
            }

            await().atMost(Duration.ofSeconds(40)).until(() -> destination.processedEventIds().size() == 20);
            assertThat(destination.processedEventIds()).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
        }
    }

    private void create(FakeDestination destination) {
        api.createDestination(org, Map.of("name", "d", "url", destination.url(), "batchSize", 10, "lingerMillis", 50));
    }

    private List<ConsumerRecord<String, String>> deadLetters(String key, int expected) {
        TopicPartition partition = new TopicPartition(kafkaNames.topic("parley.turn-events.log-uploader.dlt"), 0);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= expected;
            });
            return found;
        }
    }
}
