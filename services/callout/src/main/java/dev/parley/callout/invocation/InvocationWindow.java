package dev.parley.callout.invocation;

import dev.parley.callout.api.InvocationResult;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recent invocation ids of this replica and their results (or the pending result of a call still running), for at
 * most {@code windowNanos}, {@code maxEntries} and {@code maxBytes}, whichever bound is hit first; the oldest go first.
 *
 * <p>Its memory shape is chosen for the garbage collector. At 500 calls/s a five-minute window holds 100,000 results,
 * and kept as objects every young collection copied those recorded since the previous one, again and again until they
 * were old: the callout benchmark's young pauses took 15-20 ms instead of about 2. So recorded results are written,
 * as bytes (time, id, action name, the result's JSON), into chunks of up to 2 MB, each with its own open-addressing
 * index; arrays that large are allocated straight into the old generation and never copied. Chunks go whole, oldest
 * first, so the bounds hold to within one chunk (a sixteenth of them). Calls still running are the only objects per
 * id, and there are few of them.
 */
final class InvocationWindow {

    record Key(String orgId, String invocationId) {

        /** One string: org ids are [A-Za-z0-9_-], so the separator cannot occur in them. */
        String flat() {
            return orgId + '/' + invocationId;
        }
    }

    /**
     * An id's claim: the first request runs the call ({@code owner}), later ones wait for {@code result}.
     *
     * @param actionName the action the id was first claimed for
     */
    record Claim(String actionName, CompletableFuture<InvocationResult> result, boolean owner) {
    }

    private record Running(String actionName, CompletableFuture<InvocationResult> result, long createdAtNanos) {
    }

    private static final int MAX_CHUNK_BYTES = 2 << 20;
    private static final int MIN_CHUNK_BYTES = 64 << 10;
    private static final int MAX_CHUNK_ENTRIES = 16_384;

    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: callers run on virtual threads
    /** Calls still running, by flat key. Guarded by lock. */
    private final HashMap<String, Running> running = new HashMap<>();
    /** Recorded results, oldest chunk first. Guarded by lock, as are the two totals. */
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private long recordedEntries;
    private long recordedBytes;
    private final JsonMapper json;
    private final long windowNanos;
    private final int maxEntries;
    private final long maxBytes;
    private final int chunkBytes;
    private final int chunkEntries;

    /**
     * @param maxBytes what the chunks of recorded results may take in all, at most 1 GiB (offsets are ints)
     */
    InvocationWindow(long windowNanos, int maxEntries, long maxBytes, JsonMapper json) {
        this.windowNanos = windowNanos;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.json = json;
        this.chunkBytes = (int) Math.clamp(maxBytes / 16, MIN_CHUNK_BYTES, MAX_CHUNK_BYTES);
        this.chunkEntries = Math.clamp(maxEntries / 16, 1, MAX_CHUNK_ENTRIES);
    }

    /** Claims {@code key}: an owner claim when it is new (or its record expired), else the existing claim. */
    Claim claim(Key key, String actionName) {
        String id = key.flat();
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        Chunk chunk = null;
        int offset = -1;
        lock.lock();
        try {
            long now = System.nanoTime();
            evict(now);
            Running call = running.get(id);
            if (call != null) {
                return new Claim(call.actionName(), call.result(), false);
            }
            for (Iterator<Chunk> newestFirst = chunks.descendingIterator(); newestFirst.hasNext() && offset < 0;) {
                chunk = newestFirst.next();
                offset = chunk.find(idBytes, id.hashCode());
            }
            if (offset < 0 || now - chunk.createdAt(offset) >= windowNanos) {
                Running mine = new Running(actionName, new CompletableFuture<>(), now);
                running.put(id, mine);
                return new Claim(actionName, mine.result(), true);
            }
        } finally {
            lock.unlock();
        }
        return decode(chunk, offset); // outside the lock: written bytes never change, and parsing is the slow part
    }

    /** Keeps the owner's result for replay and hands it to whoever waits for it. */
    void record(Key key, Claim claim, InvocationResult result) {
        String id = key.flat();
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        byte[] name = claim.actionName().getBytes(StandardCharsets.UTF_8);
        byte[] body = json.writeValueAsBytes(result);
        lock.lock();
        try {
            Running call = running.get(id);
            if (call != null && call.result() == claim.result()) {
                running.remove(id);
                append(idBytes, id.hashCode(), name, body, call.createdAtNanos());
                evict(System.nanoTime());
            }
        } finally {
            lock.unlock();
        }
        claim.result().complete(result);
    }

    /** Forgets the owner's claim (its result is not worth replaying); waiters still get {@code result}. */
    void release(Key key, Claim claim, InvocationResult result) {
        forget(key, claim);
        claim.result().complete(result);
    }

    /** Forgets a claim whose call threw; waiters get the exception. */
    void abandon(Key key, Claim claim, RuntimeException failure) {
        forget(key, claim);
        claim.result().completeExceptionally(failure);
    }

    /** Recorded results and running calls. */
    long size() {
        lock.lock();
        try {
            return recordedEntries + running.size();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes held by chunks of recorded results. */
    long recordedBytes() {
        lock.lock();
        try {
            return recordedBytes;
        } finally {
            lock.unlock();
        }
    }

    private void forget(Key key, Claim claim) {
        lock.lock();
        try {
            running.computeIfPresent(key.flat(), (id, call) -> call.result() == claim.result() ? null : call);
        } finally {
            lock.unlock();
        }
    }

    private void append(byte[] id, int hash, byte[] name, byte[] body, long createdAtNanos) {
        int size = Chunk.entrySize(id, name, body);
        if (size > maxBytes) {
            return; // larger than the whole window may hold: not replayable, like a result evicted early
        }
        Chunk current = chunks.peekLast();
        if (current == null || !current.fits(size)) {
            current = new Chunk(Math.max(chunkBytes, size), size > chunkBytes ? 1 : chunkEntries);
            chunks.addLast(current);
            recordedBytes += current.capacity();
        }
        current.add(id, hash, name, body, createdAtNanos);
        recordedEntries++;
    }

    /** Drops the oldest chunks while they are past the window, or the bounds are exceeded. Called with the lock held. */
    private void evict(long now) {
        Chunk oldest;
        while ((oldest = chunks.peekFirst()) != null && (now - oldest.newestNanos >= windowNanos
                || recordedEntries > maxEntries || recordedBytes > maxBytes)) {
            chunks.removeFirst();
            recordedEntries -= oldest.entries;
            recordedBytes -= oldest.capacity();
        }
    }

    private Claim decode(Chunk chunk, int offset) {
        int position = offset + 8;
        position += 4 + Chunk.intAt(chunk.data, position); // the id
        int nameLength = Chunk.intAt(chunk.data, position);
        String actionName = new String(chunk.data, position + 4, nameLength, StandardCharsets.UTF_8);
        position += 4 + nameLength;
        int bodyLength = Chunk.intAt(chunk.data, position);
        InvocationResult result = json.readValue(chunk.data, position + 4, bodyLength, InvocationResult.class);
        return new Claim(actionName, CompletableFuture.completedFuture(result), false);
    }

    /**
     * Recorded results in one array, appended and never changed: each is created-at nanos (8 bytes), then id, action
     * name and JSON, each as a length (4 bytes) and UTF-8 bytes. {@code slots} index them by id hash (offset + 1;
     * 0 is empty), linear probing, at most half full.
     */
    private static final class Chunk {

        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

        final byte[] data;
        private final int[] slots;
        private final int maxEntries;
        private int used;
        int entries;
        long newestNanos;

        Chunk(int bytes, int maxEntries) {
            this.data = new byte[bytes];
            this.maxEntries = maxEntries;
            this.slots = new int[Integer.highestOneBit(maxEntries * 2 - 1) << 1];
        }

        static int entrySize(byte[] id, byte[] name, byte[] body) {
            return 8 + 4 + id.length + 4 + name.length + 4 + body.length;
        }

        int capacity() {
            return data.length + slots.length * 4;
        }

        boolean fits(int size) {
            return entries < maxEntries && data.length - used >= size;
        }

        void add(byte[] id, int hash, byte[] name, byte[] body, long createdAtNanos) {
            int offset = used;
            ByteBuffer out = ByteBuffer.wrap(data).position(offset); // big-endian, as intAt and createdAt read
            out.putLong(createdAtNanos).putInt(id.length).put(id).putInt(name.length).put(name).putInt(body.length)
                    .put(body);
            used = out.position();
            int mask = slots.length - 1;
            int slot = spread(hash) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = offset + 1;
            entries++;
            newestNanos = createdAtNanos;
        }

        /** The offset of the newest entry for {@code id} in this chunk, or -1. */
        int find(byte[] id, int hash) {
            int mask = slots.length - 1;
            int found = -1;
            for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                int offset = slots[slot] - 1;
                int length = intAt(data, offset + 8);
                if (length == id.length && Arrays.equals(data, offset + 12, offset + 12 + length, id, 0, id.length)) {
                    found = Math.max(found, offset); // an id recorded again after expiring: the later one counts
                }
            }
            return found;
        }

        long createdAt(int offset) {
            return (long) LONG.get(data, offset);
        }

        static int intAt(byte[] data, int offset) {
            return (int) INT.get(data, offset);
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
