package dev.parley.gateway.widget;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.json.JsonMapper;

/** A widget's WebSocket as a test drives it: sends JSON frames, collects the server's frames in order. */
final class SocketClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;

    private final BlockingQueue<Map<String, Object>> frames = new LinkedBlockingQueue<>();

    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private SocketClient(WebSocket.Builder builder, URI uri) {
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Opens {@code /widget/v1/orgs/{org}/bots/{bot}/ws} on {@code port} with {@code origin} (null: none). */
    static SocketClient open(int port, String orgId, String botId, String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return new SocketClient(builder, uri(port, orgId, botId));
    }

    static URI uri(int port, String orgId, String botId) {
        return URI.create("ws://localhost:" + port + "/widget/v1/orgs/" + orgId + "/bots/" + botId + "/ws");
    }

    static WebSocket.Builder builder() {
        return HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    }

    void send(Map<String, Object> frame) {
        sendText(JSON.writeValueAsString(frame));
    }

    void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** The welcome after a hello with {@code token} (may be null) and {@code lastSeq}. */
    Map<String, Object> hello(String token, long lastSeq) {
        java.util.HashMap<String, Object> hello = new java.util.HashMap<>();
        hello.put("type", "hello");
        hello.put("v", 1);
        hello.put("token", token);
        hello.put("lastSeq", lastSeq);
        send(hello);
        return next(f -> true);
    }

    /** The next frame, which must match; fails after 5 s. */
    Map<String, Object> next(Predicate<Map<String, Object>> expected) {
        Map<String, Object> frame = poll(5000);
        if (frame == null) {
            throw new AssertionError("no frame within 5 s");
        }
        if (!expected.test(frame)) {
            throw new AssertionError("unexpected frame " + frame);
        }
        return frame;
    }

    /** The next frame, or null after {@code millis}. */
    Map<String, Object> poll(long millis) {
        try {
            return frames.poll(millis, TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Frames until (and with) the ack of {@code id}; pings are skipped. */
    List<Map<String, Object>> untilAck(String id) {
        List<Map<String, Object>> seen = new ArrayList<>();
        while (true) {
            Map<String, Object> frame = next(f -> true);
            if ("ping".equals(frame.get("type"))) {
                continue;
            }
            seen.add(frame);
            if (("ack".equals(frame.get("type")) || "error".equals(frame.get("type"))) && id.equals(frame.get("id"))) {
                return seen;
            }
        }
    }

    /** Frames arriving within {@code millis} (pings skipped). */
    List<Map<String, Object>> drain(long millis) {
        List<Map<String, Object>> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            Map<String, Object> frame = left <= 0 ? null : poll(left);
            if (frame == null) {
                return seen;
            }
            if (!"ping".equals(frame.get("type"))) {
                seen.add(frame);
            }
        }
    }

    /** The close code the server sent, waiting up to 5 s. */
    int closeCode() {
        return closed.orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                @SuppressWarnings("unchecked")
                Map<String, Object> frame = JSON.readValue(partial.toString(), Map.class);
                frames.add(frame);
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
