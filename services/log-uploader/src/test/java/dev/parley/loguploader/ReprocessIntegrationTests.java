package dev.parley.loguploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.loguploader.FakeDestination.Receipt;
import dev.parley.runtime.api.Topics;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.testkit.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Reprocessing a range of the topic: the batches that already hold its events are sent again under the same ids,
 * so a destination that honours {@code Idempotency-Key} gets nothing twice, and no stored row is added.
 */
class ReprocessIntegrationTests extends IntegrationTestSupport {

    private final String org = "org" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void reprocessingARangeResendsTheSameBatchIdsAndAddsNoRows() {
        try (FakeDestination deduping = FakeDestination.start(); FakeDestination counting = FakeDestination.start();
                FakeDestination latecomer = FakeDestination.start()) {
            String dedupingId = create(deduping);
            String countingId = create(counting);
            Map<String, Object> start = endOffsets();
            // Kafka stamps records with real time, which the test clock may be ahead of
            Instant startedAt = Instant.now().minusSeconds(1);
            List<TurnEvent> events = TurnEventsProducer.steps(org, "bot-1", 6, 60);
            producer.sendAll(events);
            await().atMost(Duration.ofSeconds(30)).until(() -> deduping.processedEventIds().size() == 60
                    && counting.processedEventIds().size() == 60 && pending(dedupingId) + pending(countingId) == 0);
            Set<String> dedupingBatches = deduping.rawBatchIds();
            Set<String> countingBatches = counting.rawBatchIds();
            List<String> storedBefore = stored(countingId);
            int dedupingRaw = deduping.raw().size();
            int countingRaw = counting.raw().size();
            // a destination created after the events were read gets them only by reprocessing
            String latecomerId = create(latecomer);

            JsonNode job = reprocess(Map.of("from", start, "orgId", org));

            assertThat(job.get("batchesResent").longValue()).isEqualTo(dedupingBatches.size() + countingBatches.size());
            assertThat(job.get("batchesCreated").longValue()).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> counting.raw().size() == 2 * countingRaw
                    && deduping.raw().size() == 2 * dedupingRaw && latecomer.processedEventIds().size() == 60
                    && pending(dedupingId) + pending(countingId) + pending(latecomerId) == 0);
            assertThat(counting.rawBatchIds()).isEqualTo(countingBatches);
            assertThat(counting.raw()).extracting(Receipt::batchId)
                    .allSatisfy(id -> assertThat(counting.raw().stream().filter(r -> r.batchId().equals(id))).hasSize(2));
            assertThat(deduping.processedEventIds()).hasSize(60).doesNotHaveDuplicates();
            assertThat(deduping.processed()).hasSize(dedupingBatches.size());
            assertThat(stored(countingId)).containsExactlyInAnyOrderElementsOf(storedBefore);
            assertThat(latecomer.processedEventIds()).hasSize(60).doesNotHaveDuplicates();
            Set<String> latecomerBatches = latecomer.rawBatchIds();

            // by timestamp this time: every destination's batches again, the latecomer's under the ids made above
            JsonNode again = reprocess(Map.of("fromTimestamp", startedAt.toString(), "orgId", org));

            assertThat(again.get("batchesCreated").longValue()).isZero();
            assertThat(again.get("batchesResent").longValue())
                    .isEqualTo(dedupingBatches.size() + countingBatches.size() + latecomerBatches.size());
            await().atMost(Duration.ofSeconds(30)).until(() -> counting.raw().size() == 3 * countingRaw
                    && latecomer.raw().size() == 2 * latecomerBatches.size());
            assertThat(latecomer.rawBatchIds()).isEqualTo(latecomerBatches);
            assertThat(latecomer.processedEventIds()).hasSize(60).doesNotHaveDuplicates();
            assertThat(deduping.processedEventIds()).hasSize(60).doesNotHaveDuplicates();
            assertThat(stored(countingId)).containsExactlyInAnyOrderElementsOf(storedBefore);
        }
    }

    @Test
    void aJobIsReportedByItsId() {
        JsonNode job = reprocess(Map.of("fromTimestamp", Instant.now().toString(), "orgId", org));

        AdminApi.Response read = api.get("/internal/v1/log-uploader/reprocess/" + job.get("id").stringValue());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").stringValue()).isEqualTo("completed");
        assertThat(read.json().get("partitions")).hasSize(PARTITIONS);
        assertThat(api.get("/internal/v1/log-uploader/reprocess/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private JsonNode reprocess(Map<String, Object> request) {
        AdminApi.Response started = api.post("/internal/v1/log-uploader/reprocess", json.writeValueAsString(request));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.location();
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get(location).json().get("status").stringValue()
                .equals("running"));
        JsonNode job = api.get(location).json();
        assertThat(job.get("status").stringValue()).as(job.toString()).isEqualTo("completed");
        return job;
    }

    private String create(FakeDestination destination) {
        return api.createDestination(org, Map.of("name", "d", "url", destination.url(), "batchSize", 10,
                "lingerMillis", 100));
    }

    private long pending(String id) {
        return api.deliveries(org, id, "pending").size();
    }

    private List<String> stored(String id) {
        return api.deliveries(org, id, null).findValuesAsString("batchId");
    }

    /** Where each partition of the topic ends now: the first offset a reprocess "from" here would read. */
    private Map<String, Object> endOffsets() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(kafkaNames.topic(Topics.TURN_EVENTS), p)).toList();
            Map<String, Object> offsets = new LinkedHashMap<>();
            consumer.endOffsets(partitions).forEach((partition, offset) -> offsets.put(
                    Integer.toString(partition.partition()), offset));
            return offsets;
        }
    }
}
