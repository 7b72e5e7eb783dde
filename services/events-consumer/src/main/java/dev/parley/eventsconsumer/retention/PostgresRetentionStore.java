package dev.parley.eventsconsumer.retention;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RetentionStore} in PostgreSQL. A session-level advisory lock keeps the clean-up to one replica; the deletes
 * run on the lock's connection in auto-commit mode, so each batch is its own transaction and never holds many locks.
 */
@Component
class PostgresRetentionStore implements RetentionStore {

    /** The advisory lock key of the clean-up: "parley-r" as a number, unlikely to collide with another user. */
    static final long LOCK_KEY = 0x7061726c65792d72L;

    /** Tables, the column that dates a row, and which cut-off applies. */
    private record Target(String table, String column, boolean metrics) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("turn_event", "occurred_at", false),
            new Target("turn_marker", "occurred_at", false),
            new Target("debug_session", "last_event_at", false),
            new Target("dialog_metric_minute", "bucket_start", true),
            new Target("bot_metric_minute", "bucket_start", true),
            new Target("turn_latency_minute", "bucket_start", true));

    private final DataSource dataSource;

    PostgresRetentionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<Purge> purge(Instant debugLogCutoff, Instant metricsCutoff, int batchSize) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                return Optional.empty();
            }
            try {
                Map<String, Long> deleted = new LinkedHashMap<>();
                int batches = 0;
                for (Target target : TARGETS) {
                    Instant cutoff = target.metrics() ? metricsCutoff : debugLogCutoff;
                    String sql = "DELETE FROM " + target.table() + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM "
                            + target.table() + " WHERE " + target.column() + " < ? LIMIT ?))";
                    long total = 0;
                    int rows;
                    do {
                        try (PreparedStatement statement = connection.prepareStatement(sql)) {
                            statement.setTimestamp(1, Timestamp.from(cutoff));
                            statement.setInt(2, batchSize);
                            rows = statement.executeUpdate();
                        }
                        batches++;
                        total += rows;
                    } while (rows >= batchSize);
                    deleted.put(target.table(), total);
                }
                return Optional.of(new Purge(deleted, batches));
            } finally {
                unlock(connection);
            }
        } catch (SQLException e) {
            throw new RetentionFailedException("Deleting expired debug logs and metrics failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        } catch (SQLException e) {
            // the lock goes with the connection: close it rather than return it to the pool still holding the lock
            JdbcUtils.closeConnection(connection);
        }
    }
}
