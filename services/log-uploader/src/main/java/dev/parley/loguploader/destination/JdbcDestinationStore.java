package dev.parley.loguploader.destination;

import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@link DestinationStore} in PostgreSQL. */
@Repository
class JdbcDestinationStore implements DestinationStore {

    private static final String COLUMNS = "id, org_id, name, url, auth_header_name, auth_header_value, bot_ids, "
            + "enabled, batch_size, linger_millis, created_at, updated_at";

    private final JdbcClient jdbc;

    JdbcDestinationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Destination d) {
        jdbc.sql("insert into log_destination (" + COLUMNS + ") values (:id, :orgId, :name, :url, :authName, "
                        + ":authValue, :botIds, :enabled, :batchSize, :linger, :createdAt, :updatedAt)")
                .paramSource(params(d))
                .update();
    }

    @Override
    public boolean update(Destination d) {
        return jdbc.sql("update log_destination set name = :name, url = :url, auth_header_name = :authName, "
                        + "auth_header_value = :authValue, bot_ids = :botIds, enabled = :enabled, "
                        + "batch_size = :batchSize, linger_millis = :linger, updated_at = :updatedAt "
                        + "where id = :id and org_id = :orgId")
                .paramSource(params(d))
                .update() == 1;
    }

    @Override
    public boolean delete(String orgId, UUID id) {
        return jdbc.sql("delete from log_destination where id = ? and org_id = ?").params(id, orgId).update() == 1;
    }

    @Override
    public Optional<Destination> find(String orgId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from log_destination where id = ? and org_id = ?")
                .params(id, orgId)
                .query(JdbcDestinationStore::row)
                .optional();
    }

    @Override
    public List<Destination> list(String orgId) {
        return jdbc.sql("select " + COLUMNS + " from log_destination where org_id = ? order by created_at, id")
                .param(orgId)
                .query(JdbcDestinationStore::row)
                .list();
    }

    @Override
    public int count(String orgId) {
        return jdbc.sql("select count(*) from log_destination where org_id = ?").param(orgId).query(Integer.class).single();
    }

    @Override
    public List<Destination> all() {
        return jdbc.sql("select " + COLUMNS + " from log_destination").query(JdbcDestinationStore::row).list();
    }

    private static Params params(Destination d) {
        return new Params(d);
    }

    /** Named parameters of one destination. */
    private static final class Params extends org.springframework.jdbc.core.namedparam.MapSqlParameterSource {

        Params(Destination d) {
            addValue("id", d.id());
            addValue("orgId", d.orgId());
            addValue("name", d.name());
            addValue("url", d.url().toString());
            addValue("authName", d.authHeaderName());
            addValue("authValue", d.authHeaderValue());
            addValue("botIds", d.botIds().toArray(String[]::new));
            addValue("enabled", d.enabled());
            addValue("batchSize", d.batchSize());
            addValue("linger", d.lingerMillis());
            addValue("createdAt", OffsetDateTime.ofInstant(d.createdAt(), ZoneOffset.UTC));
            addValue("updatedAt", OffsetDateTime.ofInstant(d.updatedAt(), ZoneOffset.UTC));
        }
    }

    private static Destination row(ResultSet rs, int rowNum) throws SQLException {
        Array botIds = rs.getArray("bot_ids");
        return new Destination(rs.getObject("id", UUID.class), rs.getString("org_id"), rs.getString("name"),
                URI.create(rs.getString("url")), rs.getString("auth_header_name"), rs.getString("auth_header_value"),
                botIds == null ? List.of() : Arrays.asList((String[]) botIds.getArray()), rs.getBoolean("enabled"),
                rs.getInt("batch_size"), rs.getInt("linger_millis"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
