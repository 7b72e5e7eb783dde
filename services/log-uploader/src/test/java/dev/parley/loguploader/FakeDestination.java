package dev.parley.loguploader;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's log endpoint on 127.0.0.1 with injectable faults. It records every request it receives (raw
 * receipts) and, like a destination that honours {@code Idempotency-Key}, processes each key only once (the deduped
 * view): a repeated key is acknowledged without being processed again.
 */
public final class FakeDestination implements AutoCloseable {

    /** What the endpoint does with the next request. */
    public enum Mode { OK, FAIL_503, HANG, TOO_MANY_REQUESTS, REJECT_400 }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Receipt> raw = new ArrayList<>();
    private final Map<String, Receipt> processed = new LinkedHashMap<>();
    private volatile Mode mode = Mode.OK;
    private volatile Duration delay = Duration.ZERO;
    private volatile CountDownLatch hang = new CountDownLatch(1);
    private volatile java.util.function.Consumer<Receipt> onReceipt = receipt -> { };

    private FakeDestination() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeDestination start() {
        try {
            return new FakeDestination();
        } catch (IOException e) {
            throw new IllegalStateException("could not start a fake destination", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/logs";
    }

    public FakeDestination mode(Mode mode) {
        this.mode = mode;
        if (mode != Mode.HANG) {
            hang.countDown();
            hang = new CountDownLatch(1);
        }
        return this;
    }

    /** Every answer waits this long first. */
    public FakeDestination delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Runs on the request's thread as each request arrives, before it is answered. */
    public FakeDestination onReceipt(java.util.function.Consumer<Receipt> hook) {
        this.onReceipt = hook;
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long receivedNanos = System.nanoTime();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Mode current = mode;
            JsonNode json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
            List<String> eventIds = new ArrayList<>();
            List<JsonNode> events = new ArrayList<>();
            json.get("events").forEach(event -> {
                eventIds.add(event.get("eventId").stringValue());
                events.add(event);
            });
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            Receipt receipt = new Receipt(headers.get("idempotency-key"), json.get("batchId").stringValue(),
                    json.get("orgId").stringValue(), eventIds, events, headers, receivedNanos, current);
            synchronized (this) {
                raw.add(receipt);
            }
            onReceipt.accept(receipt);
            if (!delay.isZero()) {
                sleep(delay);
            }
            int status = switch (current) {
                case OK -> {
                    synchronized (this) {
                        processed.putIfAbsent(receipt.idempotencyKey(), receipt);
                    }
                    yield 200;
                }
                case FAIL_503 -> 503;
                case TOO_MANY_REQUESTS -> {
                    exchange.getResponseHeaders().add("Retry-After", "7200");
                    yield 429;
                }
                case REJECT_400 -> 400;
                case HANG -> {
                    try {
                        hang.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    yield 503;
                }
            };
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException | RuntimeException e) {
            // the uploader gave up on this request (timeout): nothing to answer
        }
    }

    /** Every request received, in order. */
    public synchronized List<Receipt> raw() {
        return List.copyOf(raw);
    }

    /** The requests processed: the first successful one per idempotency key. */
    public synchronized List<Receipt> processed() {
        return List.copyOf(processed.values());
    }

    /** Event ids of the processed requests; an event listed twice would be a duplicate at the destination. */
    public synchronized List<String> processedEventIds() {
        return processed.values().stream().flatMap(r -> r.eventIds().stream()).toList();
    }

    public synchronized Set<String> rawBatchIds() {
        Set<String> ids = new LinkedHashSet<>();
        raw.forEach(r -> ids.add(r.batchId()));
        return ids;
    }

    @Override
    public void close() {
        hang.countDown();
        server.stop(0);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request as received. */
    public record Receipt(String idempotencyKey, String batchId, String orgId, List<String> eventIds,
            List<JsonNode> events, Map<String, String> headers, long receivedNanos, Mode answeredAs) {
    }
}
