package dev.parley.loguploader.retention;

import dev.parley.loguploader.Workers;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes delivered and dead batches past their retention, in bounded chunks; every replica may sweep. */
@Component
@Workers
class RetentionSweeper {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);
    private static final int MAX_CHUNKS_PER_SWEEP = 200;

    private final JdbcTemplate jdbc;
    private final RetentionProperties properties;
    private final Clock clock;

    RetentionSweeper(JdbcTemplate jdbc, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${parley.log-uploader.retention.interval:10m}", initialDelay = 60_000)
    void sweep() {
        Instant now = clock.instant();
        try {
            long deleted = purge("delivered", now.minus(properties.delivered()))
                    + purge("dead", now.minus(properties.dead()));
            if (deleted > 0) {
                log.info("Deleted {} finished batches past retention", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Retention sweep failed; the next one tries again", e);
        }
    }

    /** Deletes batches of this status finished before the cutoff; answers how many. */
    long purge(String status, Instant cutoff) {
        long total = 0;
        for (int i = 0; i < MAX_CHUNKS_PER_SWEEP; i++) {
            int deleted = jdbc.update("delete from delivery_batch where id in (select id from delivery_batch "
                    + "where status = ? and finished_at < ? order by finished_at limit ? for update skip locked)",
                    status, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), properties.chunkSize());
            total += deleted;
            if (deleted < properties.chunkSize()) {
                break;
            }
        }
        return total;
    }
}
