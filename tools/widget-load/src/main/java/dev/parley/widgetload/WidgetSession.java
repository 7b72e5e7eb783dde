package dev.parley.widgetload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * One widget connection speaking protocol v1 like the browser widget does: {@code hello}, answers pings, and (when
 * active) sends frames and waits for their {@code ack}. Sends are chained, as the JDK WebSocket takes one at a time.
 */
final class WidgetSession implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();

    private final ConcurrentHashMap<String, CompletableFuture<Map<String, Object>>> waiting =
            new ConcurrentHashMap<>();

    private final StringBuilder partial = new StringBuilder();

    private final AtomicInteger pings = new AtomicInteger();

    private volatile WebSocket socket;

    private CompletableFuture<?> sends = CompletableFuture.completedFuture(null);

    private volatile boolean closed;

    private volatile int closeCode;

    private volatile List<Map<String, Object>> lastChoices = List.of();

    private volatile boolean ended;

    private volatile long lastSeq;

    /** Connects and says hello; completes once welcomed. */
    CompletableFuture<Void> open(HttpClient client, URI uri, String origin) {
        client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).header("Origin", origin)
                .buildAsync(uri, this)
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        welcomed.completeExceptionally(failure);
                        return;
                    }
                    socket = ws;
                    send("{\"type\":\"hello\",\"v\":1,\"lastSeq\":0}");
                });
        return welcomed;
    }

    /** Sends {@code frame} (which has {@code id}) and completes with its ack or error frame. */
    CompletableFuture<Map<String, Object>> request(String id, String frame) {
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        send(frame);
        return answer;
    }

    void acknowledge() {
        send("{\"type\":\"ack\",\"seq\":" + lastSeq + "}");
    }

    private synchronized void send(String text) {
        WebSocket ws = socket;
        if (ws == null || closed) {
            return;
        }
        sends = sends.handle((r, e) -> null).thenCompose(ignored -> ws.sendText(text, true));
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            if (text.startsWith("{\"type\":\"ping\"")) {
                pings.incrementAndGet();
                send("{\"type\":\"pong\"}");
            }
            else {
                frame(text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @SuppressWarnings("unchecked")
    private void frame(String text) {
        Map<String, Object> frame = JSON.readValue(text, Map.class);
        switch (String.valueOf(frame.get("type"))) {
            case "welcome" -> welcomed.complete(null);
            case "event" -> {
                lastSeq = Math.max(lastSeq, ((Number) frame.get("seq")).longValue());
                Object kind = frame.get("kind");
                if ("choices".equals(kind)) {
                    lastChoices = (List<Map<String, Object>>) frame.get("choices");
                    ended = false;
                }
                else if ("sessionEnded".equals(kind)) {
                    ended = true;
                    lastChoices = List.of();
                }
                else if ("text".equals(kind)) {
                    // a later text means the earlier choices are no longer what the bot waits for
                    lastChoices = List.of();
                    ended = false;
                }
            }
            case "ack", "error" -> {
                CompletableFuture<Map<String, Object>> answer = waiting.remove(String.valueOf(frame.get("id")));
                if (answer != null) {
                    answer.complete(frame);
                }
            }
            default -> {
                // pong
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        closeCode = statusCode;
        welcomed.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        waiting.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed " + statusCode)));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
        closeCode = -1;
        welcomed.completeExceptionally(error);
        waiting.values().forEach(f -> f.completeExceptionally(error));
    }

    boolean isOpen() {
        return socket != null && !closed;
    }

    int closeCode() {
        return closeCode;
    }

    int pings() {
        return pings.get();
    }

    List<Map<String, Object>> lastChoices() {
        return lastChoices;
    }

    boolean ended() {
        return ended;
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null && !closed) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            ws.abort();
        }
    }
}
