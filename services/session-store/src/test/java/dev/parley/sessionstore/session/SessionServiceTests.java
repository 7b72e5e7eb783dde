package dev.parley.sessionstore.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionServiceTests {

    private final ScriptedStore store = new ScriptedStore();
    private final LeaseWakeups wakeups = new LeaseWakeups();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SessionService service = new SessionService(store, wakeups,
            new LeaseProperties(Duration.ofSeconds(1), Duration.ofMillis(2), Duration.ofMillis(20)), meters);

    @Test
    void waiterKeepsAskingUntilGrantedAndCountsTheGrant() {
        wakeups.start();
        store.answers.add(new SessionStore.LeaseAttempt.Queued(2));
        store.answers.add(new SessionStore.LeaseAttempt.Queued(1));
        store.answers.add(new SessionStore.LeaseAttempt.Granted(7, 1_000, null));

        LeaseGranted lease = service.lease("s-1", new LeaseRequest("h", 1_000, 1_000, "k"));

        assertThat(lease.fencingToken()).isEqualTo(7);
        assertThat(store.attempts).isEqualTo(3);
        assertThat(store.left).isEmpty();
        assertThat(meters.counter("parley.session.lease.granted").count()).isEqualTo(1);
    }

    @Test
    void waiterGivesUpAfterItsWaitLeavesTheQueueAndCountsBusy() {
        wakeups.start();
        long started = System.nanoTime();

        assertThatExceptionOfType(LeaseBusyException.class)
                .isThrownBy(() -> service.lease("s-1", new LeaseRequest("h", 1_000, 100, "k")))
                .withMessageContaining("s-1");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        // backoff grows to 20 ms, so about ten attempts, not a busy loop
        assertThat(store.attempts).isBetween(3, 30);
        assertThat(store.left).hasSize(1);
        assertThat(meters.counter("parley.session.lease.busy").count()).isEqualTo(1);
    }

    @Test
    void waitOfZeroTriesExactlyOnce() {
        wakeups.start();

        assertThatExceptionOfType(LeaseBusyException.class)
                .isThrownBy(() -> service.lease("s-1", new LeaseRequest("h", 1_000, 0, "k")));

        assertThat(store.attempts).isEqualTo(1);
        assertThat(store.left).hasSize(1);
    }

    @Test
    void shutdownEndsEveryWaitAtOnce() throws Exception {
        wakeups.start();
        CompletableFuture<LeaseGranted> waiting = CompletableFuture.supplyAsync(
                () -> service.lease("s-1", new LeaseRequest("h", 1_000, 30_000, "k")));
        Thread.sleep(50);

        wakeups.stop();

        assertThat(waiting).failsWithin(2, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(LeaseWaitAbandonedException.class);
        assertThat(store.left).hasSize(1);
    }

    /** Answers lease attempts from a script, then "queued at 1" forever. */
    private static final class ScriptedStore implements SessionStore {

        final Deque<LeaseAttempt> answers = new ArrayDeque<>();
        final List<String> left = new ArrayList<>();
        volatile int attempts;

        @Override
        public synchronized LeaseAttempt tryLease(String sessionId, String waiterId, String holder, long ttlMillis,
                String messageKey, Duration waiterLiveness) {
            attempts++;
            return answers.isEmpty() ? new LeaseAttempt.Queued(1) : answers.poll();
        }

        @Override
        public synchronized void leaveQueue(String sessionId, String waiterId) {
            left.add(waiterId);
        }

        @Override
        public CommitOutcome commit(String sessionId, CommitRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean release(String sessionId, long fencingToken) {
            throw new UnsupportedOperationException();
        }
    }
}
