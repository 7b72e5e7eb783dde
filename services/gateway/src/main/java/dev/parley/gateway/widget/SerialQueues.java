package dev.parley.gateway.widget;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs tasks one at a time per key, in submission order, on an executor: the frames of one conversation are
 * processed in the order they arrived on this replica (across its WebSocket connections and HTTP requests), while
 * different conversations run in parallel. A key's entry disappears when its last task is done.
 */
final class SerialQueues {

    private final ConcurrentHashMap<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    private final Executor executor;

    SerialQueues(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code task} after every task submitted before for {@code key}; its outcome completes the answer. */
    <T> CompletableFuture<T> submit(String key, Supplier<T> task) {
        @SuppressWarnings("unchecked")
        CompletableFuture<T>[] created = new CompletableFuture[1];
        tails.compute(key, (k, tail) -> {
            CompletableFuture<?> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            // handle, not thenApply: a failed task must not stop the ones after it
            created[0] = previous.handleAsync((ignored, failure) -> task.get(), executor);
            return created[0];
        });
        CompletableFuture<T> next = created[0];
        next.whenComplete((result, failure) -> tails.remove(key, next));
        return next;
    }

    /** Keys with queued or running tasks (for tests and metrics). */
    int activeKeys() {
        return tails.size();
    }
}
