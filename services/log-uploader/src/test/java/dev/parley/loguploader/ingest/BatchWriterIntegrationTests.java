package dev.parley.loguploader.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.loguploader.IntegrationTestSupport;
import dev.parley.loguploader.destination.Destination;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The durable hand-off against PostgreSQL: events some stored batch holds are never batched twice, and a reprocess
 * re-sends the holding batch under its id. The destination is disabled so the workers leave its batches alone.
 */
class BatchWriterIntegrationTests extends IntegrationTestSupport {

    @Autowired
    private BatchWriter writer;

    @Autowired
    private JdbcTemplate jdbc;

    private Destination destination;

    @BeforeEach
    void disabledDestination() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        destination = new Destination(UUID.randomUUID(), "org" + UUID.randomUUID().toString().substring(0, 8), "d",
                URI.create("http://127.0.0.1:9/"), null, null, List.of(), false, 100, 0, now, now);
        jdbc.update("insert into log_destination (id, org_id, name, url, enabled, batch_size, linger_millis, "
                + "created_at, updated_at) values (?, ?, 'd', 'http://127.0.0.1:9/', false, 100, 0, ?, ?)",
                destination.id(), destination.orgId(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    @Test
    void eventsReadAgainAreNotBatchedAgain() {
        List<BufferedEvent> events = events(0, 100, 10);

        BatchWriter.WriteResult first = writer.write(List.of(batch(events)), BatchWriter.Mode.CONSUME);
        BatchWriter.WriteResult again = writer.write(List.of(batch(events)), BatchWriter.Mode.CONSUME);

        assertThat(first.created()).isEqualTo(1);
        assertThat(again.created()).isZero();
        assertThat(again.coveredEvents()).isEqualTo(10);
        assertThat(again.resent()).isZero();
        assertThat(batchIds()).containsExactly(BatchIds.of(destination.id(), ids(events)));
    }

    @Test
    void aReprocessResendsTheFinishedBatchThatHoldsTheEvents() {
        List<BufferedEvent> events = events(1, 500, 5);
        writer.write(List.of(batch(events)), BatchWriter.Mode.CONSUME);
        jdbc.update("update delivery_batch set status = 'delivered', attempts = 3 where destination_id = ?",
                destination.id());

        BatchWriter.WriteResult result = writer.write(List.of(batch(events.subList(2, 4))), BatchWriter.Mode.REPROCESS);

        assertThat(result.resent()).isEqualTo(1);
        assertThat(result.created()).isZero();
        assertThat(jdbc.queryForList("select status || '/' || attempts || '/' || replays from delivery_batch "
                + "where destination_id = ?", String.class, destination.id())).containsExactly("pending/0/1");
    }

    @Test
    void onlyEventsNoBatchHoldsMakeANewBatch() {
        List<BufferedEvent> stored = events(2, 10, 4);
        List<BufferedEvent> later = events(2, 14, 3);
        writer.write(List.of(batch(stored)), BatchWriter.Mode.CONSUME);

        BatchWriter.WriteResult result = writer.write(List.of(batch(concat(stored.subList(2, 4), later))),
                BatchWriter.Mode.CONSUME);

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.coveredEvents()).isEqualTo(2);
        assertThat(batchIds()).containsExactlyInAnyOrder(BatchIds.of(destination.id(), ids(stored)),
                BatchIds.of(destination.id(), ids(later)));
        assertThat(jdbc.queryForObject("select body from delivery_batch where id = ?", String.class,
                BatchIds.of(destination.id(), ids(later))))
                .startsWith("{\"batchId\":\"" + BatchIds.of(destination.id(), ids(later)) + "\",\"orgId\":\""
                        + destination.orgId() + "\",\"events\":[{\"offset\":14}");
    }

    @Test
    void aBatchForADeletedDestinationIsDropped() {
        jdbc.update("delete from log_destination where id = ?", destination.id());

        BatchWriter.WriteResult result = writer.write(List.of(batch(events(0, 900, 2))), BatchWriter.Mode.CONSUME);

        assertThat(result.created()).isZero();
    }

    private PendingBatch batch(List<BufferedEvent> events) {
        return new PendingBatch(destination, events);
    }

    private List<UUID> batchIds() {
        return jdbc.queryForList("select id from delivery_batch where destination_id = ?", UUID.class, destination.id());
    }

    private static List<BufferedEvent> events(int partition, long firstOffset, int count) {
        return IntStream.range(0, count).mapToObj(i -> new BufferedEvent(UUID.randomUUID(), partition,
                firstOffset + i, "{\"offset\":" + (firstOffset + i) + "}")).toList();
    }

    private static List<UUID> ids(List<BufferedEvent> events) {
        return events.stream().map(BufferedEvent::eventId).toList();
    }

    private static List<BufferedEvent> concat(List<BufferedEvent> a, List<BufferedEvent> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
