package dev.parley.gateway.widget;

import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import dev.parley.gateway.channels.ChannelBinding;
import dev.parley.gateway.channels.Channel;
import dev.parley.gateway.channels.ConversationRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import static dev.parley.gateway.widget.WidgetTest.BOT_ID;
import static dev.parley.gateway.widget.WidgetTest.ORG_ID;
import static dev.parley.gateway.widget.WidgetTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

@WidgetTest
class WidgetSocketTests {

    @LocalServerPort
    int port;

    @Autowired
    WidgetRuntime runtime;

    @Autowired
    WidgetStore store;

    @Autowired
    WidgetHub hub;

    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void reset() {
        runtime.reset();
    }

    SocketClient connect() {
        return SocketClient.open(port, ORG_ID, BOT_ID, ORIGIN);
    }

    static Map<String, Object> frame(String type, String id, Object... fields) {
        java.util.HashMap<String, Object> frame = new java.util.HashMap<>();
        frame.put("type", type);
        frame.put("id", id);
        for (int i = 0; i < fields.length; i += 2) {
            frame.put((String) fields[i], fields[i + 1]);
        }
        return frame;
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    static List<Map<String, Object>> events(List<Map<String, Object>> frames) {
        return frames.stream().filter(f -> "event".equals(f.get("type"))).toList();
    }

    static long seq(Map<String, Object> frame) {
        return ((Number) frame.get("seq")).longValue();
    }

    @Test
    void aNewWidgetGetsATokenAndTheBotsWelcomeAfterStart() {
        try (SocketClient client = connect()) {
            Map<String, Object> welcome = client.hello(null, 0);
            assertThat(welcome).containsEntry("type", "welcome").containsEntry("v", 1)
                    .containsEntry("resumed", false).containsEntry("lastSeq", 0).containsEntry("heartbeatMs", 1000)
                    .containsEntry("maxFrameChars", 2048);
            assertThat((String) welcome.get("token")).hasSize(45);

            String start = id();
            client.send(frame("start", start));
            List<Map<String, Object>> frames = client.untilAck(start);
            List<Map<String, Object>> events = events(frames);
            assertThat(events).extracting(e -> e.get("kind")).containsExactly("text", "choices");
            assertThat(events).extracting(e -> seq(e)).containsExactly(1L, 2L);
            assertThat(events.get(0)).containsEntry("text", "Welcome to Acme");
            assertThat(events.get(1)).containsEntry("widget", "menu");
            assertThat(frames.getLast()).containsEntry("type", "ack").containsEntry("seq", 2);
        }
    }

    @Test
    void aMessageIsEchoedAnsweredAndAcknowledgedAndItsResendRunsNothing() {
        try (SocketClient client = connect()) {
            client.hello(null, 0);
            String start = id();
            client.send(frame("start", start));
            client.untilAck(start);
            String message = id();
            client.send(frame("message", message, "text", "hello there"));
            List<Map<String, Object>> events = events(client.untilAck(message));
            assertThat(events).extracting(e -> e.get("kind")).containsExactly("user", "text", "choices");
            assertThat(events.get(0)).containsEntry("id", message).containsEntry("text", "hello there");
            assertThat(events.get(1)).containsEntry("text", "You said: hello there");

            client.send(frame("message", message, "text", "hello there"));
            List<Map<String, Object>> again = client.untilAck(message);
            assertThat(again).hasSize(1).first().satisfies(ack -> assertThat(ack).containsEntry("seq", 5));
            assertThat(runtime.executed()).extracting(WidgetRuntime.Executed::operation)
                    .containsExactly("start", "message");
        }
    }

    @Test
    void aReconnectingWidgetResumesTheSameConversationAndGetsOnlyWhatItMissed() {
        String token;
        try (SocketClient first = connect()) {
            token = (String) first.hello(null, 0).get("token");
            String start = id();
            first.send(frame("start", start));
            first.untilAck(start);
        }
        try (SocketClient second = connect()) {
            // the widget stored seq 1 but not 2 before the connection dropped
            Map<String, Object> welcome = second.hello(token, 1);
            assertThat(welcome).containsEntry("resumed", true).containsEntry("token", token).containsEntry("lastSeq", 2);
            List<Map<String, Object>> replay = second.drain(300);
            assertThat(replay).extracting(f -> f.get("seq")).containsExactly(2);
            String message = id();
            second.send(frame("message", message, "text", "still here"));
            assertThat(events(second.untilAck(message))).extracting(f -> seq(f)).containsExactly(3L, 4L, 5L);
        }
        assertThat(runtime.executed()).extracting(WidgetRuntime.Executed::operation)
                .containsExactly("start", "message");
    }

    @Test
    void aMessageResentAfterTheConnectionDroppedMidTurnRunsOnceAndIsShownOnce() {
        String token;
        String message = id();
        try (SocketClient first = connect()) {
            token = (String) first.hello(null, 0).get("token");
            String start = id();
            first.send(frame("start", start));
            first.untilAck(start);
            // sent, then the page reloads before the ack arrives
            first.send(frame("message", message, "text", "order 42"));
        }
        try (SocketClient second = connect()) {
            second.hello(token, 2);
            second.send(frame("message", message, "text", "order 42"));
            List<Map<String, Object>> frames = second.untilAck(message);
            frames.addAll(second.drain(300));
            List<Map<String, Object>> events = events(frames);
            assertThat(events).extracting(f -> f.get("kind")).containsExactly("user", "text", "choices");
            assertThat(events).extracting(f -> seq(f)).containsExactly(3L, 4L, 5L);
        }
        assertThat(runtime.executed()).filteredOn(e -> e.operation().equals("message")).hasSize(1);
    }

    @Test
    void anAcknowledgedEventIsDroppedFromTheStore() {
        try (SocketClient client = connect()) {
            String token = (String) client.hello(null, 0).get("token");
            String start = id();
            client.send(frame("start", start));
            client.untilAck(start);
            ConversationRef conversation = conversation(token);
            assertThat(store.eventsAfter(conversation, 0)).hasSize(2);
            client.send(Map.of("type", "ack", "seq", 1));
            awaitTrue(() -> store.eventsAfter(conversation, 0).size() == 1);
            assertThat(SocketConnection.seqOf(store.eventsAfter(conversation, 0).getFirst())).isEqualTo(2);
        }
    }

    @Test
    void choosingAndEndingRunThroughTheSessionAndStartAgainOpensANewOne() {
        try (SocketClient client = connect()) {
            client.hello(null, 0);
            String start = id();
            client.send(frame("start", start));
            client.untilAck(start);

            String choice = id();
            client.send(frame("choice", choice, "choiceId", WidgetRuntime.ORDER_STATUS, "label", "Order Status"));
            List<Map<String, Object>> chosen = events(client.untilAck(choice));
            assertThat(chosen.get(0)).containsEntry("kind", "user").containsEntry("text", "Order Status")
                    .containsEntry("choiceId", WidgetRuntime.ORDER_STATUS);
            assertThat(chosen.get(1)).containsEntry("text", "What is your order number?");

            String end = id();
            client.send(frame("end", end));
            List<Map<String, Object>> ended = events(client.untilAck(end));
            assertThat(ended).singleElement().satisfies(e -> assertThat(e).containsEntry("kind", "sessionEnded")
                    .containsEntry("reason", "ClientRequest"));

            String again = id();
            client.send(frame("start", again));
            assertThat(events(client.untilAck(again))).extracting(e -> e.get("text")).contains("Welcome to Acme");
        }
        assertThat(runtime.executed()).extracting(WidgetRuntime.Executed::operation)
                .containsExactly("start", "message", "end", "start");
        assertThat(runtime.executed().get(0).sessionId()).isNotEqualTo(runtime.executed().get(3).sessionId());
    }

    @Test
    void aSecondStartWhileTheSessionRunsRunsNothing() {
        try (SocketClient client = connect()) {
            client.hello(null, 0);
            String start = id();
            client.send(frame("start", start));
            client.untilAck(start);
            String second = id();
            client.send(frame("start", second));
            assertThat(client.untilAck(second)).singleElement()
                    .satisfies(ack -> assertThat(ack).containsEntry("type", "ack"));
        }
        assertThat(runtime.executed()).hasSize(1);
    }

    @Test
    void anUnreachableRuntimeIsARetryableErrorAndTheResendRunsOnce() {
        try (SocketClient client = connect()) {
            client.hello(null, 0);
            runtime.unavailableFor(1);
            String start = id();
            client.send(frame("start", start));
            assertThat(client.untilAck(start)).singleElement().satisfies(error -> assertThat(error)
                    .containsEntry("type", "error").containsEntry("code", "unavailable")
                    .containsEntry("retryable", true).containsKey("retryAfterMs"));
            client.send(frame("start", start));
            assertThat(events(client.untilAck(start))).extracting(e -> seq(e)).containsExactly(1L, 2L);
        }
        assertThat(runtime.executed()).hasSize(1);
    }

    @Test
    void aChoiceTheBotNoLongerOffersIsRefusedForGood() {
        try (SocketClient client = connect()) {
            client.hello(null, 0);
            String start = id();
            client.send(frame("start", start));
            client.untilAck(start);
            String choice = id();
            client.send(frame("choice", choice, "choiceId", "no-such-choice", "label", "Old"));
            assertThat(client.untilAck(choice)).singleElement().satisfies(error -> assertThat(error)
                    .containsEntry("code", "refused").containsEntry("retryable", false));
        }
    }

    @Test
    void framesOverTheSessionRateLimitAreRefusedWithARetryTime() {
        try (SocketClient client = connect()) {
            client.hello(null, 0);
            Map<String, Object> last = null;
            for (int i = 0; i <= WidgetTest.SESSION_LIMIT; i++) {
                String message = id();
                client.send(frame("message", message, "text", "m" + i));
                List<Map<String, Object>> frames = client.untilAck(message);
                last = frames.getLast();
            }
            assertThat(last).containsEntry("type", "error").containsEntry("code", "rate_limited")
                    .containsEntry("retryable", true);
            assertThat(((Number) last.get("retryAfterMs")).longValue()).isPositive();
        }
    }

    @Test
    void badFramesGetPreciseErrorsAndTheConnectionStays() {
        try (SocketClient client = connect()) {
            client.hello(null, 0);
            client.sendText("not json");
            assertThat(client.next(f -> true)).containsEntry("code", "invalid_frame")
                    .containsEntry("message", "The frame is not valid JSON");
            client.send(Map.of("type", "message", "id", "m1", "text", "x".repeat(201)));
            assertThat(client.next(f -> true)).containsEntry("id", "m1")
                    .containsEntry("message", "'text' may have at most 200 characters, had 201");
            client.send(Map.of("type", "message", "id", "bad id!", "text", "hi"));
            assertThat((String) client.next(f -> true).get("message")).startsWith("A message frame needs an 'id'");
            client.send(Map.of("type", "dance"));
            assertThat((String) client.next(f -> true).get("message")).startsWith("Unknown frame type 'dance'");
            client.send(Map.of("type", "ping"));
            assertThat(client.next(f -> true)).containsEntry("type", "pong");
        }
    }

    @Test
    void aFrameLargerThanTheIoBuffersIsReadWhole() {
        try (SocketClient client = connect()) {
            client.hello(null, 0);
            String message = id();
            // about 1.9 KB: under max-frame-size (2 KB), over the 1 KB buffers when this context set them
            client.send(frame("message", message, "text", "y".repeat(200), "padding", "p".repeat(1700)));
            List<Map<String, Object>> events = events(client.untilAck(message));
            assertThat(events).extracting(e -> e.get("text")).contains("You said: " + "y".repeat(200));
        }
    }

    @Test
    void aFrameBeforeHelloClosesTheConnection() {
        try (SocketClient client = connect()) {
            client.send(frame("message", id(), "text", "hi"));
            assertThat(client.next(f -> true)).containsEntry("type", "error");
            assertThat(client.closeCode()).isEqualTo(4400);
        }
    }

    @Test
    void theServerPingsAnIdleConnectionWithinTheHeartbeatInterval() {
        try (SocketClient client = connect()) {
            client.hello(null, 0);
            Map<String, Object> ping = client.poll(3000);
            assertThat(ping).containsEntry("type", "ping");
        }
    }

    @Test
    void aForgedOrForeignTokenStartsANewConversation() {
        String token;
        try (SocketClient client = connect()) {
            token = (String) client.hello(null, 0).get("token");
        }
        String forged = token.substring(0, 23) + (token.charAt(23) == 'A' ? 'B' : 'A') + token.substring(24);
        try (SocketClient client = connect()) {
            Map<String, Object> welcome = client.hello(forged, 0);
            assertThat(welcome).containsEntry("resumed", false);
            assertThat(welcome.get("token")).isNotEqualTo(forged);
        }
        try (SocketClient other = SocketClient.open(port, ORG_ID, WidgetTest.OTHER_BOT_ID,
                "https://other.example.com")) {
            assertThat(other.hello(token, 0)).containsEntry("resumed", false);
        }
    }

    @Test
    void theHandshakeRefusesOriginsTheBotDoesNotAllow() {
        assertThat(handshakeStatus(ORG_ID, BOT_ID, "https://evil.example.com")).isEqualTo(403);
        assertThat(handshakeStatus(ORG_ID, BOT_ID, null)).isEqualTo(403);
        assertThat(handshakeStatus(ORG_ID, WidgetTest.OTHER_BOT_ID, ORIGIN)).isEqualTo(403);
        assertThat(handshakeStatus(ORG_ID, "0XxUNKNOWN", ORIGIN)).isEqualTo(404);
        assertThat(handshakeStatus("00DOTHER", BOT_ID, ORIGIN)).isEqualTo(404);
    }

    @Test
    void eventsAppendedOnAnotherReplicaReachTheWidgetsAttachedHere() {
        try (SocketClient client = connect()) {
            String token = (String) client.hello(null, 0).get("token");
            ConversationRef conversation = conversation(token);
            // another replica stores events and publishes its notice
            WidgetStore.Appended appended = store.append(conversation, "elsewhere-1",
                    List.of("{\"kind\":\"text\",\"id\":\"x\",\"text\":\"from replica B\"}"));
            redis.convertAndSend(WidgetHub.CHANNEL, "other-replica " + appended.lastSeq() + " " + conversation.key());
            Map<String, Object> event = client.next(f -> !"ping".equals(f.get("type")));
            assertThat(event).containsEntry("type", "event").containsEntry("seq", 1)
                    .containsEntry("text", "from replica B");
        }
    }

    private int handshakeStatus(String orgId, String botId, String origin) {
        var builder = SocketClient.builder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> builder
                .buildAsync(SocketClient.uri(port, orgId, botId), new java.net.http.WebSocket.Listener() {
                }).join());
        assertThat(failure).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode();
    }

    private ConversationRef conversation(String token) {
        return new ConversationRef(new ChannelBinding(Channel.WEB, ORG_ID + "." + BOT_ID, ORG_ID, BOT_ID),
                token.substring(0, 22));
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
