package dev.parley.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for a customer's Salesforce org in the local run: one Apex REST class, {@code OrderStatus}, answering
 * {@code POST /services/apexrest/OrderStatus} with the status of an order, as a real Apex REST resource would (bearer
 * token required, JSON in and out). Order numbers ending in 0 are "lost" (404), so the bot's error dialog can be seen.
 */
final class DemoOrderSystem implements AutoCloseable {

    static final String TOKEN = "demo-apex-token";

    private static final Pattern ORDER_NUMBER = Pattern.compile("\"orderNumber\"\\s*:\\s*\"([^\"]{1,64})\"");
    private static final String[] STATES = {"being packed", "shipped", "out for delivery", "delivered"};

    private final HttpServer server;

    private DemoOrderSystem(HttpServer server) {
        this.server = server;
    }

    static DemoOrderSystem start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/services/apexrest/OrderStatus", DemoOrderSystem::orderStatus);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return new DemoOrderSystem(server);
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static void orderStatus(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            String request = new String(body.readNBytes(16_384), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "[{\"errorCode\":\"METHOD_NOT_ALLOWED\",\"message\":\"POST only\"}]");
            } else if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "[{\"errorCode\":\"INVALID_SESSION_ID\",\"message\":\"Session expired or invalid\"}]");
            } else {
                Matcher number = ORDER_NUMBER.matcher(request);
                if (!number.find()) {
                    answer(exchange, 400, "[{\"errorCode\":\"JSON_PARSER_ERROR\",\"message\":\"orderNumber is required\"}]");
                } else if (number.group(1).endsWith("0")) {
                    answer(exchange, 404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"No such order\"}]");
                } else {
                    String state = STATES[Math.floorMod(number.group(1).toLowerCase(Locale.ROOT).hashCode(), STATES.length)];
                    answer(exchange, 200, "{\"status\":\"" + state + "\"}");
                }
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
