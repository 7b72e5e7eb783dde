package dev.parley.loguploader.ingest;

import dev.parley.loguploader.ingest.ReprocessJob.PartitionRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reprocess jobs in PostgreSQL, so any replica can report on a job another one runs. */
@Repository
class ReprocessJobStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReprocessJobStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ReprocessJob job, String startedBy) {
        jdbc.sql("insert into reprocess_job (id, status, request, org_id, started_by, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(job.id(), job.status(), json.writeValueAsString(job.partitions()), job.orgId(), startedBy,
                        time(job.createdAt()), time(job.createdAt()))
                .update();
    }

    void progress(UUID id, long eventsRead, long resent, long created, Instant now) {
        jdbc.sql("update reprocess_job set events_read = ?, batches_resent = ?, batches_created = ?, updated_at = ? "
                        + "where id = ?")
                .params(eventsRead, resent, created, time(now), id)
                .update();
    }

    void finish(UUID id, String status, String error, Instant now) {
        jdbc.sql("update reprocess_job set status = ?, error = ?, updated_at = ?, finished_at = ? where id = ?")
                .params(status, error == null ? null : error.substring(0, Math.min(500, error.length())), time(now),
                        time(now), id)
                .update();
    }

    Optional<ReprocessJob> find(UUID id) {
        return jdbc.sql("select * from reprocess_job where id = ?").param(id).query(this::row).optional();
    }

    private ReprocessJob row(ResultSet rs, int n) throws SQLException {
        List<PartitionRange> partitions = json.readValue(rs.getString("request"), new TypeReference<>() { });
        return new ReprocessJob(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("org_id"),
                partitions, rs.getLong("events_read"), rs.getLong("batches_resent"), rs.getLong("batches_created"),
                rs.getString("error"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
