package dev.parley.gateway.channels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.gateway.runtime.RuntimeClient;
import dev.parley.gateway.runtime.RuntimeRejectedException;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.api.TurnReply;

/**
 * An in-memory stand-in for the runtime service that keeps its idempotency contract: a start with a known
 * external session key and a message with a recorded sequence id answer the recorded reply and run nothing; a lower
 * unseen sequence id is {@code STALE_SEQUENCE}; an ended session is {@code SESSION_ENDED}. Its bot welcomes with a
 * menu (Order Status, End Chat), echoes texts, and ends the session on "End Chat". Records every executed turn.
 */
public class ScriptedRuntime implements RuntimeClient {

    public static final String ORDER_STATUS = "choice-order-status";

    public static final String END_CHAT = "choice-end-chat";

    /** One turn that really ran (not a replay). */
    public record Executed(String operation, String orgId, String sessionId, Object command) {
    }

    private static final class Session {
        final String orgId;
        final TurnReply startReply;
        final Map<Long, TurnReply> replies = new HashMap<>();
        long highest = -1;
        boolean ended;

        Session(String orgId, TurnReply startReply) {
            this.orgId = orgId;
            this.startReply = startReply;
        }
    }

    private final Map<String, Session> sessions = new HashMap<>();

    private final List<Executed> executed = new ArrayList<>();

    private final List<String> calls = new ArrayList<>();

    private List<OutboundMessage.Choice> menu = defaultMenu();

    public synchronized void reset() {
        sessions.clear();
        executed.clear();
        calls.clear();
        menu = defaultMenu();
    }

    /** Offers {@code choices} instead of the default menu from now on. */
    public synchronized void offer(List<OutboundMessage.Choice> choices) {
        this.menu = List.copyOf(choices);
    }

    /** Every turn that ran, in order. */
    public synchronized List<Executed> executed() {
        return List.copyOf(executed);
    }

    /** Every call, replays included ({@code start} or {@code message:<seq>}). */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized TurnReply start(String orgId, String botId, StartSessionCommand command) {
        calls.add("start");
        String sessionId = UUID.nameUUIDFromBytes((orgId + "\u0000" + botId + "\u0000" + command.externalSessionKey())
                .getBytes(StandardCharsets.UTF_8)).toString();
        Session session = sessions.get(sessionId);
        if (session != null) {
            return session.startReply;
        }
        TurnReply reply = reply(sessionId, List.of(), List.of(text("Welcome to Acme"), choices()));
        sessions.put(sessionId, new Session(orgId, reply));
        executed.add(new Executed("start", orgId, sessionId, command));
        return reply;
    }

    @Override
    public synchronized TurnReply message(String orgId, String sessionId, MessageCommand command) {
        calls.add("message:" + command.sequenceId());
        Session session = sessions.get(sessionId);
        if (session == null || !session.orgId.equals(orgId)) {
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
            throw new RuntimeRejectedException(TurnErrorCode.STALE_SEQUENCE, "Sequence id " + command.sequenceId()
                    + " is not above " + session.highest);
        }
        List<OutboundMessage> messages;
        if (command.type() == InboundType.CHOICE) {
            if (END_CHAT.equals(command.choiceId())) {
                session.ended = true;
                messages = List.of(text("Goodbye"), new OutboundMessage("sessionEnded", UUID.randomUUID().toString(),
                        null, null, null, "Action", null, 0));
            }
            else if (menu.stream().anyMatch(c -> c.id().equals(command.choiceId()))) {
                messages = List.of(text("You chose " + command.choiceId()), choices());
            }
            else {
                throw new RuntimeRejectedException(TurnErrorCode.INVALID_INPUT, "choice " + command.choiceId()
                        + " is not offered");
            }
        }
        else {
            messages = List.of(text("You said: " + command.text()), choices());
        }
        TurnReply reply = reply(sessionId, List.of(command.sequenceId()), messages);
        session.highest = command.sequenceId();
        session.replies.put(command.sequenceId(), reply);
        executed.add(new Executed("message", orgId, sessionId, command));
        return reply;
    }

    @Override
    public synchronized TurnReply end(String orgId, String sessionId, EndSessionCommand command) {
        calls.add("end");
        throw new RuntimeRejectedException(TurnErrorCode.SESSION_NOT_FOUND, "not used by channels");
    }

    private OutboundMessage choices() {
        return new OutboundMessage("choices", UUID.randomUUID().toString(), null, menu, "buttons", null, null, 0);
    }

    private static List<OutboundMessage.Choice> defaultMenu() {
        return List.of(new OutboundMessage.Choice("Order Status", "1", ORDER_STATUS),
                new OutboundMessage.Choice("End Chat", "2", END_CHAT));
    }

    static OutboundMessage text(String text) {
        return new OutboundMessage("text", UUID.randomUUID().toString(), text, null, null, null, null, 0);
    }

    private static TurnReply reply(String sessionId, List<Long> processed, List<OutboundMessage> messages) {
        return new TurnReply(sessionId, "v1", processed, messages, List.of(), "crc");
    }
}
