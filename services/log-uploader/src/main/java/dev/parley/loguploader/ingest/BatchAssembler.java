package dev.parley.loguploader.ingest;

import dev.parley.loguploader.destination.Destination;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Groups the events one consumer reads into batches per destination: a batch closes when it holds the destination's
 * batch size or the byte limit, and an open one is handed over once it has lingered. Not thread-safe: one per
 * consumer thread. Also answers, per partition, the lowest offset still only in memory, which bounds the offset
 * that may be committed.
 */
final class BatchAssembler {

    private final long maxBatchBytes;
    private final Map<UUID, Buffer> buffers = new HashMap<>();
    private int bufferedEvents;

    BatchAssembler(long maxBatchBytes) {
        this.maxBatchBytes = maxBatchBytes;
    }

    /** Adds an event for a destination; {@code nowNanos} is the monotonic time it was read. */
    void add(Destination destination, BufferedEvent event, long nowNanos) {
        Buffer buffer = buffers.computeIfAbsent(destination.id(), id -> new Buffer());
        buffer.add(destination, event, nowNanos, maxBatchBytes);
        bufferedEvents++;
    }

    /** Batches that should be stored now: every closed one, and open ones past their linger (or all when asked). */
    List<PendingBatch> due(long nowNanos, boolean all) {
        List<PendingBatch> due = new ArrayList<>();
        for (Buffer buffer : buffers.values()) {
            buffer.collect(due, nowNanos, all);
        }
        return due;
    }

    /** Forgets batches once stored; they must come from {@link #due} with nothing added in between to them. */
    void stored(Collection<PendingBatch> batches) {
        for (PendingBatch batch : batches) {
            Buffer buffer = buffers.get(batch.destination().id());
            if (buffer != null && buffer.remove(batch)) {
                bufferedEvents -= batch.events().size();
                if (buffer.isEmpty()) {
                    buffers.remove(batch.destination().id());
                }
            }
        }
    }

    /** Drops what was read from these partitions (they were revoked: their next owner reads them again). */
    void drop(Set<Integer> partitions) {
        for (Iterator<Buffer> it = buffers.values().iterator(); it.hasNext(); ) {
            Buffer buffer = it.next();
            bufferedEvents -= buffer.drop(partitions);
            if (buffer.isEmpty()) {
                it.remove();
            }
        }
    }

    /** The lowest offset of this partition still buffered, if any. */
    OptionalLong lowestBufferedOffset(int partition) {
        long lowest = Long.MAX_VALUE;
        for (Buffer buffer : buffers.values()) {
            lowest = Math.min(lowest, buffer.lowestOffset(partition));
        }
        return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /** The monotonic time at which the next open batch's linger ends, or {@code Long.MAX_VALUE}. */
    long nextDeadlineNanos() {
        long next = Long.MAX_VALUE;
        for (Buffer buffer : buffers.values()) {
            next = Math.min(next, buffer.deadline());
        }
        return next;
    }

    int bufferedEvents() {
        return bufferedEvents;
    }

    /** One destination's batches: closed ones in order, then the open one. */
    private static final class Buffer {

        private final Deque<Chunk> chunks = new ArrayDeque<>();
        private final Set<UUID> eventIds = new HashSet<>();

        void add(Destination destination, BufferedEvent event, long nowNanos, long maxBytes) {
            if (!eventIds.add(event.eventId())) {
                return; // a duplicate delivery of the same event: once per destination is enough
            }
            Chunk open = chunks.peekLast();
            if (open == null || open.closed) {
                open = new Chunk(destination, nowNanos);
                chunks.addLast(open);
            }
            open.destination = destination;
            open.events.add(event);
            open.bytes += event.json().length() + 1;
            if (open.events.size() >= destination.batchSize() || open.bytes >= maxBytes) {
                open.closed = true;
            }
        }

        void collect(List<PendingBatch> due, long nowNanos, boolean all) {
            for (Chunk chunk : chunks) {
                if (all || chunk.closed || nowNanos - chunk.startedNanos >= lingerNanos(chunk)) {
                    chunk.closed = true;
                    if (chunk.pending == null) {
                        chunk.pending = new PendingBatch(chunk.destination, chunk.events);
                    }
                    due.add(chunk.pending);
                }
            }
        }

        boolean remove(PendingBatch batch) {
            for (Iterator<Chunk> it = chunks.iterator(); it.hasNext(); ) {
                Chunk chunk = it.next();
                if (chunk.pending == batch) {
                    it.remove();
                    batch.events().forEach(e -> eventIds.remove(e.eventId()));
                    return true;
                }
            }
            return false;
        }

        int drop(Set<Integer> partitions) {
            int dropped = 0;
            for (Iterator<Chunk> it = chunks.iterator(); it.hasNext(); ) {
                Chunk chunk = it.next();
                int before = chunk.events.size();
                chunk.events.removeIf(e -> {
                    boolean drop = partitions.contains(e.partition());
                    if (drop) {
                        eventIds.remove(e.eventId());
                    }
                    return drop;
                });
                dropped += before - chunk.events.size();
                chunk.pending = null;
                if (chunk.events.isEmpty()) {
                    it.remove();
                }
            }
            return dropped;
        }

        long lowestOffset(int partition) {
            long lowest = Long.MAX_VALUE;
            for (Chunk chunk : chunks) {
                for (BufferedEvent event : chunk.events) {
                    if (event.partition() == partition) {
                        // events of one partition arrive in offset order, so the first one found is the lowest
                        lowest = Math.min(lowest, event.offset());
                        break;
                    }
                }
            }
            return lowest;
        }

        long deadline() {
            Chunk open = chunks.peekLast();
            if (open == null) {
                return Long.MAX_VALUE;
            }
            return open.closed ? Long.MIN_VALUE : open.startedNanos + lingerNanos(open);
        }

        boolean isEmpty() {
            return chunks.isEmpty();
        }

        private static long lingerNanos(Chunk chunk) {
            return chunk.destination.lingerMillis() * 1_000_000L;
        }
    }

    /** One batch in the making. */
    private static final class Chunk {

        final long startedNanos;
        final List<BufferedEvent> events = new ArrayList<>();
        Destination destination;
        long bytes;
        boolean closed;
        PendingBatch pending;

        Chunk(Destination destination, long startedNanos) {
            this.destination = destination;
            this.startedNanos = startedNanos;
        }
    }
}
