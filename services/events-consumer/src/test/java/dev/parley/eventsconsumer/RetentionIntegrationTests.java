package dev.parley.eventsconsumer;

import dev.parley.eventsconsumer.retention.RetentionStore;
import dev.parley.eventsconsumer.retention.RetentionStore.Purge;
import dev.parley.runtime.api.TurnEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionIntegrationTests extends IngestIntegrationTest {

    @Autowired
    RetentionStore retention;

    @Autowired
    DataSource dataSource;

    @Test
    void expiredRowsAreDeletedInBoundedBatchesAndRecentOnesStay() {
        String oldOrg = newOrg("00DO");
        String recentOrg = newOrg("00DN");
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MINUTES);
        List<TurnEvent> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.addAll(TurnEventStream.conversation(oldOrg, "support", "0X9O", newSession(), tenDaysAgo, null));
        }
        events.addAll(TurnEventStream.conversation(recentOrg, "support", "0X9N", newSession(), minuteAgo(5), null));
        // older than the retention (30 days): not stored at all
        events.addAll(TurnEventStream.conversation(oldOrg, "support", "0X9O", newSession(),
                Instant.now().minus(Duration.ofDays(40)), null));
        kafka().publish(TOPIC, events);
        awaitConsumed();
        assertThat(snapshot(oldOrg).getFirst()).isEqualTo(3L * TurnEventStream.Conversation.EVENTS);
        List<Long> recent = snapshot(recentOrg);

        Instant fiveDaysAgo = Instant.now().minus(Duration.ofDays(5));
        Purge purge = retention.purge(fiveDaysAgo, fiveDaysAgo, 50).orElseThrow();

        // 117 events in batches of 50 take three statements; every other table at least one
        assertThat(purge.deletedRows()).containsEntry("turn_event", 117L).containsEntry("debug_session", 3L);
        assertThat(purge.batches()).isGreaterThanOrEqualTo(3 + 5);
        assertThat(snapshot(oldOrg)).containsOnly(0L);
        assertThat(snapshot(recentOrg)).isEqualTo(recent);
        assertThat(retention.purge(fiveDaysAgo, fiveDaysAgo, 50).orElseThrow().deletedRows().values())
                .containsOnly(0L);
    }

    @Test
    void onlyOneReplicaCleansUpAtATime() throws Exception {
        try (Connection other = dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, 0x7061726c65792d72L);
            lock.execute();
            Optional<Purge> skipped = retention.purge(Instant.EPOCH, Instant.EPOCH, 50);
            assertThat(skipped).isEmpty();
            try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, 0x7061726c65792d72L);
                unlock.execute();
            }
        }
        assertThat(retention.purge(Instant.EPOCH, Instant.EPOCH, 50)).isPresent();
    }
}
