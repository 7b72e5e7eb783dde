package dev.parley.registry.events;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** {@link OutboxStore} on PostgreSQL: a table plus a transaction-scoped advisory lock for the publisher role. */
@Repository
class JdbcOutboxStore implements OutboxStore {

    /** Advisory lock key of the outbox publisher role ("PARLEY_REG" folded into a long). */
    static final long PUBLISHER_LOCK = 0x5041524c45595247L;

    private final JdbcClient jdbc;

    JdbcOutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(UUID eventId, String topic, String key, String payload, Instant now) {
        jdbc.sql("""
                INSERT INTO outbox_events (event_id, topic, message_key, payload, created_at, next_attempt_at)
                VALUES (:eventId, :topic, :key, :payload, :now, :now)
                """)
                .param("eventId", eventId).param("topic", topic).param("key", key).param("payload", payload)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    public boolean tryBecomePublisher() {
        return jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)").param("key", PUBLISHER_LOCK)
                .query(Boolean.class).single();
    }

    @Override
    public List<PendingEvent> oldest(int limit) {
        return jdbc.sql("""
                SELECT id, event_id, topic, message_key, payload, attempts, next_attempt_at FROM outbox_events
                ORDER BY id LIMIT :limit FOR UPDATE
                """)
                .param("limit", limit)
                .query((rs, n) -> new PendingEvent(rs.getLong("id"), rs.getObject("event_id", UUID.class),
                        rs.getString("topic"), rs.getString("message_key"), rs.getString("payload"),
                        rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    @Override
    public void published(long id) {
        jdbc.sql("DELETE FROM outbox_events WHERE id = :id").param("id", id).update();
    }

    @Override
    public void failed(long id, String error, Instant nextAttemptAt) {
        jdbc.sql("""
                UPDATE outbox_events SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                WHERE id = :id
                """)
                .param("error", error).param("next", nextAttemptAt.atOffset(ZoneOffset.UTC)).param("id", id)
                .update();
    }

    @Override
    public long pending() {
        return jdbc.sql("SELECT count(*) FROM outbox_events").query(Long.class).single();
    }
}
