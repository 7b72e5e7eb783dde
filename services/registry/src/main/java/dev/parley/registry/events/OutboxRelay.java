package dev.parley.registry.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the outbox to Kafka in the order events were written: right after an activation commits, and every
 * {@code relay-interval} for retries and for events other replicas wrote. One replica publishes at a time (an
 * advisory lock); a failed send stops the pass and is retried with exponential backoff, so a Kafka outage delays
 * events but loses none and never reorders them. Not started in migrate-only mode.
 */
@Component
@ConditionalOnProperty(name = "parley.platform.migrate-only", havingValue = "false", matchIfMissing = true)
class OutboxRelay implements SchedulingConfigurer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore outbox;
    private final EventPublisher publisher;
    private final TransactionTemplate transactions;
    private final EventsProperties properties;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("outbox-relay").daemon().factory());
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxRelay(OutboxStore outbox, EventPublisher publisher, TransactionTemplate transactions,
            EventsProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("parley.registry.outbox.published")
                .description("Bot-definition events published to Kafka").register(meters);
        this.failures = Counter.builder("parley.registry.outbox.failures")
                .description("Sends of bot-definition events Kafka did not acknowledge (retried)").register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::wakeUp, properties.relayInterval());
    }

    /** Asks for a pass soon; passes never overlap and a pending request is not queued twice. */
    void wakeUp() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    drain();
                });
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
        }
    }

    /** Publishes until the outbox is empty, the next event is not due yet, or a send fails. */
    int drain() {
        int total = 0;
        try {
            Pass pass;
            do {
                pass = transactions.execute(status -> pass());
                total += pass.sent();
            } while (pass.more());
        } catch (RuntimeException e) {
            log.warn("Outbox pass failed; retrying in {}: {}", properties.relayInterval(), e.getMessage());
        }
        return total;
    }

    /** What one pass did: how many events it sent, and whether a full batch went out so more may wait. */
    private record Pass(int sent, boolean more) {
    }

    /** One transaction: become the publisher, send the oldest due events in order, forget those Kafka took. */
    private Pass pass() {
        if (!outbox.tryBecomePublisher()) {
            return new Pass(0, false);
        }
        List<OutboxStore.PendingEvent> events = outbox.oldest(properties.batchSize());
        int sent = 0;
        for (OutboxStore.PendingEvent event : events) {
            Instant now = clock.instant();
            if (event.nextAttemptAt().isAfter(now)) {
                return new Pass(sent, false); // it waits for its retry; later events must not overtake it
            }
            try {
                publisher.publish(event.topic(), event.key(), event.payload());
            } catch (EventPublishException e) {
                failures.increment();
                Instant next = now.plus(properties.backoff(event.attempts() + 1));
                log.warn("Event {} not published (attempt {}), retrying at {}: {}", event.eventId(),
                        event.attempts() + 1, next, e.getMessage());
                outbox.failed(event.id(), e.getMessage(), next);
                return new Pass(sent, false);
            }
            outbox.published(event.id());
            published.increment();
            sent++;
        }
        if (sent > 0) {
            log.debug("Published {} bot-definition events", sent);
        }
        return new Pass(sent, sent == properties.batchSize());
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(properties.publishTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
            worker.shutdownNow();
        }
    }
}
