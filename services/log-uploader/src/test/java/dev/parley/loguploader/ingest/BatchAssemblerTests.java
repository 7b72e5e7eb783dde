package dev.parley.loguploader.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.loguploader.destination.Destination;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BatchAssemblerTests {

    private static final long MS = 1_000_000L;

    private final BatchAssembler assembler = new BatchAssembler(64 * 1024);
    private final Destination three = destination(3, 100);
    private final Destination other = destination(10, 50);

    @Test
    void aBatchClosesAtItsDestinationsBatchSize() {
        for (int i = 0; i < 7; i++) {
            assembler.add(three, event(0, i), 0);
        }

        List<PendingBatch> due = assembler.due(1, false);

        assertThat(due).extracting(b -> b.events().size()).containsExactly(3, 3);
        assertThat(due.getFirst().events()).extracting(BufferedEvent::offset).containsExactly(0L, 1L, 2L);
    }

    @Test
    void anOpenBatchIsDueOnceItLingered() {
        assembler.add(other, event(0, 0), 0);

        assertThat(assembler.due(49 * MS, false)).isEmpty();
        assertThat(assembler.due(50 * MS, false)).hasSize(1);
        assertThat(assembler.nextDeadlineNanos()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void everythingIsDueWhenAskedForAll() {
        assembler.add(other, event(0, 0), 0);
        assembler.add(three, event(1, 0), 0);

        assertThat(assembler.due(0, true)).hasSize(2);
    }

    @Test
    void aBatchClosesBeforeItGrowsPastTheByteLimit() {
        BatchAssembler small = new BatchAssembler(250);
        Destination big = destination(1000, 1000);
        for (int i = 0; i < 5; i++) {
            small.add(big, new BufferedEvent(UUID.randomUUID(), 0, i, "x".repeat(100)), 0);
        }

        assertThat(small.due(0, false)).extracting(b -> b.events().size()).containsExactly(3);
    }

    @Test
    void storedBatchesLeaveAndTheirOffsetsMayBeCommitted() {
        assembler.add(three, event(0, 5), 0);
        assembler.add(three, event(0, 6), 0);
        assembler.add(three, event(0, 7), 0);
        assembler.add(three, event(0, 8), 0);
        assertThat(assembler.lowestBufferedOffset(0)).hasValue(5);

        assembler.stored(assembler.due(0, false));

        assertThat(assembler.lowestBufferedOffset(0)).hasValue(8);
        assertThat(assembler.bufferedEvents()).isEqualTo(1);
    }

    @Test
    void theLowestOffsetCountsEveryDestination() {
        assembler.add(other, event(2, 3), 0);
        assembler.add(three, event(2, 9), 0);

        assertThat(assembler.lowestBufferedOffset(2)).hasValue(3);
        assertThat(assembler.lowestBufferedOffset(1)).isEmpty();
    }

    @Test
    void revokedPartitionsAreForgotten() {
        assembler.add(other, event(0, 1), 0);
        assembler.add(other, event(1, 1), 0);

        assembler.drop(Set.of(0));

        assertThat(assembler.lowestBufferedOffset(0)).isEmpty();
        assertThat(assembler.due(0, true).getFirst().events()).extracting(BufferedEvent::partition).containsExactly(1);
    }

    @Test
    void theSameEventReadTwiceIsBatchedOnce() {
        BufferedEvent event = event(0, 1);
        assembler.add(other, event, 0);
        assembler.add(other, new BufferedEvent(event.eventId(), 0, 2, event.json()), 0);

        assertThat(assembler.due(0, true).getFirst().events()).hasSize(1);
    }

    private static BufferedEvent event(int partition, long offset) {
        return new BufferedEvent(UUID.randomUUID(), partition, offset, "{\"offset\":" + offset + "}");
    }

    private static Destination destination(int batchSize, int lingerMillis) {
        return new Destination(UUID.randomUUID(), "org", "d", URI.create("https://example.com"), null, null,
                List.of(), true, batchSize, lingerMillis, Instant.EPOCH, Instant.EPOCH);
    }
}
