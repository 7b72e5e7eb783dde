package dev.parley.eventsconsumer.debuglog;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads debug logs; every query is bound to one org. */
@Repository
class DebugLogRepository {

    private static final String SUMMARY_COLUMNS = """
            session_id, bot_id, version_id, bot_name, version_name, started_at, last_event_at, ended_at, end_reason,
            turns, events, errors, private_data_redacted""";

    private static final RowMapper<SessionSummary> SUMMARY = (rs, row) -> new SessionSummary(rs.getString("session_id"),
            rs.getString("bot_id"), rs.getString("version_id"), rs.getString("bot_name"), rs.getString("version_name"),
            instant(rs, "started_at"), instant(rs, "last_event_at"), instant(rs, "ended_at"),
            rs.getString("end_reason"), rs.getLong("turns"), rs.getLong("events"), rs.getLong("errors"),
            rs.getBoolean("private_data_redacted"));

    private static final RowMapper<DebugStep> STEP = (rs, row) -> new DebugStep(rs.getObject("event_id", UUID.class),
            rs.getString("type"), rs.getLong("turn"), (Long) rs.getObject("sequence_id"), instant(rs, "occurred_at"),
            rs.getString("dialog"), rs.getString("step"), rs.getString("request_id"), rs.getString("data"));

    private final JdbcClient jdbc;

    DebugLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SessionSummary> session(String orgId, String sessionId) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM debug_session WHERE org_id = ? AND session_id = ?")
                .params(orgId, sessionId).query(SUMMARY).optional();
    }

    long countSteps(String orgId, String sessionId) {
        return jdbc.sql("SELECT count(*) FROM turn_event WHERE org_id = ? AND session_id = ?")
                .params(orgId, sessionId).query(Long.class).single();
    }

    List<DebugStep> steps(String orgId, String sessionId, long offset, int limit) {
        return jdbc.sql("""
                SELECT event_id, type, turn, sequence_id, occurred_at, dialog, step, request_id, data::text AS data
                FROM turn_event WHERE org_id = ? AND session_id = ?
                ORDER BY turn, occurred_at, kafka_partition, kafka_offset, event_id
                OFFSET ? LIMIT ?""").params(orgId, sessionId, offset, limit).query(STEP).list();
    }

    /** A filter over session summaries; {@code null} members do not filter. */
    record SessionFilter(String orgId, String botId, String versionId, Instant from, Instant to) {

        private String where(List<Object> params) {
            StringBuilder where = new StringBuilder(" WHERE org_id = ?");
            params.add(orgId);
            if (botId != null) {
                where.append(" AND bot_id = ?");
                params.add(botId);
            }
            if (versionId != null) {
                where.append(" AND version_id = ?");
                params.add(versionId);
            }
            if (from != null) {
                where.append(" AND started_at >= ?");
                params.add(Timestamp.from(from));
            }
            if (to != null) {
                where.append(" AND started_at < ?");
                params.add(Timestamp.from(to));
            }
            return where.toString();
        }
    }

    long countSessions(SessionFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        return jdbc.sql("SELECT count(*) FROM debug_session" + where).params(params).query(Long.class).single();
    }

    List<SessionSummary> sessions(SessionFilter filter, long offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = filter.where(params);
        params.add(offset);
        params.add(limit);
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM debug_session" + where
                + " ORDER BY started_at DESC, session_id OFFSET ? LIMIT ?").params(params).query(SUMMARY).list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
