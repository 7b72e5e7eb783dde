package dev.parley.runtime.events;

import dev.parley.runtime.sessionstore.SessionStore;
import dev.parley.runtime.sessionstore.SessionStoreUnavailableException;
import dev.parley.sessionstore.api.OutboxEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves committed outbox entries to Kafka and acknowledges them to session-store. After a commit this happens in the
 * background so the reply does not wait for Kafka; whatever fails or is dropped stays in the outbox for the
 * {@link OutboxSweeper}. Publishing twice is harmless: consumers dedupe by event id.
 */
@Component
public class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final TurnEventPublisher publisher;
    private final SessionStore sessionStore;
    private final EventsProperties properties;
    private final ThreadPoolExecutor executor;
    private final Counter published;
    private final ConcurrentLinkedQueue<UUID> confirmed = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService acker;

    OutboxRelay(TurnEventPublisher publisher, SessionStore sessionStore, EventsProperties properties,
            MeterRegistry meters) {
        this.publisher = publisher;
        this.sessionStore = sessionStore;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        // One thread is enough: it only hands records to the producer, whose own I/O thread waits for Kafka.
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.publishQueue()), r -> {
                    Thread thread = new Thread(r, "turn-event-relay-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.published = Counter.builder("parley.runtime.events.published")
                .description("Turn events Kafka confirmed").register(meters);
        this.acker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "turn-event-acker");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.ackInterval().toMillis();
        acker.scheduleWithFixedDelay(this::flushAcksSafely, every, every, TimeUnit.MILLISECONDS);
    }

    private void flushAcksSafely() {
        try {
            flushAcks();
        } catch (RuntimeException e) {
            log.warn("Acknowledging published events failed; the sweeper publishes them again: {}", e.toString());
        }
    }

    /**
     * Publishes a just-committed turn's events in the background; never throws and never blocks on Kafka. Kafka's
     * confirmations are collected and acknowledged to session-store in batches by {@link #flushAcks()}, so a turn
     * costs no extra call to session-store and no thread waits for Kafka.
     */
    public void relayAfterCommit(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        try {
            executor.execute(() -> {
                if (mdc != null) {
                    MDC.setContextMap(mdc);
                }
                try {
                    for (OutboxEntry entry : entries) {
                        publisher.publish(entry).whenComplete((ok, failure) -> {
                            if (failure == null) {
                                published.increment();
                                confirmed.add(entry.eventId());
                            } else {
                                log.warn("Kafka did not confirm event {}; it stays in the outbox for the sweeper: {}",
                                        entry.eventId(), failure.toString());
                            }
                        });
                    }
                } catch (RuntimeException e) {
                    log.warn("Could not hand {} committed events to Kafka; they wait for the outbox sweeper: {}",
                            entries.size(), e.toString());
                } finally {
                    MDC.clear();
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Publish queue full or closed: {} committed events wait for the outbox sweeper", entries.size());
        }
    }

    /** Acknowledges every event Kafka confirmed since the last flush; runs on a short fixed delay. */
    void flushAcks() {
        List<UUID> batch = new ArrayList<>();
        UUID eventId;
        while ((eventId = confirmed.poll()) != null) {
            batch.add(eventId);
        }
        acknowledge(batch);
    }

    /**
     * Publishes the entries, waits up to the publish timeout for Kafka's confirmation, then acknowledges the
     * confirmed ones to session-store in batches. Answers how many Kafka confirmed.
     */
    int relay(List<OutboxEntry> entries) {
        List<CompletableFuture<Void>> sends = entries.stream().map(publisher::publish).toList();
        long deadline = System.nanoTime() + properties.publishTimeout().toNanos();
        List<UUID> confirmed = new ArrayList<>(entries.size());
        Throwable failure = null;
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                confirmed.add(entries.get(i).eventId());
            } catch (ExecutionException e) {
                failure = e.getCause();
            } catch (TimeoutException e) {
                failure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        published.increment(confirmed.size());
        if (failure != null) {
            log.warn("Kafka did not confirm {} of {} events; they stay in the outbox for the sweeper: {}",
                    entries.size() - confirmed.size(), entries.size(), failure.toString());
        }
        acknowledge(confirmed);
        return confirmed.size();
    }

    private void acknowledge(List<UUID> eventIds) {
        for (int from = 0; from < eventIds.size(); from += properties.ackBatchSize()) {
            List<UUID> batch = eventIds.subList(from, Math.min(eventIds.size(), from + properties.ackBatchSize()));
            try {
                sessionStore.ack(List.copyOf(batch));
            } catch (SessionStoreUnavailableException e) {
                // the sweeper publishes them again; consumers dedupe by event id
                log.warn("Could not acknowledge {} published events: {}", batch.size(), e.getMessage());
            }
        }
    }

    /** Lets queued relays finish on shutdown (within the publish timeout) so a clean stop leaves little to sweep. */
    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("{} event relays were still running at shutdown; the sweeper will publish them",
                    executor.getActiveCount() + executor.getQueue().size());
            executor.shutdownNow();
        }
        acker.shutdown();
        acker.awaitTermination(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        flushAcksSafely();
    }
}
