package dev.parley.eventsconsumer.ingest;

import dev.parley.eventsconsumer.metrics.LatencyBins;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What newly stored events add to the minute aggregates, summed per row and sorted in primary-key order (so that
 * concurrent transactions lock rows in the same order). Built only from events that were actually inserted, so a
 * redelivered event adds nothing. Transfers and Confused hits are counted once per turn through {@link Marker}s.
 */
final class MetricDeltas {

    static final int ENTRIES = 0;
    static final int COMPLETIONS = 1;
    static final int TRANSFERS = 2;
    static final int ERRORS = 3;
    static final int CONFUSED = 4;
    static final int SESSIONS = 0;
    static final int TURNS = 1;

    static final String CONFUSED_MARKER = "confused";
    static final String TRANSFER_MARKER = "transfer";

    /** A row of {@code dialog_metric_minute}. */
    record DialogKey(String orgId, String botId, Instant minute, String versionId, String dialog) {
        static final Comparator<DialogKey> ORDER = Comparator.comparing(DialogKey::orgId)
                .thenComparing(DialogKey::botId).thenComparing(DialogKey::minute)
                .thenComparing(DialogKey::versionId).thenComparing(DialogKey::dialog);
    }

    /** A row of {@code bot_metric_minute}. */
    record BotKey(String orgId, String botId, Instant minute, String versionId) {
        static final Comparator<BotKey> ORDER = Comparator.comparing(BotKey::orgId).thenComparing(BotKey::botId)
                .thenComparing(BotKey::minute).thenComparing(BotKey::versionId);
    }

    /** A row of {@code turn_latency_minute}. */
    record LatencyKey(String orgId, String botId, Instant minute, String versionId, int bin) {
        static final Comparator<LatencyKey> ORDER = Comparator.comparing(LatencyKey::orgId)
                .thenComparing(LatencyKey::botId).thenComparing(LatencyKey::minute)
                .thenComparing(LatencyKey::versionId).thenComparingInt(LatencyKey::bin);
    }

    /** A row of {@code turn_marker}. */
    record MarkerKey(String orgId, String sessionId, long turn, String kind) {
    }

    /** A once-per-turn fact, and the dialog counter it increments if it is new. */
    record Marker(MarkerKey key, Instant occurredAt, DialogKey dialog, int counter) {
    }

    // summed in hash maps (cheap per event), sorted once when read
    private final Map<DialogKey, long[]> dialogs = new HashMap<>();
    private final Map<BotKey, long[]> bots = new HashMap<>();
    private final Map<LatencyKey, long[]> latencies = new HashMap<>();
    private final Map<MarkerKey, Marker> markers = new LinkedHashMap<>();

    private MetricDeltas() {
    }

    static MetricDeltas of(List<IncomingEvent> inserted) {
        MetricDeltas deltas = new MetricDeltas();
        inserted.forEach(deltas::add);
        return deltas;
    }

    /** Whether the event counts as an error: ErrorOccurred, or a session that ended because of an error or a loop. */
    static boolean isError(IncomingEvent event) {
        return switch (event.type()) {
            case "ErrorOccurred" -> true;
            case "SessionEnded" -> {
                String reason = text(event.data().get("reason"));
                yield "Error".equalsIgnoreCase(reason) || "InfiniteLoopDetected".equalsIgnoreCase(reason);
            }
            default -> false;
        };
    }

    private void add(IncomingEvent event) {
        Instant minute = event.occurredAt().truncatedTo(ChronoUnit.MINUTES);
        DialogKey dialog = new DialogKey(event.orgId(), event.botId(), minute, event.versionId(),
                event.dialog() == null ? "" : event.dialog());
        BotKey bot = new BotKey(event.orgId(), event.botId(), minute, event.versionId());
        switch (event.type()) {
            case "SessionStarted" -> increment(bots, bot, SESSIONS, 2);
            case "TurnCompleted" -> {
                increment(bots, bot, TURNS, 2);
                JsonNode latency = event.data().get("latencyMs");
                if (latency != null && latency.isNumber()) {
                    increment(latencies, new LatencyKey(event.orgId(), event.botId(), minute, event.versionId(),
                            LatencyBins.binOf(latency.asLong())), 0, 1);
                }
            }
            case "DialogEntered" -> {
                increment(dialogs, dialog, ENTRIES, 5);
                String via = text(event.data().get("via"));
                // the engine says notUnderstood where the contract says confused
                if ("confused".equalsIgnoreCase(via) || "notUnderstood".equalsIgnoreCase(via)) {
                    mark(event, CONFUSED_MARKER, dialog, CONFUSED);
                }
            }
            case "DialogCompleted" -> increment(dialogs, dialog, COMPLETIONS, 5);
            case "InputNotUnderstood" -> mark(event, CONFUSED_MARKER, dialog, CONFUSED);
            case "TransferRequested" -> mark(event, TRANSFER_MARKER, dialog, TRANSFERS);
            case "MessageSent" -> {
                if ("escalate".equalsIgnoreCase(text(event.data().get("kind")))) {
                    mark(event, TRANSFER_MARKER, dialog, TRANSFERS);
                }
            }
            default -> {
                // other types add nothing to the aggregates
            }
        }
        if (isError(event)) {
            increment(dialogs, dialog, ERRORS, 5);
        }
    }

    private void mark(IncomingEvent event, String kind, DialogKey dialog, int counter) {
        MarkerKey key = new MarkerKey(event.orgId(), event.sessionId(), event.turn(), kind);
        markers.putIfAbsent(key, new Marker(key, event.occurredAt(), dialog, counter));
    }

    /** Counts the markers that turned out to be new (inserted now, not seen in an earlier batch). */
    void countNewMarkers(Set<MarkerKey> inserted) {
        for (Marker marker : markers.values()) {
            if (inserted.contains(marker.key())) {
                increment(dialogs, marker.dialog(), marker.counter(), 5);
            }
        }
    }

    Collection<Marker> markers() {
        return markers.values();
    }

    /** Dialog rows in primary-key order. */
    Map<DialogKey, long[]> dialogs() {
        return sorted(dialogs, DialogKey.ORDER);
    }

    /** Bot rows in primary-key order. */
    Map<BotKey, long[]> bots() {
        return sorted(bots, BotKey.ORDER);
    }

    /** Latency rows in primary-key order. */
    Map<LatencyKey, long[]> latencies() {
        return sorted(latencies, LatencyKey.ORDER);
    }

    private static <K> Map<K, long[]> sorted(Map<K, long[]> rows, Comparator<K> order) {
        Map<K, long[]> sorted = new TreeMap<>(order);
        sorted.putAll(rows);
        return sorted;
    }

    private static <K> void increment(Map<K, long[]> rows, K key, int counter, int width) {
        rows.computeIfAbsent(key, k -> new long[width])[counter]++;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isContainer() ? null : node.asString();
    }
}
