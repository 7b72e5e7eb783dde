package dev.parley.platforme2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a customer's Salesforce org: one Apex REST resource, {@code POST /services/apexrest/<path>}, that
 * wants the bearer token, reads the method's parameters as a JSON object and answers JSON (a Salesforce error list on
 * failure), as Apex REST does. The test decides how it behaves: answer, answer late, fail with a 500, or hold every
 * request until released.
 */
final class FakeApexOrg implements AutoCloseable {

    static final String TOKEN = "e2e-apex-token";

    /** How the resource answers the next requests. */
    sealed interface Behaviour {
    }

    /** 200 with {@code {"status": ...}}. */
    record Answer(String status) implements Behaviour {
    }

    /** The same answer, after a pause. */
    record Slow(Duration pause, String status) implements Behaviour {
    }

    /** 500 with Salesforce's error list, as an unhandled Apex exception gives. */
    record Fail() implements Behaviour {
    }

    /** Holds every request until {@link #release()}, then answers. */
    record Hold(CountDownLatch released, String status) implements Behaviour {
    }

    /** A request as it arrived. */
    record Received(String authorization, String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = new Answer("out for delivery");

    FakeApexOrg(String apexPath) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/services/apexrest/" + apexPath, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The instance URL (the endpoint's {@code baseUrl}). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void behave(Behaviour next) {
        behaviour = next;
    }

    /** A new hold; {@link Hold#released()} counts down to let the held requests go. */
    static Hold hold(String status) {
        return new Hold(new CountDownLatch(1), status);
    }

    /** Every request that reached the resource, in arrival order. */
    List<Received> received() {
        return List.copyOf(received);
    }

    int requestCount() {
        return received.size();
    }

    /** Waits until at least {@code count} requests arrived; false when they did not within {@code within}. */
    boolean awaitRequests(int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (received.size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            E2ePlatform.sleep(Duration.ofMillis(50));
        }
        return true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readNBytes(65_536), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(new Received(authorization, exchange.getRequestHeaders().getFirst("Content-Type"), body));
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "[{\"errorCode\":\"METHOD_NOT_ALLOWED\",\"message\":\"POST only\"}]");
                return;
            }
            if (!("Bearer " + TOKEN).equals(authorization)) {
                answer(exchange, 401, "[{\"errorCode\":\"INVALID_SESSION_ID\",\"message\":\"Session expired or invalid\"}]");
                return;
            }
            switch (behaviour) {
                case Answer answer -> status(exchange, answer.status());
                case Slow slow -> {
                    pause(slow.pause());
                    status(exchange, slow.status());
                }
                case Fail fail -> answer(exchange, 500, "[{\"errorCode\":\"APEX_ERROR\","
                        + "\"message\":\"System.NullPointerException: Attempt to de-reference a null object\"}]");
                case Hold hold -> {
                    awaitRelease(hold.released());
                    status(exchange, hold.status());
                }
            }
        } catch (IOException closedByCaller) {
            // the callout service gave up on this request (its deadline closed the connection): nothing to answer
        }
    }

    private static void status(HttpExchange exchange, String status) throws IOException {
        answer(exchange, 200, "{\"status\":\"" + status + "\"}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitRelease(CountDownLatch released) {
        try {
            released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
