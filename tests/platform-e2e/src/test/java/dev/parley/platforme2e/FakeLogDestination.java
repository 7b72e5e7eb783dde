package dev.parley.platforme2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A customer's log endpoint: takes the uploader's JSON batches ({@code POST}, {@code Idempotency-Key}) and records
 * every request with the status it answered. It is down at first (503 to the first requests), then accepts.
 */
final class FakeLogDestination implements AutoCloseable {

    static final String PATH = "/logs/parley";
    static final String SECRET = "Bearer e2e-log-destination-secret";

    /** One request as it arrived, and what it was answered. */
    record Delivery(String idempotencyKey, String attempt, String authorization, String contentType, byte[] body,
            int answered) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    FakeLogDestination(int failFirst) throws IOException {
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext(PATH, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Every request, in arrival order. */
    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            var headers = exchange.getRequestHeaders();
            int status = !"POST".equals(exchange.getRequestMethod()) ? 405
                    : failuresLeft.getAndDecrement() > 0 ? 503 : 200;
            deliveries.add(new Delivery(headers.getFirst("Idempotency-Key"), headers.getFirst("X-Parley-Attempt"),
                    headers.getFirst("Authorization"), headers.getFirst("Content-Type"), body, status));
            byte[] answer = (status == 200 ? "{\"accepted\":true}" : "{\"error\":\"unavailable\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
