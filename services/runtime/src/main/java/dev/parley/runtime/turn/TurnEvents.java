package dev.parley.runtime.turn;

import dev.parley.engine.TraceEvent;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.runtime.api.TurnEventType;
import dev.parley.platform.logging.MdcKeys;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Collects the events of one turn in order. Event ids are name-based UUIDs of (session, turn, index), so a turn that
 * is retried after a failure before its commit repeats the same ids and consumers dedupe it.
 */
final class TurnEvents {

    private final String orgId;
    private final String botId;
    private final String botVersion;
    private final String sessionId;
    private final long turn;
    private final Long sequenceId;
    private final Instant occurredAt;
    private final boolean redactPrivateData;
    private final List<String> privateValues;
    private final String requestId = MDC.get(MdcKeys.REQUEST_ID);
    private final List<TurnEvent> events = new ArrayList<>();

    TurnEvents(String orgId, String botId, String botVersion, String sessionId, long turn, Long sequenceId,
            Instant occurredAt, boolean redactPrivateData, Map<String, Object> variables) {
        this.redactPrivateData = redactPrivateData;
        // longest first, so a value containing another is replaced whole
        this.privateValues = !redactPrivateData ? List.of() : variables.values().stream()
                .filter(String.class::isInstance).map(String.class::cast)
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        this.orgId = orgId;
        this.botId = botId;
        this.botVersion = botVersion;
        this.sessionId = sessionId;
        this.turn = turn;
        this.sequenceId = sequenceId;
        this.occurredAt = occurredAt;
    }

    static UUID eventId(String sessionId, long turn, int index) {
        return UUID.nameUUIDFromBytes(("turn-event\u0000" + sessionId + '\u0000' + turn + '\u0000' + index)
                .getBytes(StandardCharsets.UTF_8));
    }

    TurnEvents add(TurnEventType type, Map<String, Object> data) {
        return add(type.name(), data);
    }

    TurnEvents add(TraceEvent trace) {
        Map<String, Object> data = new LinkedHashMap<>();
        InboundMapping.putIfSet(data, "dialog", trace.dialog());
        InboundMapping.putIfSet(data, "step", trace.step());
        data.putAll(trace.detail());
        return add(trace.type(), data);
    }

    boolean contains(TurnEventType type) {
        return events.stream().anyMatch(e -> e.type().equals(type.name()));
    }

    List<TurnEvent> events() {
        return List.copyOf(events);
    }

    private TurnEvents add(String type, Map<String, Object> data) {
        if (redactPrivateData) {
            data = PrivateDataRedaction.redact(type, data, privateValues);
        }
        events.add(new TurnEvent(eventId(sessionId, turn, events.size()), type, TurnEvent.SCHEMA_VERSION, orgId,
                botId, botVersion, sessionId, occurredAt, turn, sequenceId, requestId,
                Collections.unmodifiableMap(new LinkedHashMap<>(data))));
        return this;
    }
}
