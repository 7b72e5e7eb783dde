package dev.parley.eventsconsumer;

import dev.parley.runtime.api.TurnEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Realistic turn-event streams as the runtime publishes them (ids derived from session, turn and index like the
 * runtime's), built turn by turn. {@link #conversation} is a six-turn session touching every event type of EVENTS.md;
 * its aggregates are spelled out in {@link Conversation}.
 */
public final class TurnEventStream {

    private final String orgId;
    private final String botId;
    private final String versionId;
    private final String sessionId;
    private final Boolean logPrivate;
    private final List<TurnEvent> events = new ArrayList<>();
    private long turn;
    private int index;
    private Instant at;

    private TurnEventStream(String orgId, String botId, String versionId, String sessionId, Instant start,
            Boolean logPrivate) {
        this.orgId = orgId;
        this.botId = botId;
        this.versionId = versionId;
        this.sessionId = sessionId;
        this.at = start;
        this.logPrivate = logPrivate;
    }

    /** A new session's stream; {@code logPrivate} is the flag put on every event ({@code null}: none). */
    public static TurnEventStream session(String orgId, String botId, String versionId, String sessionId,
            Instant start, Boolean logPrivate) {
        return new TurnEventStream(orgId, botId, versionId, sessionId, start, logPrivate);
    }

    /** The runtime's event id. */
    public static UUID eventId(String sessionId, long turn, int index) {
        return UUID.nameUUIDFromBytes(("turn-event\u0000" + sessionId + '\u0000' + turn + '\u0000' + index)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Starts the next turn, 10 seconds after the previous one. */
    public TurnEventStream turn() {
        turn++;
        index = 0;
        at = turn == 1 ? at : at.plusSeconds(10);
        return this;
    }

    /** Adds an event to the current turn; {@code data} is key, value, key, value... */
    public TurnEventStream event(String type, Object... data) {
        return event(type, true, data);
    }

    /** Adds an event, with or without the session's private-data flag. */
    public TurnEventStream event(String type, boolean flagged, Object... data) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < data.length; i += 2) {
            map.put((String) data[i], data[i + 1]);
        }
        if (flagged && logPrivate != null) {
            map.put("logPrivateConversationData", logPrivate);
        }
        events.add(new TurnEvent(eventId(sessionId, turn, index++), type, TurnEvent.SCHEMA_VERSION, orgId, botId,
                versionId, sessionId, at, turn, turn == 1 ? null : turn, "req-" + sessionId + "-" + turn, map));
        return this;
    }

    public List<TurnEvent> events() {
        return List.copyOf(events);
    }

    /** What one {@link #conversation} adds to the aggregates. */
    public static final class Conversation {
        public static final int EVENTS = 39;
        public static final int TURNS = 6;
        public static final int ENTRIES = 5;
        public static final int COMPLETIONS = 2;
        public static final int TRANSFERS = 1;
        public static final int ERRORS = 1;
        public static final int CONFUSED = 1;
        public static final long[] LATENCIES = {12, 35, 120, 8, 300, 5};

        private Conversation() {
        }
    }

    /** The events of a session's first turn: started, the welcome message, the main menu (8 events). */
    public TurnEventStream welcome() {
        return event("SessionStarted", "botName", "Support Bot", "versionName", "v3", "contextVariables",
                        Map.of("Email", "ann@example.com", "Locale", "en_US"))
                .event("DialogEntered", "dialog", "Welcome", "via", "start")
                .event("StepExecuted", "dialog", "Welcome", "step", "w1", "stepType", "Message")
                .event("MessageSent", "dialog", "Welcome", "step", "w1", "kind", "text", "text", "Hi, I am the bot")
                .event("DialogCompleted", "dialog", "Welcome")
                .event("DialogEntered", "dialog", "Main_Menu", "via", "redirect")
                .event("MessageSent", "dialog", "Main_Menu", "step", "m1", "kind", "choices", "count", 3)
                .event("TurnCompleted", "latencyMs", 12, "messages", 2, "ended", false);
    }

    /** A six-turn session: welcome and menu, an NLU intent with a collected variable and a callout, a Confused hit, a
     *  failed callout and a transfer, then the client ends it. */
    public static List<TurnEvent> conversation(String orgId, String botId, String versionId, String sessionId,
            Instant start, Boolean logPrivate) {
        return session(orgId, botId, versionId, sessionId, start, logPrivate)
                .turn()
                .welcome()
                .turn()
                .event("MessageReceived", "type", "Text", "text", "where is my order?")
                .event("IntentMatched", "dialog", "Order_Status", "source", "nlu", "utterance", "where is my order?",
                        "intent", "Order_Status", "confidence", 0.92)
                .event("DialogEntered", "dialog", "Order_Status", "via", "intent")
                .event("StepExecuted", "dialog", "Order_Status", "step", "o1", "stepType", "VariableOperation")
                .event("MessageSent", "dialog", "Order_Status", "step", "o1", "kind", "text", "text",
                        "What is your order number?")
                .event("TurnCompleted", "latencyMs", 35, "messages", 1, "ended", false)
                .turn()
                .event("MessageReceived", "type", "Text", "text", "A-1234")
                .event("VariableChanged", "dialog", "Order_Status", "step", "o1", "variable", "OrderNumber",
                        "value", "A-1234", "previousValue", "A-0000", "source", "Collect")
                .event("EffectRequested", "dialog", "Order_Status", "step", "o2", "effectId", "e1", "kind",
                        "Invocation", "actionType", "apex", "actionName", "OrderLookup", "inputs",
                        Map.of("orderNumber", "A-1234"))
                .event("EffectCompleted", "effectId", "e1", "kind", "Invocation", "actionType", "apex", "actionName",
                        "OrderLookup", "outcome", "SUCCEEDED", "outputs", Map.of("status", "shipped"),
                        "durationMs", 80)
                .event("StepExecuted", "dialog", "Order_Status", "step", "o3", "stepType", "Message")
                .event("MessageSent", "dialog", "Order_Status", "step", "o3", "kind", "text", "text",
                        "Your order has shipped")
                .event("DialogCompleted", "dialog", "Order_Status")
                .event("TurnCompleted", "latencyMs", 120, "messages", 1, "ended", false)
                .turn()
                .event("MessageReceived", "type", "Text", "text", "blorp")
                .event("InputNotUnderstood", "dialog", "Main_Menu", "text", "blorp")
                .event("DialogEntered", "dialog", "Confused", "via", "confused")
                .event("MessageSent", "dialog", "Confused", "step", "c1", "kind", "text", "text", "Sorry?")
                .event("TurnCompleted", "latencyMs", 8, "messages", 1, "ended", false)
                .turn()
                .event("MessageReceived", "type", "Text", "text", "agent please")
                .event("DialogEntered", "dialog", "Transfer_To_Agent", "via", "intent")
                .event("EffectRequested", "dialog", "Transfer_To_Agent", "step", "t1", "effectId", "e2", "kind",
                        "Invocation", "actionType", "flow", "actionName", "RouteCase", "inputs", Map.of("case", "42"))
                .event("EffectCompleted", "effectId", "e2", "kind", "Invocation", "actionType", "flow", "actionName",
                        "RouteCase", "outcome", "FAILED", "errorCode", "TIMEOUT", "errorMessage", "no answer in 2s",
                        "durationMs", 2000)
                .event("ErrorOccurred", "dialog", "Transfer_To_Agent", "step", "t1", "code", "CALLOUT_FAILED",
                        "message", "RouteCase timed out")
                .event("TransferRequested", "dialog", "Transfer_To_Agent", "step", "t2", "targets", List.of("queue"))
                .event("MessageSent", "dialog", "Transfer_To_Agent", "step", "t2", "kind", "escalate", "count", 1)
                .event("TurnCompleted", "latencyMs", 300, "messages", 1, "ended", false)
                .turn()
                .event("MessageReceived", "type", "EndSession", "reason", "UserRequest")
                .event("SomethingNewHappened", "detail", "a type this consumer does not know")
                .event("SessionEnded", "reason", "ClientRequest")
                .event("TurnCompleted", "latencyMs", 5, "messages", 0, "ended", true)
                .events();
    }
}
