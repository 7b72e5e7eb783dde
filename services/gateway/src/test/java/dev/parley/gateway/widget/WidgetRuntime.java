package dev.parley.gateway.widget;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.parley.gateway.runtime.RuntimeClient;
import dev.parley.gateway.runtime.RuntimeRejectedException;
import dev.parley.gateway.runtime.RuntimeUnavailableException;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.api.TurnReply;

/**
 * An in-memory stand-in for the runtime service with its idempotency contract (a known start key or sequence id
 * answers the recorded reply and runs nothing; a lower unseen sequence id is stale; an ended session refuses). Its
 * bot welcomes with a text and a menu (Order Status, End Chat), echoes texts, ends on "End Chat" or an end command.
 * It can be told to be unreachable for the next N calls. Records every turn that really ran.
 */
class WidgetRuntime implements RuntimeClient {

    static final String ORDER_STATUS = "choice-order-status";

    static final String END_CHAT = "choice-end-chat";

    /** One turn that really ran (not a replay). */
    record Executed(String operation, String sessionId, Object command) {
    }

    private static final class Session {
        final TurnReply startReply;
        final Map<Long, TurnReply> replies = new HashMap<>();
        long highest = -1;
        boolean ended;

        Session(TurnReply startReply) {
            this.startReply = startReply;
        }
    }

    private final Map<String, Session> sessions = new HashMap<>();

    private final List<Executed> executed = new ArrayList<>();

    private final AtomicInteger unavailable = new AtomicInteger();

    private volatile int welcomeDelayMs;

    synchronized void reset() {
        sessions.clear();
        executed.clear();
        unavailable.set(0);
        welcomeDelayMs = 0;
    }

    /** The next {@code calls} calls fail as if the runtime could not be reached. */
    void unavailableFor(int calls) {
        unavailable.set(calls);
    }

    /** The welcome text asks clients to wait this long before showing it. */
    void welcomeDelay(int millis) {
        welcomeDelayMs = millis;
    }

    synchronized List<Executed> executed() {
        return List.copyOf(executed);
    }

    @Override
    public synchronized TurnReply start(String orgId, String botId, StartSessionCommand command) {
        failIfUnavailable();
        String sessionId = UUID.nameUUIDFromBytes((orgId + "/" + botId + "/" + command.externalSessionKey())
                .getBytes(StandardCharsets.UTF_8)).toString();
        Session session = sessions.get(sessionId);
        if (session != null) {
            return session.startReply;
        }
        OutboundMessage welcome = new OutboundMessage("text", UUID.randomUUID().toString(), "Welcome to Acme", null,
                null, null, null, welcomeDelayMs);
        TurnReply reply = reply(sessionId, List.of(), List.of(welcome, menu()));
        sessions.put(sessionId, new Session(reply));
        executed.add(new Executed("start", sessionId, command));
        return reply;
    }

    @Override
    public synchronized TurnReply message(String orgId, String sessionId, MessageCommand command) {
        failIfUnavailable();
        Session session = sessions.get(sessionId);
        if (session == null) {
            throw new RuntimeRejectedException(TurnErrorCode.SESSION_NOT_FOUND, "Session " + sessionId);
        }
        TurnReply recorded = session.replies.get(command.sequenceId());
        if (recorded != null) {
            return recorded;
        }
        if (session.ended) {
            throw new RuntimeRejectedException(TurnErrorCode.SESSION_ENDED, "Session " + sessionId + " has ended");
        }
        if (command.sequenceId() <= session.highest) {
            throw new RuntimeRejectedException(TurnErrorCode.STALE_SEQUENCE, "stale " + command.sequenceId());
        }
        List<OutboundMessage> messages;
        if (command.type() == InboundType.CHOICE && END_CHAT.equals(command.choiceId())) {
            session.ended = true;
            messages = List.of(text("Goodbye"), ended("Action"));
        }
        else if (command.type() == InboundType.CHOICE && ORDER_STATUS.equals(command.choiceId())) {
            messages = List.of(text("What is your order number?"));
        }
        else if (command.type() == InboundType.CHOICE) {
            throw new RuntimeRejectedException(TurnErrorCode.INVALID_INPUT, "not offered: " + command.choiceId());
        }
        else {
            messages = List.of(text("You said: " + command.text()), menu());
        }
        TurnReply reply = reply(sessionId, List.of(command.sequenceId()), messages);
        session.highest = command.sequenceId();
        session.replies.put(command.sequenceId(), reply);
        executed.add(new Executed("message", sessionId, command));
        return reply;
    }

    @Override
    public synchronized TurnReply end(String orgId, String sessionId, EndSessionCommand command) {
        failIfUnavailable();
        Session session = sessions.get(sessionId);
        if (session == null) {
            throw new RuntimeRejectedException(TurnErrorCode.SESSION_NOT_FOUND, "Session " + sessionId);
        }
        if (session.ended) {
            throw new RuntimeRejectedException(TurnErrorCode.SESSION_ENDED, "Session " + sessionId + " has ended");
        }
        session.ended = true;
        executed.add(new Executed("end", sessionId, command));
        return reply(sessionId, List.of(), List.of(ended("ClientRequest")));
    }

    private void failIfUnavailable() {
        if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new RuntimeUnavailableException("runtime unreachable (test)");
        }
    }

    private static OutboundMessage menu() {
        return new OutboundMessage("choices", UUID.randomUUID().toString(), null,
                List.of(new OutboundMessage.Choice("Order Status", "1", ORDER_STATUS),
                        new OutboundMessage.Choice("End Chat", "2", END_CHAT)), "menu", null, null, 0);
    }

    private static OutboundMessage text(String text) {
        return new OutboundMessage("text", UUID.randomUUID().toString(), text, null, null, null, null, 0);
    }

    private static OutboundMessage ended(String reason) {
        return new OutboundMessage("sessionEnded", UUID.randomUUID().toString(), null, null, null, reason, null, 0);
    }

    private static TurnReply reply(String sessionId, List<Long> processed, List<OutboundMessage> messages) {
        return new TurnReply(sessionId, "v1", processed, messages, List.of(), "crc");
    }
}
