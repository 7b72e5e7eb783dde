package dev.parley.callout.invocation;

import dev.parley.callout.api.InvocationResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recent invocation ids of this replica and their results (or the pending result of a call still running), for at
 * most {@code windowNanos} and {@code maxEntries}, whichever bound is hit first. Ids are in insertion order in a
 * queue, so the oldest go first.
 */
final class InvocationWindow {

    record Key(String orgId, String invocationId) {
    }

    /** An id's claim: the first request runs the call, later ones wait for its result. */
    record Claim(String actionName, CompletableFuture<InvocationResult> result, long createdAtNanos, boolean owner) {
    }

    private final ConcurrentHashMap<Key, Claim> claims = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Key> order = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final long windowNanos;
    private final int maxEntries;

    InvocationWindow(long windowNanos, int maxEntries) {
        this.windowNanos = windowNanos;
        this.maxEntries = maxEntries;
    }

    /** Claims {@code key}: an owner claim when it is new (or its record expired), else the existing claim. */
    Claim claim(Key key, String actionName) {
        evict();
        long now = System.nanoTime();
        Claim mine = new Claim(actionName, new CompletableFuture<>(), now, true);
        while (true) {
            Claim existing = claims.putIfAbsent(key, mine);
            if (existing == null) {
                order.add(key);
                size.incrementAndGet();
                return mine;
            }
            if (now - existing.createdAtNanos() < windowNanos) {
                return new Claim(existing.actionName(), existing.result(), existing.createdAtNanos(), false);
            }
            if (claims.remove(key, existing)) {
                size.decrementAndGet();
            }
        }
    }

    /** Forgets the owner's claim (its result is not worth replaying); waiters still get {@code result}. */
    void release(Key key, Claim claim, InvocationResult result) {
        if (claims.remove(key, claim)) {
            size.decrementAndGet();
        }
        claim.result().complete(result);
    }

    /** Forgets a claim whose call threw; waiters get the exception. */
    void abandon(Key key, Claim claim, RuntimeException failure) {
        if (claims.remove(key, claim)) {
            size.decrementAndGet();
        }
        claim.result().completeExceptionally(failure);
    }

    int size() {
        return size.get();
    }

    private void evict() {
        long now = System.nanoTime();
        Key oldest;
        while ((oldest = order.peek()) != null) {
            Claim claim = claims.get(oldest);
            boolean expired = claim == null || now - claim.createdAtNanos() >= windowNanos;
            if (!expired && size.get() <= maxEntries) {
                return;
            }
            if (order.remove(oldest) && claim != null && claims.remove(oldest, claim)) {
                size.decrementAndGet();
            }
        }
    }
}
