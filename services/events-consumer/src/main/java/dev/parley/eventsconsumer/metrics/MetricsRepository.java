package dev.parley.eventsconsumer.metrics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads metric aggregates, rolled up from minutes in SQL; every query is bound to one org and bot. */
@Repository
class MetricsRepository {

    /** A metrics query's scope; {@code versionId} and {@code dialog} are optional. */
    record Scope(String orgId, String botId, String versionId, String dialog, Instant from, Instant to) {

        private String where(List<Object> params, boolean dialogs) {
            StringBuilder where = new StringBuilder(
                    " WHERE org_id = ? AND bot_id = ? AND bucket_start >= ? AND bucket_start < ?");
            params.add(orgId);
            params.add(botId);
            params.add(Timestamp.from(from));
            params.add(Timestamp.from(to));
            if (versionId != null) {
                where.append(" AND version_id = ?");
                params.add(versionId);
            }
            if (dialogs && dialog != null) {
                where.append(" AND dialog = ?");
                params.add(dialog);
            }
            return where.toString();
        }
    }

    /** Dialog counters of one bucket (or of one dialog over the window). */
    record DialogRow(Instant bucket, String dialog, long entries, long completions, long transfers, long errors,
            long confusedHits) {
    }

    /** Bot-version counters of one bucket. */
    record BotRow(Instant bucket, long sessions, long turns) {
    }

    /** A latency bin's count in one bucket. */
    record LatencyRow(Instant bucket, int bin, long turns) {
    }

    private final JdbcClient jdbc;

    MetricsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void dialogBuckets(Scope scope, Granularity granularity, Consumer<DialogRow> rows) {
        List<Object> params = new ArrayList<>(List.of(granularity.sqlName()));
        String where = scope.where(params, true);
        jdbc.sql("""
                SELECT date_trunc(?, bucket_start, 'UTC') AS bucket, sum(entries) AS entries,
                    sum(completions) AS completions, sum(transfers) AS transfers, sum(errors) AS errors,
                    sum(confused_hits) AS confused_hits
                FROM dialog_metric_minute""" + where + " GROUP BY 1").params(params)
                .query((rs, n) -> new DialogRow(rs.getObject("bucket", OffsetDateTime.class).toInstant(), null,
                        rs.getLong("entries"), rs.getLong("completions"), rs.getLong("transfers"),
                        rs.getLong("errors"), rs.getLong("confused_hits")))
                .list().forEach(rows);
    }

    List<DialogRow> dialogTotals(Scope scope) {
        List<Object> params = new ArrayList<>();
        String where = scope.where(params, true);
        return jdbc.sql("""
                SELECT dialog, sum(entries) AS entries, sum(completions) AS completions, sum(transfers) AS transfers,
                    sum(errors) AS errors, sum(confused_hits) AS confused_hits
                FROM dialog_metric_minute""" + where + " GROUP BY dialog ORDER BY sum(entries) DESC, dialog")
                .params(params)
                .query((rs, n) -> new DialogRow(null, rs.getString("dialog"), rs.getLong("entries"),
                        rs.getLong("completions"), rs.getLong("transfers"), rs.getLong("errors"),
                        rs.getLong("confused_hits")))
                .list();
    }

    void botBuckets(Scope scope, Granularity granularity, Consumer<BotRow> rows) {
        List<Object> params = new ArrayList<>(List.of(granularity.sqlName()));
        String where = scope.where(params, false);
        jdbc.sql("SELECT date_trunc(?, bucket_start, 'UTC') AS bucket, sum(sessions) AS sessions, sum(turns) AS turns"
                        + " FROM bot_metric_minute" + where + " GROUP BY 1").params(params)
                .query((rs, n) -> new BotRow(rs.getObject("bucket", OffsetDateTime.class).toInstant(),
                        rs.getLong("sessions"), rs.getLong("turns")))
                .list().forEach(rows);
    }

    void latencyBuckets(Scope scope, Granularity granularity, Consumer<LatencyRow> rows) {
        List<Object> params = new ArrayList<>(List.of(granularity.sqlName()));
        String where = scope.where(params, false);
        jdbc.sql("SELECT date_trunc(?, bucket_start, 'UTC') AS bucket, bin, sum(turns) AS turns"
                        + " FROM turn_latency_minute" + where + " GROUP BY 1, 2").params(params)
                .query((rs, n) -> new LatencyRow(rs.getObject("bucket", OffsetDateTime.class).toInstant(),
                        rs.getInt("bin"), rs.getLong("turns")))
                .list().forEach(rows);
    }
}
