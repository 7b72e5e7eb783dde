package dev.parley.eventsconsumer.ingest;

import dev.parley.eventsconsumer.ingest.IncomingEvent.SessionKey;
import dev.parley.eventsconsumer.ingest.MetricDeltas.BotKey;
import dev.parley.eventsconsumer.ingest.MetricDeltas.DialogKey;
import dev.parley.eventsconsumer.ingest.MetricDeltas.LatencyKey;
import dev.parley.eventsconsumer.ingest.MetricDeltas.Marker;
import dev.parley.eventsconsumer.ingest.MetricDeltas.MarkerKey;
import dev.parley.eventsconsumer.retention.RetentionProperties;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link EventStore} in PostgreSQL. A batch is a handful of statements whatever its size: every write sends one array
 * per column and {@code unnest}s it. Events go in with {@code ON CONFLICT DO NOTHING RETURNING}, and everything derived
 * from them (session summaries, markers, aggregates) is computed from the returned ids only, in the same transaction.
 */
@Component
class JdbcEventStore implements EventStore {

    private static final String PRIVATE_SESSIONS = """
            SELECT org_id, session_id FROM debug_session
            WHERE private_data_redacted AND (org_id, session_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))""";

    private static final String INSERT_EVENTS = """
            INSERT INTO turn_event (event_id, org_id, bot_id, version_id, session_id, turn, sequence_id, type,
                schema_version, dialog, step, occurred_at, request_id, data, kafka_partition, kafka_offset)
            SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                ?::text[], ?::integer[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::jsonb[], ?::integer[],
                ?::bigint[])
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id""";

    private static final String INSERT_MARKERS = """
            INSERT INTO turn_marker (org_id, session_id, turn, kind, occurred_at)
            SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[])
            ON CONFLICT DO NOTHING
            RETURNING org_id, session_id, turn, kind""";

    private static final String UPSERT_SESSIONS = """
            INSERT INTO debug_session AS s (org_id, session_id, bot_id, version_id, bot_name, version_name, started_at,
                last_event_at, ended_at, end_reason, turns, events, errors, private_data_redacted)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[],
                ?::timestamptz[], ?::timestamptz[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[])
            ON CONFLICT (org_id, session_id) DO UPDATE SET
                bot_name = coalesce(excluded.bot_name, s.bot_name),
                version_name = coalesce(excluded.version_name, s.version_name),
                started_at = least(s.started_at, excluded.started_at),
                last_event_at = greatest(s.last_event_at, excluded.last_event_at),
                ended_at = coalesce(s.ended_at, excluded.ended_at),
                end_reason = coalesce(s.end_reason, excluded.end_reason),
                turns = greatest(s.turns, excluded.turns),
                events = s.events + excluded.events,
                errors = s.errors + excluded.errors,
                private_data_redacted = s.private_data_redacted OR excluded.private_data_redacted""";

    private static final String UPSERT_DIALOG_METRICS = """
            INSERT INTO dialog_metric_minute AS m (org_id, bot_id, bucket_start, version_id, dialog, entries,
                completions, transfers, errors, confused_hits)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                ?::bigint[], ?::bigint[], ?::bigint[])
            ON CONFLICT (org_id, bot_id, bucket_start, version_id, dialog) DO UPDATE SET
                entries = m.entries + excluded.entries,
                completions = m.completions + excluded.completions,
                transfers = m.transfers + excluded.transfers,
                errors = m.errors + excluded.errors,
                confused_hits = m.confused_hits + excluded.confused_hits""";

    private static final String UPSERT_BOT_METRICS = """
            INSERT INTO bot_metric_minute AS m (org_id, bot_id, bucket_start, version_id, sessions, turns)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::bigint[], ?::bigint[])
            ON CONFLICT (org_id, bot_id, bucket_start, version_id) DO UPDATE SET
                sessions = m.sessions + excluded.sessions,
                turns = m.turns + excluded.turns""";

