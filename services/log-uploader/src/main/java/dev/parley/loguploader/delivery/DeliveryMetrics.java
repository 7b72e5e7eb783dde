package dev.parley.loguploader.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Meters of delivery: attempts by outcome, events delivered, latency, and the pending backlog. */
@Component
class DeliveryMetrics {

    /** How an attempt ended, the {@code outcome} tag of {@code parley.log_uploader.deliveries}. */
    enum Outcome {
        delivered, retry_scheduled, dead_after_retries, dead_rejected
    }

    private final MeterRegistry registry;
    private final Counter events;
    private final Timer latency;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestDueSeconds = new AtomicLong();

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.events = Counter.builder("parley.log_uploader.events.delivered")
                .description("Events in batches destinations accepted").register(registry);
        this.latency = Timer.builder("parley.log_uploader.delivery.latency")
                .description("Time of successful deliveries").publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("parley.log_uploader.backlog.batches", pending, AtomicLong::get)
                .description("Batches waiting for delivery or a retry").register(registry);
        Gauge.builder("parley.log_uploader.backlog.oldest_due", oldestDueSeconds, AtomicLong::get)
                .baseUnit("seconds").description("How long the oldest due batch has waited for a worker")
                .register(registry);
        for (Outcome outcome : Outcome.values()) {
            counter(outcome);
        }
    }

    void attempt(Outcome outcome) {
        counter(outcome).increment();
    }

    void delivered(int eventCount, Duration took) {
        events.increment(eventCount);
        latency.record(took);
    }

    void backlog(DeliveryStore.Backlog backlog) {
        pending.set(backlog.pending());
        oldestDueSeconds.set(backlog.oldestDueAge().toSeconds());
    }

    private Counter counter(Outcome outcome) {
        return Counter.builder("parley.log_uploader.deliveries").tag("outcome", outcome.name())
                .description("Delivery attempts by outcome").register(registry);
    }
}
