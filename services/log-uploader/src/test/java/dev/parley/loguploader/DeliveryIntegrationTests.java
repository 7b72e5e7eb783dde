package dev.parley.loguploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.loguploader.FakeDestination.Mode;
import dev.parley.loguploader.FakeDestination.Receipt;
import dev.parley.runtime.api.TurnEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Delivery against real local HTTP endpoints with injected faults, through Kafka and PostgreSQL. */
class DeliveryIntegrationTests extends IntegrationTestSupport {

    private static final List<Duration> SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(25), Duration.ofMinutes(90), Duration.ofHours(4), Duration.ofHours(10));

    private final String org = "org" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aDestinationDownForAWhileGetsEveryEventOnceWhenItIsBack() {
        try (FakeDestination destination = FakeDestination.start().mode(Mode.FAIL_503)) {
            String id = create(destination, 20, 100);
            List<TurnEvent> events = TurnEventsProducer.steps(org, "bot-1", 5, 100);

            producer.sendAll(events);

            // every event is in a stored batch, and the destination has refused enough to open its breaker
            await().atMost(Duration.ofSeconds(30)).until(() -> storedEvents(id) == 100 && destination.raw().size() >= 5);
            destination.mode(Mode.OK);
            // the retry delays and the breaker's wait pass on the test clock, not in real time
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(400)).until(() -> {
                clock.advance(Duration.ofMinutes(2));
                return count(id, "pending") == 0;
            });

            List<String> delivered = destination.processedEventIds();
            assertThat(delivered).hasSize(100).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
            JsonNode batches = api.deliveries(org, id, null);
            assertThat(batches).allSatisfy(batch -> assertThat(batch.get("status").stringValue()).isEqualTo("delivered"));
            assertThat(destination.processed()).extracting(Receipt::batchId)
                    .containsExactlyInAnyOrderElementsOf(batches.findValuesAsString("batchId"));
            assertThat(destination.raw().size()).isGreaterThan(batches.size());
            assertThat(destination.raw()).allSatisfy(receipt -> {
                assertThat(receipt.idempotencyKey()).isEqualTo(receipt.batchId());
                assertThat(receipt.orgId()).isEqualTo(org);
                assertThat(receipt.headers()).containsEntry("authorization", "Bearer token-" + org)
                        .doesNotContainKey("x-parley-internal-credential");
                assertInSessionOrder(receipt);
            });
        }
    }

    @Test
    void aHangingDestinationDoesNotDelayAnother() {
        try (FakeDestination normal = FakeDestination.start(); FakeDestination hanging = FakeDestination.start()) {
            String normalId = create(normal, 1, 0);
            List<Long> alone = latencies(normal, 10);
            assertThat(status(normalId).get("timeoutMillis").longValue())
                    .as("1.5 × the median latency of a fast destination, raised to the floor").isEqualTo(200);

            String hangingId = create(hanging.mode(Mode.HANG), 1, 0);
            List<Long> beside = latencies(normal, 20);

            // its bulkhead admits two deliveries at once; a third can only start once one timed out after 1 s
            long firstHang = hanging.raw().getFirst().receivedNanos();
            assertThat(hanging.raw()).filteredOn(r -> r.receivedNanos() - firstHang < 900_000_000L).hasSize(2);
            assertThat(count(hangingId, "delivered")).isZero();
            // a delivery that waited for the hanging one would take at least its 1 s timeout
            assertThat(percentile(beside, 0.9)).as("p90 beside a hanging destination, alone: %s", alone)
                    .isLessThan(Math.max(1000, percentile(alone, 0.9) + 300));
            assertThat(status(hangingId).get("timeoutMillis").longValue()).isEqualTo(1000);
        }
    }

    @Test
    void failuresFollowTheSixteenHourScheduleThenTheBatchIsKeptDeadUntilReplayed() {
        clock.freeze();
        try (FakeDestination destination = FakeDestination.start().mode(Mode.FAIL_503)) {
            String id = create(destination, 1, 0);
            producer.sendAll(TurnEventsProducer.steps(org, "bot-1", 1, 1));

            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id) == 1);
            JsonNode batch = only(id);
            String batchId = batch.get("batchId").stringValue();
            Instant first = Instant.parse(batch.get("lastAttemptAt").stringValue());
            Instant last = first;
            for (int retry = 1; retry <= 6; retry++) {
                Instant next = Instant.parse(batch.get("nextAttemptAt").stringValue());
                Duration base = SCHEDULE.get(retry - 1);
                assertThat(Duration.between(last, next)).as("pause before retry %d", retry)
                        .isBetween(scaled(base, 0.8), scaled(base, 1.2));

                clock.set(next.minusSeconds(1));
                sleep(Duration.ofMillis(400));
                assertThat(destination.raw()).as("nothing before retry %d is due", retry).hasSize(retry);

                clock.set(next);
                int attempts = retry + 1;
                await().atMost(Duration.ofSeconds(20)).until(() -> attempts(id) == attempts);
                batch = only(id);
                assertThat(Instant.parse(batch.get("lastAttemptAt").stringValue())).isEqualTo(next);
                last = next;
            }

            assertThat(batch.get("status").stringValue()).isEqualTo("dead");
            assertThat(batch.get("attempts").intValue()).isEqualTo(7);
            assertThat(batch.get("lastHttpStatus").intValue()).isEqualTo(503);
            assertThat(Duration.between(first, last)).isBetween(Duration.ofHours(13), Duration.ofHours(19));
            assertThat(api.deliveries(org, id, "dead").findValuesAsString("batchId")).containsExactly(batchId);
            assertThat(api.deliveries(org, id, "pending")).isEmpty();

            destination.mode(Mode.OK);
            clock.advance(Duration.ofMinutes(1)); // past the breaker's open wait
            AdminApi.Response replayed = api.post(deliveries(id) + "/" + batchId + "/replay", null);
            assertThat(replayed.status()).isEqualTo(202);
            assertThat(replayed.json().get("status").stringValue()).isEqualTo("pending");
            await().atMost(Duration.ofSeconds(20)).until(() -> count(id, "delivered") == 1);

            assertThat(destination.processed()).extracting(Receipt::batchId).containsExactly(batchId);
            assertThat(destination.raw()).hasSize(8).extracting(Receipt::idempotencyKey).containsOnly(batchId);
            assertThat(api.post(deliveries(id) + "/" + batchId + "/replay", null).status())
                    .as("a delivered batch may be sent again").isEqualTo(202);
        }
    }

    @Test
    void aRefusedBatchIsDeadAtOnceAndReplayAllDeadSendsItAgain() {
        try (FakeDestination destination = FakeDestination.start().mode(Mode.REJECT_400)) {
            String id = create(destination, 5, 5_000);
            producer.sendAll(TurnEventsProducer.steps(org, "bot-1", 1, 10));

            await().atMost(Duration.ofSeconds(30)).until(() -> count(id, "dead") == 2);
            assertThat(destination.raw()).hasSize(2);
            assertThat(api.deliveries(org, id, "dead").findValuesAsString("lastError"))
                    .allSatisfy(error -> assertThat(error).contains("not retried"));

            destination.mode(Mode.OK);
            AdminApi.Response replayed = api.post(deliveries(id) + "/replay-dead", null);
            assertThat(replayed.json().get("replayed").intValue()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(20)).until(() -> count(id, "delivered") == 2);
            assertThat(destination.processedEventIds()).hasSize(10).doesNotHaveDuplicates();
        }
    }

    @Test
    void tooManyRequestsWaitsAsLongAsTheDestinationAsks() {
        try (FakeDestination destination = FakeDestination.start().mode(Mode.TOO_MANY_REQUESTS)) {
            String id = create(destination, 1, 0);
            producer.sendAll(TurnEventsProducer.steps(org, "bot-1", 1, 1));

            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id) == 1);
            JsonNode batch = only(id);

            assertThat(Duration.between(Instant.parse(batch.get("lastAttemptAt").stringValue()),
                    Instant.parse(batch.get("nextAttemptAt").stringValue()))).isEqualTo(Duration.ofHours(2));
            assertThat(batch.get("lastHttpStatus").intValue()).isEqualTo(429);
        }
    }

    @Test
    void onlyTheChosenBotsEventsGoToAFilteredDestination() {
        try (FakeDestination destination = FakeDestination.start()) {
            String id = api.createDestination(org, Map.of("name", "only bot-2", "url", destination.url(),
                    "botIds", List.of("bot-2"), "batchSize", 10, "lingerMillis", 50));
            List<TurnEvent> wanted = TurnEventsProducer.steps(org, "bot-2", 2, 6);
            producer.sendAll(TurnEventsProducer.steps(org, "bot-1", 2, 6));
            producer.sendAll(wanted);

            await().atMost(Duration.ofSeconds(30)).until(() -> destination.processedEventIds().size() == 6);
            sleep(Duration.ofMillis(500));

            assertThat(destination.processedEventIds())
                    .containsExactlyInAnyOrderElementsOf(wanted.stream().map(e -> e.eventId().toString()).toList());
            assertThat(count(id, "delivered")).isPositive();
        }
    }

    private String create(FakeDestination destination, int batchSize, int lingerMillis) {
        return api.createDestination(org, Map.of("name", "test", "url", destination.url(), "authHeaderValue",
                "Bearer token-" + org, "batchSize", batchSize, "lingerMillis", lingerMillis));
    }

    /** Sends events one by one, 100 ms apart, and answers how long each took to reach the destination. */
    private List<Long> latencies(FakeDestination destination, int count) {
        Map<String, Long> sentAt = new HashMap<>();
        String session = org + "-latency-" + UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            TurnEvent event = TurnEventsProducer.event(org, "bot-1", session, 1, i, "StepExecuted", Map.of("i", i));
            sentAt.put(event.eventId().toString(), System.nanoTime());
            producer.send(event);
            producer.flush();
            sleep(Duration.ofMillis(100));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received(destination).keySet().containsAll(sentAt.keySet()));
        Map<String, Long> received = received(destination);
        List<Long> millis = new ArrayList<>();
        sentAt.forEach((eventId, sent) -> millis.add((received.get(eventId) - sent) / 1_000_000));
        return millis;
    }

    private static Map<String, Long> received(FakeDestination destination) {
        Map<String, Long> received = new HashMap<>();
        destination.processed().forEach(r -> r.eventIds().forEach(id -> received.putIfAbsent(id, r.receivedNanos())));
        return received;
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static void assertInSessionOrder(Receipt receipt) {
        Map<String, Long> lastTurn = new HashMap<>();
        for (JsonNode event : receipt.events()) {
            String session = event.get("sessionId").stringValue();
            long turn = event.get("turn").longValue();
            assertThat(turn).as("turns of session %s in batch %s", session, receipt.batchId())
                    .isGreaterThan(lastTurn.getOrDefault(session, 0L));
            lastTurn.put(session, turn);
        }
    }

    private long storedEvents(String id) {
        return StreamSupport.stream(api.deliveries(org, id, null).spliterator(), false)
                .mapToLong(batch -> batch.get("eventCount").longValue()).sum();
    }

    private int attempts(String id) {
        JsonNode batches = api.deliveries(org, id, null);
        return batches.isEmpty() ? 0 : batches.get(0).get("attempts").intValue();
    }

    private JsonNode only(String id) {
        JsonNode batches = api.deliveries(org, id, null);
        assertThat(batches).hasSize(1);
        return batches.get(0);
    }

    private long count(String id, String status) {
        return api.deliveries(org, id, status).size();
    }

    private JsonNode status(String id) {
        return api.get("/internal/v1/orgs/" + org + "/log-destinations/" + id + "/delivery-status").json();
    }

    private String deliveries(String id) {
        return "/internal/v1/orgs/" + org + "/log-destinations/" + id + "/deliveries";
    }

    private static Duration scaled(Duration base, double factor) {
        return Duration.ofMillis(Math.round(base.toMillis() * factor));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