    private static final String UPSERT_LATENCIES = """
            INSERT INTO turn_latency_minute AS m (org_id, bot_id, bucket_start, version_id, bin, turns)
            SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::smallint[], ?::bigint[])
            ON CONFLICT (org_id, bot_id, bucket_start, version_id, bin) DO UPDATE SET
                turns = m.turns + excluded.turns""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final RetentionProperties retention;
    private final Clock clock;

    JdbcEventStore(JdbcTemplate jdbc, TransactionTemplate transactions, JsonMapper json,
            RetentionProperties retention, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public StoreResult store(List<IncomingEvent> events) {
        Instant oldest = clock.instant().minus(retention.age());
        Map<UUID, IncomingEvent> unique = new LinkedHashMap<>();
        int expired = 0;
        for (IncomingEvent event : events) {
            if (event.occurredAt().isBefore(oldest)) {
                expired++;
            } else {
                unique.putIfAbsent(event.eventId(), event);
            }
        }
        if (unique.isEmpty()) {
            return new StoreResult(0, events.size() - expired, expired);
        }
        List<IncomingEvent> candidates = List.copyOf(unique.values());
        int stored = transactions.execute(status -> jdbc.execute((ConnectionCallback<Integer>) connection ->
                write(connection, candidates)));
        return new StoreResult(stored, events.size() - expired - stored, expired);
    }

    private int write(Connection connection, List<IncomingEvent> events) throws SQLException {
        Set<SessionKey> privateSessions = privateSessions(connection, events);
        Set<UUID> insertedIds = insertEvents(connection, events, privateSessions);
        if (insertedIds.isEmpty()) {
            return 0;
        }
        List<IncomingEvent> inserted = events.stream().filter(e -> insertedIds.contains(e.eventId())).toList();
        MetricDeltas deltas = MetricDeltas.of(inserted);
        deltas.countNewMarkers(insertMarkers(connection, deltas.markers()));
        upsertSessions(connection, inserted, privateSessions);
        upsertDialogMetrics(connection, deltas.dialogs());
        upsertBotMetrics(connection, deltas.bots());
        upsertLatencies(connection, deltas.latencies());
        return inserted.size();
    }

    /** Sessions whose data is private: flagged by an event now, or by one stored earlier (redaction is sticky). */
    private Set<SessionKey> privateSessions(Connection connection, List<IncomingEvent> events) throws SQLException {
        Set<SessionKey> flagged = new HashSet<>();
        Set<SessionKey> unknown = new HashSet<>();
        for (IncomingEvent event : events) {
            if (Boolean.FALSE.equals(event.privateDataLogged())) {
                flagged.add(event.session());
            } else {
                unknown.add(event.session());
            }
        }
        unknown.removeAll(flagged);
        if (!unknown.isEmpty()) {
            List<SessionKey> sessions = List.copyOf(unknown);
            try (PreparedStatement statement = connection.prepareStatement(PRIVATE_SESSIONS)) {
                statement.setArray(1, texts(connection, sessions, SessionKey::orgId));
                statement.setArray(2, texts(connection, sessions, SessionKey::sessionId));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        flagged.add(new SessionKey(rows.getString(1), rows.getString(2)));
                    }
                }
            }
        }
        return flagged;
    }

    private Set<UUID> insertEvents(Connection connection, List<IncomingEvent> events, Set<SessionKey> privateSessions)
            throws SQLException {
        int n = events.size();
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingEvent event = events.get(i);
            boolean redacted = privateSessions.contains(event.session());
            if (redacted) {
                Redaction.redact(event.type(), event.data());
            }
            // the source text saves writing the tree again, but never for a private session's (redacted) event
            data[i] = event.dataJson(json, redacted);
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT_EVENTS)) {
            statement.setArray(1, connection.createArrayOf("uuid",
                    events.stream().map(IncomingEvent::eventId).toArray(UUID[]::new)));
            statement.setArray(2, texts(connection, events, IncomingEvent::orgId));
            statement.setArray(3, texts(connection, events, IncomingEvent::botId));
            statement.setArray(4, texts(connection, events, IncomingEvent::versionId));
            statement.setArray(5, texts(connection, events, IncomingEvent::sessionId));
            statement.setArray(6, array(connection, "int8", events, IncomingEvent::turn));
            statement.setArray(7, array(connection, "int8", events, IncomingEvent::sequenceId));
            statement.setArray(8, texts(connection, events, IncomingEvent::type));
            statement.setArray(9, array(connection, "int4", events, IncomingEvent::schemaVersion));
            statement.setArray(10, texts(connection, events, IncomingEvent::dialog));
            statement.setArray(11, texts(connection, events, IncomingEvent::step));
            statement.setArray(12, texts(connection, events, e -> e.occurredAt().toString()));
            statement.setArray(13, texts(connection, events, IncomingEvent::requestId));
            statement.setArray(14, connection.createArrayOf("text", data));
            statement.setArray(15, array(connection, "int4", events, IncomingEvent::partition));
            statement.setArray(16, array(connection, "int8", events, IncomingEvent::offset));
            Set<UUID> inserted = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
            return inserted;
        }
    }

    private Set<MarkerKey> insertMarkers(Connection connection, Collection<Marker> markers) throws SQLException {
        if (markers.isEmpty()) {
            return Set.of();
        }
        List<Marker> rows = List.copyOf(markers);
        try (PreparedStatement statement = connection.prepareStatement(INSERT_MARKERS)) {
            statement.setArray(1, texts(connection, rows, m -> m.key().orgId()));
            statement.setArray(2, texts(connection, rows, m -> m.key().sessionId()));
            statement.setArray(3, array(connection, "int8", rows, m -> m.key().turn()));
            statement.setArray(4, texts(connection, rows, m -> m.key().kind()));
            statement.setArray(5, texts(connection, rows, m -> m.occurredAt().toString()));
            Set<MarkerKey> inserted = new HashSet<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    inserted.add(new MarkerKey(result.getString(1), result.getString(2), result.getLong(3),
                            result.getString(4)));
                }
            }
            return inserted;
        }
    }

    /** One summary delta per session of the inserted events. */
    private record SessionDelta(SessionKey key, String botId, String versionId, String botName, String versionName,
            Instant startedAt, Instant lastEventAt, Instant endedAt, String endReason, long turns, long events,
            long errors, boolean privateData) {

        SessionDelta plus(IncomingEvent event) {
            boolean started = event.type().equals("SessionStarted");
            boolean ended = event.type().equals("SessionEnded");
            return new SessionDelta(key, botId, versionId,
                    started && botName == null ? MetricDeltas.text(event.data().get("botName")) : botName,
                    started && versionName == null ? MetricDeltas.text(event.data().get("versionName")) : versionName,
                    event.occurredAt().isBefore(startedAt) ? event.occurredAt() : startedAt,
                    event.occurredAt().isAfter(lastEventAt) ? event.occurredAt() : lastEventAt,
                    ended && endedAt == null ? event.occurredAt() : endedAt,
                    ended && endReason == null ? MetricDeltas.text(event.data().get("reason")) : endReason,
                    Math.max(turns, event.turn()), events + 1, errors + (MetricDeltas.isError(event) ? 1 : 0),
                    privateData);
        }
    }

    private void upsertSessions(Connection connection, List<IncomingEvent> inserted, Set<SessionKey> privateSessions)
            throws SQLException {
        Map<SessionKey, SessionDelta> sessions = new HashMap<>();
        for (IncomingEvent event : inserted) {
            SessionKey key = event.session();
            SessionDelta delta = sessions.get(key);
            if (delta == null) {
                delta = new SessionDelta(key, event.botId(), event.versionId(), null, null, event.occurredAt(),
                        event.occurredAt(), null, null, 0, 0, 0, privateSessions.contains(key));
            }
            sessions.put(key, delta.plus(event));
        }
        // primary-key order, so concurrent transactions lock summaries in the same order
        List<SessionDelta> rows = sessions.values().stream().sorted(Comparator
                .comparing((SessionDelta s) -> s.key().orgId()).thenComparing(s -> s.key().sessionId())).toList();
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_SESSIONS)) {
            statement.setArray(1, texts(connection, rows, s -> s.key().orgId()));
            statement.setArray(2, texts(connection, rows, s -> s.key().sessionId()));
            statement.setArray(3, texts(connection, rows, SessionDelta::botId));
            statement.setArray(4, texts(connection, rows, SessionDelta::versionId));
            statement.setArray(5, texts(connection, rows, SessionDelta::botName));
            statement.setArray(6, texts(connection, rows, SessionDelta::versionName));
            statement.setArray(7, texts(connection, rows, s -> s.startedAt().toString()));
            statement.setArray(8, texts(connection, rows, s -> s.lastEventAt().toString()));
            statement.setArray(9, texts(connection, rows, s -> s.endedAt() == null ? null : s.endedAt().toString()));
            statement.setArray(10, texts(connection, rows, SessionDelta::endReason));
            statement.setArray(11, array(connection, "int8", rows, SessionDelta::turns));
            statement.setArray(12, array(connection, "int8", rows, SessionDelta::events));
            statement.setArray(13, array(connection, "int8", rows, SessionDelta::errors));
            statement.setArray(14, array(connection, "bool", rows, SessionDelta::privateData));
            statement.executeUpdate();
        }
    }

    private void upsertDialogMetrics(Connection connection, Map<DialogKey, long[]> dialogs) throws SQLException {
        if (dialogs.isEmpty()) {
            return;
        }
        List<Map.Entry<DialogKey, long[]>> rows = List.copyOf(dialogs.entrySet());
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_DIALOG_METRICS)) {
            statement.setArray(1, texts(connection, rows, r -> r.getKey().orgId()));
            statement.setArray(2, texts(connection, rows, r -> r.getKey().botId()));
            statement.setArray(3, texts(connection, rows, r -> r.getKey().minute().toString()));
            statement.setArray(4, texts(connection, rows, r -> r.getKey().versionId()));
            statement.setArray(5, texts(connection, rows, r -> r.getKey().dialog()));
            statement.setArray(6, array(connection, "int8", rows, r -> r.getValue()[MetricDeltas.ENTRIES]));
            statement.setArray(7, array(connection, "int8", rows, r -> r.getValue()[MetricDeltas.COMPLETIONS]));
            statement.setArray(8, array(connection, "int8", rows, r -> r.getValue()[MetricDeltas.TRANSFERS]));
            statement.setArray(9, array(connection, "int8", rows, r -> r.getValue()[MetricDeltas.ERRORS]));
            statement.setArray(10, array(connection, "int8", rows, r -> r.getValue()[MetricDeltas.CONFUSED]));
            statement.executeUpdate();
        }
    }

    private void upsertBotMetrics(Connection connection, Map<BotKey, long[]> bots) throws SQLException {
        if (bots.isEmpty()) {
            return;
        }
        List<Map.Entry<BotKey, long[]>> rows = List.copyOf(bots.entrySet());
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_BOT_METRICS)) {
            statement.setArray(1, texts(connection, rows, r -> r.getKey().orgId()));
            statement.setArray(2, texts(connection, rows, r -> r.getKey().botId()));
            statement.setArray(3, texts(connection, rows, r -> r.getKey().minute().toString()));
            statement.setArray(4, texts(connection, rows, r -> r.getKey().versionId()));
            statement.setArray(5, array(connection, "int8", rows, r -> r.getValue()[MetricDeltas.SESSIONS]));
            statement.setArray(6, array(connection, "int8", rows, r -> r.getValue()[MetricDeltas.TURNS]));
            statement.executeUpdate();
        }
    }

    private void upsertLatencies(Connection connection, Map<LatencyKey, long[]> latencies) throws SQLException {
        if (latencies.isEmpty()) {
            return;
        }
        List<Map.Entry<LatencyKey, long[]>> rows = List.copyOf(latencies.entrySet());
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_LATENCIES)) {
            statement.setArray(1, texts(connection, rows, r -> r.getKey().orgId()));
            statement.setArray(2, texts(connection, rows, r -> r.getKey().botId()));
            statement.setArray(3, texts(connection, rows, r -> r.getKey().minute().toString()));
            statement.setArray(4, texts(connection, rows, r -> r.getKey().versionId()));
            statement.setArray(5, array(connection, "int2", rows, r -> (short) r.getKey().bin()));
            statement.setArray(6, array(connection, "int8", rows, r -> r.getValue()[0]));
            statement.executeUpdate();
        }
    }

    private static <T> Array texts(Connection connection, List<T> rows, Function<T, String> column)
            throws SQLException {
        return array(connection, "text", rows, column);
    }

    private static <T> Array array(Connection connection, String type, List<T> rows, Function<T, ?> column)
            throws SQLException {
        Object[] values = switch (type) {
            case "text" -> new String[rows.size()];
            case "int8" -> new Long[rows.size()];
            case "int4" -> new Integer[rows.size()];
            case "int2" -> new Short[rows.size()];
            case "bool" -> new Boolean[rows.size()];
            default -> throw new IllegalArgumentException("no array type " + type);
        };
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return connection.createArrayOf(type, values);
    }
}
