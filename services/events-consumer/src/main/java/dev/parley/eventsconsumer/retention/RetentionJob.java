package dev.parley.eventsconsumer.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes debug logs and metrics past their retention every {@code interval}. Every replica schedules it; the
 * advisory lock in {@link RetentionStore} lets one at a time work. Not scheduled in migrate-only runs.
 */
@Component
@ConditionalOnProperty(name = "parley.platform.migrate-only", havingValue = "false", matchIfMissing = true)
class RetentionJob implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionStore store;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionJob(RetentionStore store, RetentionProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(this::runSafely, properties.interval());
        }
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Retention run failed; the next run continues: {}", e.toString());
        }
    }

    /** One clean-up run with the configured ages; empty when another replica is running one. */
    Optional<RetentionStore.Purge> run() {
        Instant now = clock.instant();
        Optional<RetentionStore.Purge> purge = store.purge(now.minus(properties.age()),
                now.minus(properties.metricsAge()), properties.batchSize());
        purge.ifPresentOrElse(
                done -> log.info("Retention deleted {} in {} batches", done.deletedRows(), done.batches()),
                () -> log.debug("Retention skipped: another replica holds the clean-up lock"));
        return purge;
    }
}
