package dev.parley.loguploader.ingest;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link BatchStore} in PostgreSQL. */
@Repository
class JdbcBatchStore implements BatchStore {

    private final JdbcTemplate jdbc;

    JdbcBatchStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CoveredRange> coveredRanges(Collection<RangeQuery> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        String[] destinations = new String[queries.size()];
        Integer[] partitions = new Integer[queries.size()];
        Long[] lows = new Long[queries.size()];
        Long[] highs = new Long[queries.size()];
        int i = 0;
        for (RangeQuery query : queries) {
            destinations[i] = query.destinationId().toString();
            partitions[i] = query.partition();
            lows[i] = query.lowest();
            highs[i] = query.highest();
            i++;
        }
        return jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("select r.destination_id, r.kafka_partition, "
                    + "r.first_offset, r.last_offset, r.batch_id "
                    + "from unnest(?::uuid[], ?::int[], ?::bigint[], ?::bigint[]) as q(destination_id, kafka_partition, lo, hi) "
                    + "join delivery_batch_range r on r.destination_id = q.destination_id "
                    + "and r.kafka_partition = q.kafka_partition and r.last_offset >= q.lo and r.first_offset <= q.hi");
            ps.setArray(1, connection.createArrayOf("varchar", destinations));
            ps.setArray(2, connection.createArrayOf("int4", partitions));
            ps.setArray(3, connection.createArrayOf("int8", lows));
            ps.setArray(4, connection.createArrayOf("int8", highs));
            return ps;
        }, (rs, n) -> new CoveredRange(rs.getObject(1, UUID.class), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                rs.getObject(5, UUID.class)));
    }

    @Override
    public int insert(List<NewBatch> batches) {
        if (batches.isEmpty()) {
            return 0;
        }
        int n = batches.size();
        String[] ids = new String[n];
        String[] destinations = new String[n];
        String[] orgs = new String[n];
        Integer[] counts = new Integer[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            NewBatch batch = batches.get(i);
            ids[i] = batch.id().toString();
            destinations[i] = batch.destinationId().toString();
            orgs[i] = batch.orgId();
            counts[i] = batch.eventCount();
            bodies[i] = batch.body();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(batches.getFirst().createdAt(), ZoneOffset.UTC);
        List<UUID> inserted = jdbc.query(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into delivery_batch (id, destination_id, org_id, "
                    + "event_count, body, status, attempts, next_attempt_at, created_at) "
                    + "select v.id, v.destination_id, v.org_id, v.event_count, v.body, 'pending', 0, ?, ? "
                    + "from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::int[], ?::text[]) "
                    + "as v(id, destination_id, org_id, event_count, body) "
                    + "where exists (select 1 from log_destination d where d.id = v.destination_id) "
                    + "on conflict (id) do nothing returning id");
            ps.setObject(1, now);
            ps.setObject(2, now);
            ps.setArray(3, connection.createArrayOf("varchar", ids));
            ps.setArray(4, connection.createArrayOf("varchar", destinations));
            ps.setArray(5, connection.createArrayOf("varchar", orgs));
            ps.setArray(6, connection.createArrayOf("int4", counts));
            ps.setArray(7, connection.createArrayOf("text", bodies));
            return ps;
        }, (rs, row) -> rs.getObject(1, UUID.class));
        if (inserted.isEmpty()) {
            return 0;
        }
        Set<UUID> stored = new HashSet<>(inserted);
        List<Object[]> ranges = new ArrayList<>();
        for (NewBatch batch : batches) {
            if (stored.contains(batch.id())) {
                batch.ranges().forEach(r -> ranges.add(new Object[] {batch.id().toString(),
                        batch.destinationId().toString(), r.partition(), r.first(), r.last()}));
            }
        }
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into delivery_batch_range (batch_id, "
                    + "destination_id, kafka_partition, first_offset, last_offset) "
                    + "select * from unnest(?::uuid[], ?::uuid[], ?::int[], ?::bigint[], ?::bigint[])");
            ps.setArray(1, connection.createArrayOf("varchar", ranges.stream().map(r -> r[0]).toArray()));
            ps.setArray(2, connection.createArrayOf("varchar", ranges.stream().map(r -> r[1]).toArray()));
            ps.setArray(3, connection.createArrayOf("int4", ranges.stream().map(r -> r[2]).toArray()));
            ps.setArray(4, connection.createArrayOf("int8", ranges.stream().map(r -> r[3]).toArray()));
            ps.setArray(5, connection.createArrayOf("int8", ranges.stream().map(r -> r[4]).toArray()));
            return ps;
        });
        return inserted.size();
    }

    @Override
    public int resend(Collection<UUID> batchIds, Instant now) {
        if (batchIds.isEmpty()) {
            return 0;
        }
        return jdbc.execute((java.sql.Connection connection) -> {
            try (PreparedStatement ps = connection.prepareStatement("update delivery_batch set status = 'pending', "
                    + "attempts = 0, next_attempt_at = ?, finished_at = null, claim_token = null, claimed_by = null, "
                    + "claimed_at = null, replays = replays + 1 where id = any(?) and status <> 'pending'")) {
                ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                Array ids = connection.createArrayOf("uuid", batchIds.toArray());
                ps.setArray(2, ids);
                return ps.executeUpdate();
            }
        });
    }
}
