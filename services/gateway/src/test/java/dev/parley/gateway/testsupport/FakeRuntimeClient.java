package dev.parley.gateway.testsupport;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import dev.parley.gateway.runtime.RuntimeClient;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnReply;
import dev.parley.runtime.api.Variable;

/** A {@link RuntimeClient} that records every call and answers as told (by default like the SDK's golden files). */
public class FakeRuntimeClient implements RuntimeClient {

    public static final String SESSION_ID = "85bce2f1-4596-4b96-9cd5-4b4efedb8c0a";

    public static final String BOT_VERSION = "0X9SB00000006wf0AA";

    /** One call: {@code operation} is start, message or end; {@code target} the bot or session id. */
    public record Call(String operation, String orgId, String target, Object command) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    private volatile Function<Call, TurnReply> behaviour = FakeRuntimeClient::defaultReply;

    /** Forgets calls and restores the default answers. */
    public void reset() {
        calls.clear();
        behaviour = FakeRuntimeClient::defaultReply;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Answers every call with {@code behaviour} (which may throw). */
    public void answer(Function<Call, TurnReply> behaviour) {
        this.behaviour = behaviour;
    }

    /** Throws {@code failure} on every call. */
    public void fail(RuntimeException failure) {
        this.behaviour = call -> {
            throw failure;
        };
    }

    @Override
    public TurnReply start(String orgId, String botId, StartSessionCommand command) {
        return record(new Call("start", orgId, botId, command));
    }

    @Override
    public TurnReply message(String orgId, String sessionId, MessageCommand command) {
        return record(new Call("message", orgId, sessionId, command));
    }

    @Override
    public TurnReply end(String orgId, String sessionId, EndSessionCommand command) {
        return record(new Call("end", orgId, sessionId, command));
    }

    private TurnReply record(Call call) {
        calls.add(call);
        return behaviour.apply(call);
    }

    /** Start: two texts and a menu; message: a text and a menu; end: sessionEnded, as in the golden files. */
    public static TurnReply defaultReply(Call call) {
        String sessionId = "start".equals(call.operation()) ? SESSION_ID : call.target();
        List<Long> processed = call.command() instanceof MessageCommand m ? List.of(m.sequenceId()) : List.of();
        List<OutboundMessage> messages = switch (call.operation()) {
            case "start" -> List.of(text("Hi, I'm a bot."), text("Choose one of the options below"), menu());
            case "message" -> List.of(text("You should receive your item tomorrow."), menu());
            default -> List.of(new OutboundMessage("sessionEnded", "b7ba79cb-a7d5-45d6-8d40-06864388dd09", null, null,
                    null, "ClientRequest", null, 0));
        };
        return new TurnReply(sessionId, BOT_VERSION, processed, messages,
                List.of(new Variable("OrderQty", "number", 3),
                        new Variable("Note", "text", null)),
                "crc-" + call.operation());
    }

    public static OutboundMessage text(String text) {
        return new OutboundMessage("text", UUID.randomUUID().toString(), text, null, null, null, null, 1200);
    }

    public static OutboundMessage menu() {
        return new OutboundMessage("choices", UUID.randomUUID().toString(), null, List.of(
                new OutboundMessage.Choice("Order Status", "1", "b8a8e78e-2d28-446d-96b1-91673f98a00b"),
                new OutboundMessage.Choice("End Chat", "2", "d039c972-98be-40b8-8ea4-26ff05505ed7")),
                "menu", null, null, 1200);
    }
}
