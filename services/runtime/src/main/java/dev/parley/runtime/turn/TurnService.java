package dev.parley.runtime.turn;

import dev.parley.engine.Engine;
import dev.parley.engine.EngineException;
import dev.parley.engine.EngineLimits;
import dev.parley.engine.Input;
import dev.parley.engine.InvalidInputException;
import dev.parley.engine.SessionEndedException;
import dev.parley.engine.SessionState;
import dev.parley.engine.TurnResult;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.Topics;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.runtime.api.TurnEventType;
import dev.parley.runtime.api.TurnReply;
import dev.parley.runtime.bot.BotCatalog;
import dev.parley.runtime.callout.CalloutProperties;
import dev.parley.runtime.callout.Callouts;
import dev.parley.runtime.bot.LoadedBot;
import dev.parley.runtime.events.OutboxRelay;
import dev.parley.runtime.sessionstore.SessionStore;
import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.api.SessionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.parley.platform.logging.MdcKeys;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Runs one turn of a session: lease it, replay a recorded reply or run the engine, then commit state, reply and turn
 * events atomically (fenced) and hand the events to the {@link OutboxRelay}. Any failure before the commit releases
 * the lease and commits nothing.
 */
@Service
class TurnService {

    static final String ACTIVE = "ACTIVE";
    static final String ENDED = "ENDED";

    private static final Logger log = LoggerFactory.getLogger(TurnService.class);
    private static final Pattern SESSION_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String INSTANCE = "runtime " + ManagementFactory.getRuntimeMXBean().getName();

    private final BotCatalog bots;
    private final SessionStore sessionStore;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final TurnProperties properties;
    private final TurnMetrics metrics;
    private final Engine engine;
    private final EffectLoop effects;

    TurnService(BotCatalog bots, SessionStore sessionStore, OutboxRelay relay, JsonMapper json,
            TurnProperties properties, TurnMetrics metrics, Callouts callouts, CalloutProperties calloutProperties) {
        this.bots = bots;
        this.sessionStore = sessionStore;
        this.relay = relay;
        this.json = json;
        this.properties = properties;
        this.metrics = metrics;
        this.engine = new Engine(new EngineLimits(properties.maxStepsPerTurn()));
        if (calloutProperties.turnBudget().compareTo(properties.leaseTtl()) >= 0) {
            // a turn that waits out its callouts must still hold its lease when it commits
            throw new IllegalArgumentException("parley.runtime.callout.turn-budget (" + calloutProperties.turnBudget()
                    + ") must be shorter than parley.runtime.turn.lease-ttl (" + properties.leaseTtl() + ")");
        }
        this.effects = new EffectLoop(engine, callouts, calloutProperties.turnBudget());
    }

