package dev.parley.sessionstore.session;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Lease waiters of this replica, by session, so that a release notification wakes them at once instead of after
 * their backoff. Only a shortcut: waiters poll anyway, so a lost notification costs one backoff, never correctness.
 * On shutdown every waiter is woken and told to give up, so that no wait outlives the graceful shutdown.
 */
final class LeaseWakeups implements SmartLifecycle {

    private final ConcurrentHashMap<String, Set<Semaphore>> waiting = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean shuttingDown;

    Waiter register(String sessionId) {
        Semaphore signal = new Semaphore(0);
        waiting.compute(sessionId, (id, signals) -> {
            Set<Semaphore> set = signals == null ? ConcurrentHashMap.newKeySet() : signals;
            set.add(signal);
            return set;
        });
        return new Waiter(sessionId, signal);
    }

    void wake(String sessionId) {
        Set<Semaphore> signals = waiting.get(sessionId);
        if (signals != null) {
            signals.forEach(Semaphore::release);
        }
    }

    int waitingSessions() {
        return waiting.size();
    }

    /** True once shutdown began: waiters must stop waiting. */
    boolean shuttingDown() {
        return shuttingDown;
    }

    @Override
    public void start() {
        shuttingDown = false;
        running = true;
    }

    /** Runs before the web server's graceful shutdown phase, so waiting requests answer instead of holding it up. */
    @Override
    public void stop() {
        shuttingDown = true;
        running = false;
        waiting.values().forEach(signals -> signals.forEach(Semaphore::release));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One registered waiter; close it when done waiting. */
    final class Waiter implements AutoCloseable {

        private final String sessionId;
        private final Semaphore signal;

        private Waiter(String sessionId, Semaphore signal) {
            this.sessionId = sessionId;
            this.signal = signal;
        }

        /** Pauses up to {@code timeout}; answers true when woken by a release of the session's lease. */
        boolean await(Duration timeout) throws InterruptedException {
            boolean woken = signal.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
            signal.drainPermits();
            return woken;
        }

        @Override
        public void close() {
            waiting.computeIfPresent(sessionId, (id, signals) -> {
                signals.remove(signal);
                return signals.isEmpty() ? null : signals;
            });
        }
    }
}
