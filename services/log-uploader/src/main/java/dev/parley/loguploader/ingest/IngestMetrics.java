package dev.parley.loguploader.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Meters of reading and batching turn events. */
@Component
class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter consumed;
    private final Counter batched;
    private final Counter created;
    private final Counter covered;
    private final ConcurrentHashMap<String, AtomicLong> lag = new ConcurrentHashMap<>();

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.consumed = Counter.builder("parley.log_uploader.events.consumed")
                .description("Turn events read from Kafka").register(registry);
        this.batched = Counter.builder("parley.log_uploader.events.batched")
                .description("Events placed in new batches (one per destination they go to)").register(registry);
        this.created = Counter.builder("parley.log_uploader.batches.created")
                .description("Batches stored for delivery").register(registry);
        this.covered = Counter.builder("parley.log_uploader.events.already_batched")
                .description("Events read again that a stored batch already held").register(registry);
    }

    void consumed(int count) {
        consumed.increment(count);
    }

    void stored(BatchWriter.WriteResult result, int events) {
        created.increment(result.created());
        covered.increment(result.coveredEvents());
        batched.increment(events - result.coveredEvents());
    }

    void poison(String outcome) {
        Counter.builder("parley.log_uploader.events.poison").tag("outcome", outcome)
                .description("Records that are not turn events").register(registry).increment();
    }

    /** Records how far one consumer is behind the end of the topic, summed over its partitions. */
    void lag(String consumer, long records) {
        lag.computeIfAbsent(consumer, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("parley.log_uploader.consumer.lag", value, AtomicLong::get).tag("consumer", name)
                    .description("Turn events not yet read by this consumer").baseUnit("records").register(registry);
            return value;
        }).set(records);
    }
}
