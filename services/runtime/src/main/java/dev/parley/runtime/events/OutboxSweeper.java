package dev.parley.runtime.events;

import dev.parley.runtime.sessionstore.SessionStore;
import dev.parley.runtime.sessionstore.SessionStoreUnavailableException;
import dev.parley.sessionstore.api.OutboxEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Publishes outbox entries that stayed in session-store past {@code sweep-min-age}: events of turns whose instance
 * crashed or lost Kafka between commit and publish. Every replica sweeps; duplicates are deduped by consumers.
 */
@Component
class OutboxSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final SessionStore sessionStore;
    private final OutboxRelay relay;
    private final EventsProperties properties;
    private final Counter recovered;

    OutboxSweeper(SessionStore sessionStore, OutboxRelay relay, EventsProperties properties, MeterRegistry meters) {
        this.sessionStore = sessionStore;
        this.relay = relay;
        this.properties = properties;
        this.recovered = Counter.builder("parley.runtime.outbox.recovered")
                .description("Turn events the outbox sweeper published after their relay missed them")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.sweeperEnabled()) {
            registrar.addFixedDelayTask(this::sweep, properties.sweepInterval());
        }
    }

    /** One sweep: read the oldest leftovers, publish them, acknowledge what Kafka confirmed. */
    int sweep() {
        List<OutboxEntry> entries;
        try {
            entries = sessionStore.outboxOlderThan(properties.sweepMinAge(), properties.sweepBatchSize());
        } catch (SessionStoreUnavailableException e) {
            log.warn("Outbox sweep skipped: {}", e.getMessage());
            return 0;
        }
        if (entries.isEmpty()) {
            return 0;
        }
        int published = relay.relay(entries);
        recovered.increment(published);
        log.info("Outbox sweep published {} of {} events left over after their commit", published, entries.size());
        return published;
    }
}
