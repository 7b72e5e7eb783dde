package dev.parley.sessionstore.session;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.CommitResult;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Leases served first come, first served across replicas, fenced commits and releases. */
@Service
class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final SessionStore store;
    private final LeaseWakeups wakeups;
    private final LeaseProperties properties;
    private final Timer grantedWait;
    private final Timer replayedWait;
    private final Timer busyWait;
    private final Counter granted;
    private final Counter replayed;
    private final Counter busy;
    private final Timer committed;
    private final Counter fencedOut;

    SessionService(SessionStore store, LeaseWakeups wakeups, LeaseProperties properties, MeterRegistry meters) {
        this.store = store;
        this.wakeups = wakeups;
        this.properties = properties;
        this.grantedWait = waitTimer(meters, "granted");
        this.replayedWait = waitTimer(meters, "replayed");
        this.busyWait = waitTimer(meters, "busy");
        this.granted = Counter.builder("parley.session.lease.granted").description("leases granted")
                .register(meters);
        this.replayed = Counter.builder("parley.session.lease.replayed")
                .description("lease requests answered with a recorded reply").register(meters);
        this.busy = Counter.builder("parley.session.lease.busy")
                .description("lease requests that waited in vain (423)").register(meters);
        this.committed = Timer.builder("parley.session.commit").description("successful commits")
                .register(meters);
        this.fencedOut = Counter.builder("parley.session.commit.fenced_out")
                .description("commits refused because their lease was no longer live").register(meters);
    }

    /** Waits up to {@code request.waitMillis()} for the lease, in arrival order. */
    LeaseGranted lease(String sessionId, LeaseRequest request) {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMillis(request.waitMillis()).toNanos();
        String waiterId = UUID.randomUUID().toString();
        String holder = request.holder() == null ? "unknown" : request.holder();
        Duration backoff = properties.minBackoff();
        try (LeaseWakeups.Waiter waiter = wakeups.register(sessionId)) {
            while (true) {
                SessionStore.LeaseAttempt attempt = store.tryLease(sessionId, waiterId, holder, request.ttlMillis(),
                        request.messageKey(), properties.waiterLiveness());
                switch (attempt) {
                    case SessionStore.LeaseAttempt.Granted g -> {
                        granted.increment();
                        grantedWait.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                        log.debug("Lease granted with token {} to {}", g.fencingToken(), holder);
                        return new LeaseGranted(sessionId, g.fencingToken(), g.expiresAtEpochMillis(), g.session(),
                                null);
                    }
                    case SessionStore.LeaseAttempt.Replayed r -> {
                        replayed.increment();
                        replayedWait.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                        log.debug("Message key {} was answered before; replaying its reply", request.messageKey());
                        return new LeaseGranted(sessionId, 0, 0, r.session(), r.reply());
                    }
                    case SessionStore.LeaseAttempt.Queued q -> {
                        if (wakeups.shuttingDown()) {
                            store.leaveQueue(sessionId, waiterId);
                            log.info("Lease wait abandoned at queue position {}: shutting down", q.position());
                            throw new LeaseWaitAbandonedException(sessionId);
                        }
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0) {
                            throw giveUp(sessionId, waiterId, started, q.position());
                        }
                        boolean woken;
                        try {
                            woken = waiter.await(min(backoff, Duration.ofNanos(remaining)));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw giveUp(sessionId, waiterId, started, q.position());
                        }
                        backoff = woken ? properties.minBackoff() : min(backoff.multipliedBy(2), properties.maxBackoff());
                    }
                }
            }
        }
    }

    /** Commits the turn when its token is the live lease; the lease is released by the commit. */
    CommitResult commit(String sessionId, CommitRequest request) {
        long started = System.nanoTime();
        return switch (store.commit(sessionId, request)) {
            case SessionStore.CommitOutcome.Committed c -> {
                committed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                log.debug("Committed version {} with {} events", c.version(),
                        request.events() == null ? 0 : request.events().size());
                yield new CommitResult(sessionId, c.version());
            }
            case SessionStore.CommitOutcome.FencedOut f -> {
                fencedOut.increment();
                log.warn("Commit with fencing token {} refused: the lease is no longer live", request.fencingToken());
                throw new FencedOutException(sessionId, request.fencingToken());
            }
            case SessionStore.CommitOutcome.OrgMismatch m -> {
                log.warn("Commit refused: session belongs to org {}, request named org {}", m.storedOrgId(),
                        request.session().orgId());
                throw new SessionOrgMismatchException(sessionId, m.storedOrgId(), request.session().orgId());
            }
        };
    }

    /** Gives the lease back when the token is still live; a stale token is ignored. */
    void release(String sessionId, long fencingToken) {
        boolean released = store.release(sessionId, fencingToken);
        log.debug("Release of fencing token {}: {}", fencingToken, released ? "released" : "not the live lease");
    }

    private LeaseBusyException giveUp(String sessionId, String waiterId, long started, int position) {
        store.leaveQueue(sessionId, waiterId);
        long waited = System.nanoTime() - started;
        busy.increment();
        busyWait.record(waited, TimeUnit.NANOSECONDS);
        log.info("Lease still taken after {} ms at queue position {}", Duration.ofNanos(waited).toMillis(), position);
        return new LeaseBusyException(sessionId, Duration.ofNanos(waited).toMillis(), position);
    }

    private static Timer waitTimer(MeterRegistry meters, String outcome) {
        return Timer.builder("parley.session.lease.wait").description("time from lease request to answer")
                .tag("outcome", outcome).register(meters);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
