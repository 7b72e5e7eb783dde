package dev.parley.platforme2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A Bot Runtime API v5.1.0 client speaking the wire format with the JDK's HTTP client, as bin/tour does with curl:
 * a JWT-bearer access token of the demo connected app, then sessions and messages of one bot through the gateway.
 */
final class BotApiClient {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final E2ePlatform platform;
    private final String botId;
    private final String token;

    BotApiClient(E2ePlatform platform, String botId) {
        this.platform = platform;
        this.botId = botId;
        this.token = accessToken();
    }

    /** What one request got back: its status, the bot's text messages (choices as their labels) and its duration. */
    record Reply(int status, String sessionId, List<String> texts, JsonNode body, Duration took) {

        String allText() {
            return String.join("\n", texts);
        }
    }

    /** One conversation: a session and its next sequence id. */
    final class Session {

        private final String id;
        private final Reply welcome;
        private final AtomicLong sequence = new AtomicLong();

        private Session(Reply welcome) {
            this.id = welcome.sessionId();
            this.welcome = welcome;
        }

        String id() {
            return id;
        }

        /** The answer to the session start: the bot's first turn. */
        Reply welcome() {
            return welcome;
        }

        /** Sends a text message and waits for the bot's answer. */
        Reply say(String text) {
            return message(Map.of("type", "text", "sequenceId", sequence.incrementAndGet(), "text", text));
        }

        /** Picks a choice of the last menu by its 1-based index. */
        Reply choose(int index) {
            return message(Map.of("type", "choice", "sequenceId", sequence.incrementAndGet(), "choiceIndex", index));
        }

        /** Ends the session as the user asked. */
        Reply end() {
            return exchange(request("/v5.1.0/sessions/" + id)
                    .header("X-Session-End-Reason", "UserRequest")
                    .DELETE());
        }

        private Reply message(Map<String, Object> message) {
            return exchange(request("/v5.1.0/sessions/" + id + "/messages")
                    .header("Content-Type", "application/json")
                    .POST(body(Map.of("message", message))));
        }
    }

    /**
     * Starts a session (the bot's first turn). A bot activated a moment ago may not have reached the runtime yet
     * (it learns activations from Kafka), so a 404 is retried for a while.
     */
    Reply start() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Reply reply = exchange(request("/v5.1.0/bots/" + botId + "/sessions")
                    .header("Content-Type", "application/json")
                    .POST(body(Map.of("externalSessionKey", "e2e-" + UUID.randomUUID(),
                            "forceConfig", Map.of("endpoint", "https://e2e.my.salesforce.com/")))));
            if (reply.status() != 404 || System.nanoTime() > deadline) {
                return reply;
            }
            E2ePlatform.sleep(Duration.ofMillis(500));
        }
    }

    /** Starts a session that must succeed. */
    Session open() {
        Reply started = start();
        if (started.status() != 200) {
            throw new AssertionError("starting a session of bot " + botId + " answered " + started.status() + ": "
                    + started.body());
        }
        return new Session(started);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(platform.process().gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("X-Org-Id", platform.orgId());
    }

    private HttpRequest.BodyPublisher body(Object value) {
        return HttpRequest.BodyPublishers.ofString(platform.json().writeValueAsString(value));
    }

    private Reply exchange(HttpRequest.Builder request) {
        long began = System.nanoTime();
        HttpResponse<String> response = platform.send(request);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        JsonNode body = response.body().isBlank() ? platform.json().nullNode()
                : platform.json().readTree(response.body());
        List<String> texts = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            switch (message.path("type").asString()) {
                case "text" -> texts.add(message.path("text").asString());
                case "choices" -> message.path("choices").forEach(choice -> texts.add(choice.path("label").asString()));
                default -> texts.add("[" + message.path("type").asString() + "]");
            }
        }
        return new Reply(response.statusCode(), body.path("sessionId").asString(null), List.copyOf(texts), body, took);
    }

    /** The JWT-bearer grant: an RS256 assertion signed with the connected app's key, exchanged for a token. */
    private String accessToken() {
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = encode(platform.json().writeValueAsString(Map.of(
                "iss", platform.credential("consumer-key"),
                "sub", platform.credential("username"),
                "aud", platform.credential("login-url"),
                "exp", Instant.now().plusSeconds(300).getEpochSecond())));
        String signingInput = header + "." + payload;
        String assertion;
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Files.readAllBytes(platform.process().privateKeyDer())));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            assertion = signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not sign the JWT assertion", e);
        }
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer",
                StandardCharsets.UTF_8) + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        JsonNode answer = platform.expect(platform.send(HttpRequest.newBuilder(
                        URI.create(platform.process().gatewayUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))), 200);
        return answer.path("access_token").asString();
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
