package dev.parley.gateway.widget;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static dev.parley.gateway.widget.WidgetTest.BOT_ID;
import static dev.parley.gateway.widget.WidgetTest.ORG_ID;
import static dev.parley.gateway.widget.WidgetTest.ORIGIN;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP fallback: hello, messages and long-polled events as CORS simple requests. */
@WidgetTest
class WidgetHttpTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    WidgetRuntime runtime;

    @BeforeEach
    void reset() {
        runtime.reset();
    }

    HttpResponse<String> post(String bot, String action, String origin, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/widget/v1/orgs/" + ORG_ID + "/bots/" + bot + "/" + action))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                        : JSON.writeValueAsString(body)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
    }

    HttpResponse<String> post(String action, Object body) {
        return post(BOT_ID, action, ORIGIN, body);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(HttpResponse<String> response) {
        return (List<Map<String, Object>>) json(response).get("events");
    }

    String hello() {
        HttpResponse<String> welcome = post("conversations", Map.of("type", "hello", "v", 1, "lastSeq", 0));
        assertThat(welcome.statusCode()).isEqualTo(200);
        return (String) json(welcome).get("token");
    }

    @Test
    void aConversationRunsOverPlainHttpWithCorsHeadersForTheEmbeddingSite() {
        HttpResponse<String> welcome = post("conversations", Map.of("type", "hello", "v", 1, "lastSeq", 0));
        assertThat(welcome.statusCode()).isEqualTo(200);
        assertThat(welcome.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(welcome.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(json(welcome)).containsEntry("type", "welcome").containsEntry("resumed", false);
        String token = (String) json(welcome).get("token");

        String start = UUID.randomUUID().toString();
        HttpResponse<String> ack = post("messages", Map.of("token", token, "type", "start", "id", start));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json(ack)).containsEntry("type", "ack").containsEntry("id", start).containsEntry("seq", 2);

        HttpResponse<String> events = post("events", Map.of("token", token, "after", 0));
        assertThat(events(events)).extracting(e -> e.get("seq")).containsExactly(1, 2);
        assertThat(events.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);

        String message = UUID.randomUUID().toString();
        assertThat(post("messages", Map.of("token", token, "type", "message", "id", message, "text", "hi"))
                .statusCode()).isEqualTo(200);
        // polling after 2 acknowledges 1 and 2: only the new events come
        assertThat(events(post("events", Map.of("token", token, "after", 2))))
                .extracting(e -> e.get("kind")).containsExactly("user", "text", "choices");
    }

    @Test
    void aWaitingPollIsAnsweredAsSoonAsEventsArrive() {
        String token = hello();
        CompletableFuture<HttpResponse<String>> poll = CompletableFuture.supplyAsync(
                () -> post("events", Map.of("token", token, "after", 0)));
        sleep(300);
        assertThat(poll).isNotDone();
        post("messages", Map.of("token", token, "type", "start", "id", UUID.randomUUID().toString()));
        HttpResponse<String> answered = poll.join();
        assertThat(events(answered)).extracting(e -> e.get("kind")).containsExactly("text", "choices");
    }

    @Test
    void anIdlePollIsAnsweredEmptyWithinTheLongPollTimeout() {
        String token = hello();
        long started = System.nanoTime();
        HttpResponse<String> poll = post("events", Map.of("token", token, "after", 0));
        assertThat(poll.statusCode()).isEqualTo(200);
        assertThat(events(poll)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900),
                Duration.ofSeconds(5));
    }

    @Test
    void aResentMessageIsAcknowledgedAgainWithoutRunningTwice() {
        String token = hello();
        String message = UUID.randomUUID().toString();
        Map<String, Object> frame = Map.of("token", token, "type", "message", "id", message, "text", "twice");
        assertThat(json(post("messages", frame))).containsEntry("seq", 5);
        assertThat(json(post("messages", frame))).containsEntry("seq", 5);
        assertThat(runtime.executed()).extracting(WidgetRuntime.Executed::operation)
                .containsExactly("start", "message");
    }

    @Test
    void refusedRequestsGetPreciseProblemDetailsThatTheWidgetCanRead() {
        HttpResponse<String> unknown = post("0XxUNKNOWN", "conversations", ORIGIN, Map.of("type", "hello"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(unknown.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
        assertThat(json(unknown)).containsEntry("code", "unknown_bot").containsEntry("detail",
                "No web chat widget is configured for org '" + ORG_ID + "' bot '0XxUNKNOWN'");

        HttpResponse<String> foreign = post(BOT_ID, "conversations", "https://evil.example.com",
                Map.of("type", "hello"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(json(foreign)).containsEntry("code", "origin_not_allowed");

        HttpResponse<String> noToken = post("messages", Map.of("type", "start", "id", "s1"));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(json(noToken)).containsEntry("code", "invalid_token");

        HttpResponse<String> forged = post("events", Map.of("token", "x".repeat(22) + "." + "y".repeat(22)));
        assertThat(forged.statusCode()).isEqualTo(401);

        String token = hello();
        HttpResponse<String> notJson = post("messages", "{\"token\":\"" + token + "\",");
        assertThat(notJson.statusCode()).isEqualTo(400);

        HttpResponse<String> wrongFrame = post("messages", Map.of("token", token, "type", "ack", "seq", 1));
        assertThat(wrongFrame.statusCode()).isEqualTo(400);
        assertThat(json(wrongFrame)).containsEntry("code", "invalid_frame");

        HttpResponse<String> huge = post("messages", Map.of("token", token, "type", "message", "id", "m",
                "text", "x".repeat(10_000)));
        assertThat(huge.statusCode()).isEqualTo(413);

        HttpResponse<String> negative = post("events", Map.of("token", token, "after", -1));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(runtime.executed()).isEmpty();
    }

    @Test
    void anUnreachableRuntimeAnswers503WithRetryAfter() {
        String token = hello();
        runtime.unavailableFor(1);
        HttpResponse<String> refused = post("messages", Map.of("token", token, "type", "start", "id", "s-1"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("2");
        assertThat(json(refused)).containsEntry("code", "unavailable");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
