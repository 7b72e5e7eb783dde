package dev.parley.loguploader.delivery;

import dev.parley.loguploader.Workers;
import dev.parley.loguploader.delivery.DeliveryMetrics.Outcome;
import dev.parley.loguploader.delivery.DeliveryStore.Candidate;
import dev.parley.loguploader.destination.DestinationDirectory;
import dev.parley.loguploader.ingest.BatchesStored;
import dev.parley.platform.logging.MdcKeys;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds due batches and delivers them. One dispatcher thread per replica claims batches (shared with other replicas
 * through {@code FOR UPDATE SKIP LOCKED} and a lease), each delivery runs on its own virtual thread, and a
 * destination whose breaker is open or whose bulkhead is full is not claimed for, so it cannot hold up the others.
 */
@Component
@Workers
class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryStore store;
    private final DestinationClient client;
    private final DestinationResilience resilience;
    private final LatencyTimeouts timeouts;
    private final RetrySchedule schedule;
    private final DeliveryMetrics metrics;
    private final DeliveryProperties properties;
    private final DestinationDirectory directory;
    private final Clock clock;
    private final String owner;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private ExecutorService workers;

    DeliveryDispatcher(DeliveryStore store, DestinationClient client, DestinationResilience resilience,
            LatencyTimeouts timeouts, RetrySchedule schedule, DeliveryMetrics metrics, DeliveryProperties properties,
            DestinationDirectory directory, Clock clock) {
        this.store = store;
        this.client = client;
        this.resilience = resilience;
        this.timeouts = timeouts;
        this.schedule = schedule;
        this.metrics = metrics;
        this.properties = properties;
        this.directory = directory;
        this.clock = clock;
        this.owner = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        resilience.onOpened(this::park);
    }

    @Override
    public void start() {
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("log-uploader-delivery-", 0).factory());
        running = true;
        thread = Thread.ofPlatform().name("log-uploader-dispatcher").start(this::loop);
        log.info("Delivering batches as {} with up to {} deliveries at once", owner, properties.maxInFlight());
    }

    @Override
    public void stop() {
        running = false;
        signal();
        try {
            if (thread != null) {
                thread.join(5_000);
            }
            workers.shutdown();
            // deliveries still running after this keep their claims, which lapse and are retaken; the wait stays
            // well inside the platform's 25 s shutdown budget
            if (!workers.awaitTermination(Math.min(properties.timeoutCeiling().toMillis() + 1_000, 10_000),
                    TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** New batches were stored on this replica: look now rather than at the next poll. */
    @EventListener
    void batchesStored(BatchesStored event) {
        signal();
    }

    /** Publishes the backlog gauges and drops breakers of deleted destinations. */
    @Scheduled(fixedDelay = 15_000, initialDelay = 5_000)
    void housekeeping() {
        try {
            metrics.backlog(store.backlog(clock.instant()));
        } catch (RuntimeException e) {
            log.debug("Could not read the delivery backlog: {}", e.toString());
        }
        for (UUID id : resilience.known()) {
            if (directory.byId(id).isEmpty()) {
                resilience.forget(id);
                timeouts.forget(id);
            }
        }
    }

    /** An open breaker's due batches wait until it lets trials through, spread over one more open wait. */
    private void park(UUID destinationId, Instant until) {
        try {
            int parked = store.park(destinationId, until, properties.breakerOpenWait());
            log.warn("Circuit breaker of destination {} opened; {} pending batches wait until after {}", destinationId,
                    parked, until);
        } catch (RuntimeException e) {
            log.warn("Could not move the pending batches of destination {} past its open breaker", destinationId, e);
        }
    }

    private void loop() {
        long failures = 0;
        while (running) {
            int free = properties.maxInFlight() - inFlight.get();
            int claimed = 0;
            if (free > 0) {
                try {
                    claimed = dispatch(free);
                    failures = 0;
                } catch (RuntimeException e) {
                    failures++;
                    log.warn("Could not claim due batches; trying again shortly", e);
                    sleep(Math.min(5_000, 200 * failures));
                    continue;
                }
            }
            if (free > 0 && claimed == free) {
                continue; // there may be more due right now
            }
            await(properties.pollInterval());
        }
    }

    /** Claims up to {@code free} due batches and starts their deliveries; answers how many. */
    private int dispatch(int free) {
        Instant now = clock.instant();
        Map<UUID, Permits> permits = new HashMap<>();
        List<ClaimedBatch> claims;
        try {
            claims = store.claim(now, properties.claimLease(), owner, Math.min(free * 4, 256),
                    resilience.unavailable(), candidates -> choose(candidates, free, permits));
        } catch (RuntimeException e) {
            permits.values().forEach(Permits::release);
            throw e;
        }
        for (ClaimedBatch claim : claims) {
            Permits granted = permits.remove(claim.id());
            inFlight.incrementAndGet();
            workers.execute(() -> deliver(claim, granted));
        }
        permits.values().forEach(Permits::release); // chosen but not claimed
        return claims.size();
    }

    /** Picks candidates in due order that their destination's bulkhead and breaker let through now. */
    private List<UUID> choose(List<Candidate> candidates, int free, Map<UUID, Permits> permits) {
        List<UUID> chosen = new ArrayList<>();
        Set<UUID> refused = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (chosen.size() == free) {
                break;
            }
            if (refused.contains(candidate.destinationId())) {
                continue;
            }
            Bulkhead bulkhead = resilience.bulkhead(candidate.destinationId());
            if (!bulkhead.tryAcquirePermission()) {
                refused.add(candidate.destinationId());
                continue;
            }
            CircuitBreaker breaker = resilience.breaker(candidate.destinationId());
            if (!breaker.tryAcquirePermission()) {
                bulkhead.releasePermission();
                refused.add(candidate.destinationId());
                continue;
            }
            permits.put(candidate.id(), new Permits(bulkhead, breaker));
            chosen.add(candidate.id());
        }
        return chosen;
    }

    private void deliver(ClaimedBatch batch, Permits permits) {
        MDC.put(MdcKeys.ORG_ID, batch.orgId());
        MDC.put("destination_id", batch.destinationId().toString());
        MDC.put("batch_id", batch.id().toString());
        try {
            HttpAttempt attempt;
            try {
                attempt = client.post(batch, timeouts.timeout(batch.destinationId()));
            } catch (RuntimeException e) {
                permits.release();
                log.error("Delivery failed unexpectedly; the claim lapses and the batch is retried", e);
                return;
            }
            permits.bulkhead().onComplete();
            try {
                record(batch, attempt, permits.breaker());
            } catch (RuntimeException e) {
                log.error("Could not record the outcome of a delivery ({}); the claim lapses and the batch is sent "
                        + "again under its id", attempt.describe(), e);
            }
        } finally {
            inFlight.decrementAndGet();
            MDC.clear();
            signal();
        }
    }

    private void record(ClaimedBatch batch, HttpAttempt attempt, CircuitBreaker breaker) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long nanos = attempt.latency().toNanos();
        switch (attempt.verdict()) {
            case DELIVERED -> {
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
                timeouts.recordSuccess(batch.destinationId(), attempt.latency());
                if (store.delivered(batch, now, attempt.status())) {
                    metrics.attempt(Outcome.delivered);
                    metrics.delivered(batch.eventCount(), attempt.latency());
                } else {
                    lostClaim(batch);
                }
            }
            case PERMANENT -> {
                // the destination answered, so it is up: this does not count against its breaker
                breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
                if (store.dead(batch, now, attempt.status(), attempt.describe() + " (not retried)")) {
                    metrics.attempt(Outcome.dead_rejected);
                    log.warn("Destination refused batch with {}; kept as dead", attempt.status());
                } else {
                    lostClaim(batch);
                }
            }
            case RETRYABLE -> {
                breaker.onError(nanos, TimeUnit.NANOSECONDS, new DeliveryFailedException(attempt.describe()));
                int attempts = batch.attempts() + 1;
                Optional<Instant> next = schedule.next(attempts, now, attempt.retryAfter());
                Integer status = attempt.status() == 0 ? null : attempt.status();
                if (next.isPresent()) {
                    if (store.retryLater(batch, now, next.get().truncatedTo(ChronoUnit.MICROS), status,
                            attempt.describe())) {
                        metrics.attempt(Outcome.retry_scheduled);
                        log.info("Delivery attempt {} failed ({}); next at {}", attempts, attempt.describe(), next.get());
                    } else {
                        lostClaim(batch);
                    }
                } else if (store.dead(batch, now, status, attempt.describe())) {
                    metrics.attempt(Outcome.dead_after_retries);
                    log.warn("Delivery attempt {} failed ({}); retries used up, kept as dead", attempts,
                            attempt.describe());
                } else {
                    lostClaim(batch);
                }
            }
        }
    }

    private static void lostClaim(ClaimedBatch batch) {
        log.warn("The claim on batch {} lapsed before its outcome was recorded; another worker has it", batch.id());
    }

    private void signal() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!woken && running && nanos > 0) {
                nanos = wake.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** The bulkhead slot and breaker permission one delivery holds. */
    private record Permits(Bulkhead bulkhead, CircuitBreaker breaker) {

        void release() {
            bulkhead.releasePermission();
            breaker.releasePermission();
        }
    }

    /** A failed attempt, as the breaker records it. */
    static final class DeliveryFailedException extends RuntimeException {

        DeliveryFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
