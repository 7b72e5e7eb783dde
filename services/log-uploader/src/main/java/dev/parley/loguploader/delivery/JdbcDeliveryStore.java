package dev.parley.loguploader.delivery;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link DeliveryStore} in PostgreSQL; every time comes from the caller (the injected clock), never from now(). */
@Repository
class JdbcDeliveryStore implements DeliveryStore {

    private static final String VIEW_COLUMNS = "id, destination_id, status, event_count, attempts, replays, created_at, "
            + "last_attempt_at, next_attempt_at, last_http_status, last_error, finished_at, claim_token";

    private final JdbcTemplate jdbc;

    JdbcDeliveryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ClaimedBatch> claim(Instant now, Duration lease, String owner, int scan, Set<UUID> excluded,
            Function<List<Candidate>, List<UUID>> choose) {
        // candidates are read without locks; only the chosen ones are locked, skipping rows another worker holds
        List<Candidate> candidates = jdbc.execute((ConnectionCallback<List<Candidate>>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement("select b.id, b.destination_id "
                    + "from delivery_batch b join log_destination d on d.id = b.destination_id "
                    + "where b.status = 'pending' and b.next_attempt_at <= ? and d.enabled "
                    + "and b.destination_id <> all(?) order by b.next_attempt_at limit ?")) {
                ps.setObject(1, time(now));
                ps.setArray(2, connection.createArrayOf("uuid", excluded.toArray()));
                ps.setInt(3, scan);
                List<Candidate> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
                    }
                }
                return found;
            }
        });
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<UUID> chosen = choose.apply(candidates);
        if (chosen.isEmpty()) {
            return List.of();
        }
        UUID token = UUID.randomUUID();
        return jdbc.execute((ConnectionCallback<List<ClaimedBatch>>) connection -> {
            try (PreparedStatement ps = connection.prepareStatement("with picked as (select id from delivery_batch "
                    + "where id = any(?) and status = 'pending' and next_attempt_at <= ? for update skip locked) "
                    + "update delivery_batch b set claim_token = ?, claimed_by = ?, claimed_at = ?, next_attempt_at = ? "
                    + "from picked, log_destination d where b.id = picked.id and d.id = b.destination_id "
                    + "returning b.id, b.destination_id, b.org_id, b.attempts, b.event_count, b.body, d.url, "
                    + "d.auth_header_name, d.auth_header_value")) {
                ps.setArray(1, connection.createArrayOf("uuid", chosen.toArray()));
                ps.setObject(2, time(now));
                ps.setObject(3, token);
                ps.setString(4, owner);
                ps.setObject(5, time(now));
                ps.setObject(6, time(now.plus(lease)));
                List<ClaimedBatch> claimed = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new ClaimedBatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6), token,
                                URI.create(rs.getString(7)), rs.getString(8), rs.getString(9)));
                    }
                }
                return claimed;
            }
        });
    }

    @Override
    public int park(UUID destinationId, Instant until, Duration spread) {
        return jdbc.update("update delivery_batch set next_attempt_at = ? + random() * ? * interval '1 millisecond' "
                + "where destination_id = ? and status = 'pending' and claim_token is null and next_attempt_at < ?",
                time(until), spread.toMillis(), destinationId, time(until));
    }

    @Override
    public boolean delivered(ClaimedBatch batch, Instant at, int httpStatus) {
        return jdbc.update("update delivery_batch set status = 'delivered', attempts = attempts + 1, "
                + "last_attempt_at = ?, last_http_status = ?, last_error = null, finished_at = ?, next_attempt_at = ?, "
                + "claim_token = null, claimed_by = null, claimed_at = null where id = ? and claim_token = ?",
                time(at), httpStatus, time(at), time(at), batch.id(), batch.claimToken()) == 1;
    }

    @Override
    public boolean retryLater(ClaimedBatch batch, Instant at, Instant next, Integer httpStatus, String error) {
        return jdbc.update("update delivery_batch set attempts = attempts + 1, last_attempt_at = ?, "
                + "last_http_status = ?, last_error = ?, next_attempt_at = ?, claim_token = null, claimed_by = null, "
                + "claimed_at = null where id = ? and claim_token = ?",
                time(at), httpStatus, error, time(next), batch.id(), batch.claimToken()) == 1;
    }

    @Override
    public boolean dead(ClaimedBatch batch, Instant at, Integer httpStatus, String error) {
        return jdbc.update("update delivery_batch set status = 'dead', attempts = attempts + 1, last_attempt_at = ?, "
                + "last_http_status = ?, last_error = ?, finished_at = ?, next_attempt_at = ?, claim_token = null, "
                + "claimed_by = null, claimed_at = null where id = ? and claim_token = ?",
                time(at), httpStatus, error, time(at), time(at), batch.id(), batch.claimToken()) == 1;
    }

    @Override
    public boolean release(ClaimedBatch batch, Instant next) {
        return jdbc.update("update delivery_batch set next_attempt_at = ?, claim_token = null, claimed_by = null, "
                + "claimed_at = null where id = ? and claim_token = ?", time(next), batch.id(), batch.claimToken()) == 1;
    }

    @Override
    public List<Delivery> list(UUID destinationId, String status, int limit, Cursor after) {
        StringBuilder sql = new StringBuilder("select " + VIEW_COLUMNS + " from delivery_batch where destination_id = ?");
        List<Object> args = new ArrayList<>(List.of(destinationId));
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status);
        }
        if (after != null) {
            sql.append(" and (created_at, id) < (?, ?)");
            args.add(time(after.createdAt()));
            args.add(after.id());
        }
        sql.append(" order by created_at desc, id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), JdbcDeliveryStore::delivery, args.toArray());
    }

    @Override
    public Optional<Delivery> find(UUID destinationId, UUID batchId) {
        return jdbc.query("select " + VIEW_COLUMNS + " from delivery_batch where destination_id = ? and id = ?",
                JdbcDeliveryStore::delivery, destinationId, batchId).stream().findFirst();
    }

    @Override
    public boolean replay(UUID destinationId, UUID batchId, Instant now) {
        return jdbc.update("update delivery_batch set status = 'pending', attempts = 0, next_attempt_at = ?, "
                + "finished_at = null, claim_token = null, claimed_by = null, claimed_at = null, replays = replays + 1 "
                + "where destination_id = ? and id = ? and status <> 'pending'", time(now), destinationId, batchId) == 1;
    }

    @Override
    public int replayDead(UUID destinationId, Instant now) {
        return jdbc.update("update delivery_batch set status = 'pending', attempts = 0, next_attempt_at = ?, "
                + "finished_at = null, claim_token = null, claimed_by = null, claimed_at = null, replays = replays + 1 "
                + "where destination_id = ? and status = 'dead'", time(now), destinationId);
    }

    @Override
    public Map<String, Long> counts(UUID destinationId) {
        Map<String, Long> counts = new HashMap<>(Map.of("pending", 0L, "delivered", 0L, "dead", 0L));
        jdbc.query("select status, count(*) from delivery_batch where destination_id = ? group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, destinationId);
        return counts;
    }

    @Override
    public Backlog backlog(Instant now) {
        return jdbc.queryForObject("select count(*), min(next_attempt_at) filter (where next_attempt_at <= ?) "
                + "from delivery_batch where status = 'pending'", (rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new Backlog(rs.getLong(1),
                            oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), now));
                }, time(now));
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("status");
        Integer httpStatus = rs.getObject("last_http_status", Integer.class);
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("destination_id", UUID.class), status,
                rs.getInt("event_count"), rs.getInt("attempts"), rs.getInt("replays"), instant(rs, "created_at"),
                instant(rs, "last_attempt_at"), "pending".equals(status) ? instant(rs, "next_attempt_at") : null,
                httpStatus, rs.getString("last_error"), instant(rs, "finished_at"),
                rs.getObject("claim_token") != null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