    /** The session id of a start: the same org, bot and external key always give the same session. */
    static String sessionIdFor(String orgId, String botId, String externalSessionKey) {
        return UUID.nameUUIDFromBytes(("session\u0000" + orgId + '\u0000' + botId + '\u0000' + externalSessionKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Starts a session and runs its first turn; a repeated start answers the recorded reply. */
    TurnReply start(String orgId, String botId, StartSessionCommand command) {
        return metrics.measure("start", () -> {
            try (var org = MDC.putCloseable(MdcKeys.ORG_ID, orgId)) {
                if (command == null || command.externalSessionKey() == null || command.externalSessionKey().isBlank()) {
                    throw new InvalidTurnInputException("externalSessionKey is required");
                }
                Map<String, Object> variables = InboundMapping.variables(command.variables());
                LoadedBot bot = bots.find(orgId, botId)
                        .orElseThrow(() -> new BotNotFoundException("Bot " + botId + " not found"));
                String sessionId = sessionIdFor(orgId, botId, command.externalSessionKey());
                try (var session = MDC.putCloseable(MdcKeys.SESSION_ID, sessionId)) {
                    return run(orgId, sessionId, "start", lease -> {
                        if (lease.session() != null) {
                            // committed before, but its start reply is gone: never run a start twice
                            if (ENDED.equals(lease.session().status())) {
                                throw new SessionAlreadyEndedException(sessionId);
                            }
                            throw new InvalidTurnInputException("Session " + sessionId + " was already started");
                        }
                        TurnResult result = runEngine(sessionId, () -> effects.finish(orgId, bot.program(),
                                engine.start(bot.program(), sessionId, variables, command.text())));
                        Map<String, Object> started = new LinkedHashMap<>();
                        started.put("botName", bot.program().botName());
                        started.put("versionName", bot.program().versionName());
                        started.put("logPrivateConversationData", bot.program().logPrivateConversationData());
                        if (!variables.isEmpty()) {
                            started.put("contextVariables", variables);
                        }
                        InboundMapping.putIfSet(started, "timeZone", command.timeZone());
                        // the engine treats a blank first utterance as none
                        List<Inbound> inbound = command.text() == null || command.text().isBlank()
                                ? List.of(new Inbound(TurnEventType.SessionStarted, started))
                                : List.of(new Inbound(TurnEventType.SessionStarted, started),
                                        new Inbound(TurnEventType.MessageReceived,
                                                Map.of("type", "TEXT", "text", command.text())));
                        return new Executed(bot, 0, result, null, null, inbound);
                    });
                }
            }
        });
    }

    /** Runs one turn with an inbound message; a repeated sequence id answers the recorded reply. */
    TurnReply message(String orgId, String sessionId, MessageCommand command) {
        return metrics.measure("message", () -> {
            try (var org = MDC.putCloseable(MdcKeys.ORG_ID, orgId);
                    var session = MDC.putCloseable(MdcKeys.SESSION_ID, sessionId)) {
                if (command == null) {
                    throw new InvalidTurnInputException("a message is required");
                }
                Input input = InboundMapping.input(command);
                requireSessionIdFormat(sessionId);
                long sequenceId = command.sequenceId();
                return run(orgId, sessionId, "seq:" + sequenceId, lease -> {
                    SessionRecord record = activeSession(orgId, sessionId, lease);
                    LoadedBot bot = botOf(record);
                    StoredSession stored = json.readValue(record.stateJson(), StoredSession.class);
                    Long highest = stored.highestSequenceId();
                    if (highest != null && sequenceId <= highest) {
                        throw new StaleSequenceException(sessionId, sequenceId, highest);
                    }
                    TurnResult result = runEngine(sessionId,
                            () -> effects.finish(orgId, bot.program(),
                                    engine.resume(bot.program(), stored.engine(), input)));
                    return new Executed(bot, record.version(), result, sequenceId, sequenceId,
                            List.of(new Inbound(TurnEventType.MessageReceived, InboundMapping.describe(command))));
                });
            }
        });
    }

    /** Ends a session at the client's request; a repeated end answers the recorded reply. */
    TurnReply end(String orgId, String sessionId, EndSessionCommand command) {
        return metrics.measure("end", () -> {
            try (var org = MDC.putCloseable(MdcKeys.ORG_ID, orgId);
                    var session = MDC.putCloseable(MdcKeys.SESSION_ID, sessionId)) {
                String reason = InboundMapping.endReason(command);
                requireSessionIdFormat(sessionId);
                return run(orgId, sessionId, "end", lease -> {
                    SessionRecord record = activeSession(orgId, sessionId, lease);
                    LoadedBot bot = botOf(record);
                    StoredSession stored = json.readValue(record.stateJson(), StoredSession.class);
                    TurnResult result = runEngine(sessionId,
                            () -> effects.finish(orgId, bot.program(),
                                    engine.end(bot.program(), stored.engine(), "ClientRequest")));
                    return new Executed(bot, record.version(), result, null, stored.highestSequenceId(),
                            List.of(new Inbound(TurnEventType.MessageReceived,
                                    Map.of("type", "END_SESSION", "reason", reason))));
                });
            }
        });
    }

    /** What the engine made of a turn, before it is committed. */
    private record Executed(LoadedBot bot, long previousVersion, TurnResult result, Long sequenceId,
            Long highestSequenceId, List<Inbound> inbound) {
    }

    /** An event about the inbound command, recorded before the engine's trace. */
    private record Inbound(TurnEventType type, Map<String, Object> data) {
    }

    private TurnMetrics.Outcome run(String orgId, String sessionId, String messageKey,
            Function<LeaseGranted, Executed> turn) {
        long started = System.nanoTime();
        LeaseGranted lease = sessionStore.lease(sessionId, new LeaseRequest(
                INSTANCE + " " + Thread.currentThread().getName(), properties.leaseTtl().toMillis(),
                properties.leaseWait().toMillis(), messageKey));
        if (lease.isReplay()) {
            if (lease.session() == null || !orgId.equals(lease.session().orgId())) {
                throw new SessionNotFoundException(sessionId);
            }
            log.debug("Message {} was answered before; replaying its reply", messageKey);
            return new TurnMetrics.Outcome(json.readValue(lease.recordedReply(), TurnReply.class), true);
        }
        boolean committed = false;
        try {
            Executed executed = turn.apply(lease);
            Commit commit = prepare(orgId, sessionId, messageKey, lease, executed, started);
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            if (elapsedMillis > properties.timeout().toMillis()) {
                throw new TurnTimedOutException(sessionId, elapsedMillis);
            }
            sessionStore.commit(sessionId, commit.request());
            committed = true;
            relay.relayAfterCommit(commit.request().events());
            return new TurnMetrics.Outcome(commit.reply(), false);
        } finally {
            if (!committed) {
                release(sessionId, lease.fencingToken());
            }
        }
    }

    /** A commit ready to send and the reply it records. */
    private record Commit(CommitRequest request, TurnReply reply) {
    }

    private Commit prepare(String orgId, String sessionId, String messageKey, LeaseGranted lease, Executed executed,
            long started) {
        LoadedBot bot = executed.bot();
        SessionState state = executed.result().state();
        String stateJson = json.writeValueAsString(new StoredSession(state, executed.highestSequenceId()));
        List<OutboundMessage> messages = executed.result().outputs().stream()
                .map(output -> ReplyMapping.message(output, bot.responseDelay()))
                .toList();
        TurnReply reply = new TurnReply(sessionId, bot.versionId(),
                executed.sequenceId() == null ? List.of() : List.of(executed.sequenceId()), messages,
                ReplyMapping.variables(bot.program(), state.variables()), crc32(stateJson),
                executed.result().changedVariables());

        TurnEvents events = new TurnEvents(orgId, bot.botId(), bot.versionId(), sessionId, state.turn(),
                executed.sequenceId(), Instant.now(), !bot.program().logPrivateConversationData(), state.variables());
        executed.inbound().forEach(inbound -> events.add(inbound.type(), inbound.data()));
        executed.result().trace().forEach(events::add);
        if (state.ended() && !events.contains(TurnEventType.SessionEnded)) {
            events.add(TurnEventType.SessionEnded, Map.of("reason", String.valueOf(state.endReason())));
        }
        events.add(TurnEventType.TurnCompleted, Map.of(
                "latencyMs", (System.nanoTime() - started) / 1_000_000,
                "messages", messages.size(),
                "ended", state.ended()));
        List<OutboxEntry> outbox = events.events().stream()
                .map(event -> new OutboxEntry(event.eventId(), Topics.TURN_EVENTS, sessionId,
                        json.writeValueAsString(event), 0))
                .toList();

        SessionRecord record = new SessionRecord(sessionId, orgId, bot.botId(), bot.versionId(),
                state.ended() ? ENDED : ACTIVE, stateJson, executed.previousVersion());
        CommitRequest request = new CommitRequest(lease.fencingToken(), record, messageKey,
                json.writeValueAsString(reply), outbox, bot.idleTimeout().toMillis());
        return new Commit(request, reply);
    }

    private static SessionRecord activeSession(String orgId, String sessionId, LeaseGranted lease) {
        SessionRecord record = lease.session();
        // another org's session is reported exactly like a missing one
        if (record == null || !orgId.equals(record.orgId())) {
            throw new SessionNotFoundException(sessionId);
        }
        if (ENDED.equals(record.status())) {
            throw new SessionAlreadyEndedException(sessionId);
        }
        return record;
    }

    private LoadedBot botOf(SessionRecord record) {
        // a session stays on the version it started on, even after another one was activated
        return bots.find(record.orgId(), record.botId(), record.botVersion())
                .orElseThrow(() -> new BotNotFoundException("Version " + record.botVersion() + " of bot "
                        + record.botId() + ", which session " + record.sessionId() + " runs, is no longer available"));
    }

    private static TurnResult runEngine(String sessionId, Supplier<TurnResult> turn) {
        try {
            return turn.get();
        } catch (InvalidInputException e) {
            throw new InvalidTurnInputException(e.getMessage(), e);
        } catch (SessionEndedException e) {
            throw new SessionAlreadyEndedException(sessionId);
        } catch (EngineException e) {
            throw new BotFailedException("The bot failed: " + e.getMessage(), e);
        }
    }

    private static void requireSessionIdFormat(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw new SessionNotFoundException(sessionId);
        }
    }

    private void release(String sessionId, long fencingToken) {
        try {
            sessionStore.release(sessionId, fencingToken);
        } catch (RuntimeException e) {
            // the lease lapses after its TTL anyway
            log.warn("Could not release lease {}: {}", fencingToken, e.getMessage());
        }
    }

    static String crc32(String stateJson) {
        CRC32 crc = new CRC32();
        crc.update(stateJson.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
