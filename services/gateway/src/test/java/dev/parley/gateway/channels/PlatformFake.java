package dev.parley.gateway.channels;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for the platforms' APIs (Graph API, Slack Web API, Twilio REST API) under
 * {@code /graph/v21.0}, {@code /slack/api} and {@code /twilio/2010-04-01}: records every request and answers like the
 * platform (or with queued failures). Started once per test JVM.
 */
public final class PlatformFake {

    /** One request as the fake received it. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** A canned answer. */
    public record Answer(int status, String body, Map<String, String> headers) {
    }

    public static final PlatformFake INSTANCE = new PlatformFake();

    private final HttpServer server;

    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private final Deque<Answer> queued = new ArrayDeque<>();

    private PlatformFake() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    public void reset() {
        requests.clear();
        synchronized (queued) {
            queued.clear();
        }
    }

    /** The next requests get these answers, in order, before the normal ones resume. */
    public void queue(Answer... answers) {
        synchronized (queued) {
            queued.addAll(List.of(answers));
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Waits until at least {@code count} requests matched {@code filter}; answers those. */
    public List<Request> await(int count, Predicate<Request> filter) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<Request> matching = requests.stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("expected " + count + " matching requests within 10 s, got "
                + requests.stream().filter(filter).toList());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer;
        synchronized (queued) {
            answer = queued.poll();
        }
        if (answer == null) {
            answer = normal(path);
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Answer normal(String path) {
        if (path.startsWith("/graph/")) {
            return new Answer(200, "{\"recipient_id\":\"1\",\"message_id\":\"m_1\"}", Map.of());
        }
        if (path.startsWith("/slack/")) {
            return new Answer(200, "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.2\"}", Map.of());
        }
        if (path.startsWith("/twilio/")) {
            return new Answer(201, "{\"sid\":\"SM1\",\"status\":\"queued\"}", Map.of());
        }
        return new Answer(404, "{}", Map.of());
    }
}
