package dev.parley.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Conversations over the Bot Runtime API v5.1.0: start a session, then answer each menu with one of its choices
 * (never the ones that end or transfer the chat), or with free text when no menu is offered.
 */
final class BotApiWorkload implements Workload {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final String gatewayUrl;
    private final String orgId;
    private final String botId;
    private final String authorization;

    BotApiWorkload(HttpClient http, String gatewayUrl, String orgId, String botId, String accessToken) {
        this.http = http;
        this.gatewayUrl = gatewayUrl;
        this.orgId = orgId;
        this.botId = botId;
        this.authorization = "Bearer " + accessToken;
    }

    @Override
    public Conversation open() throws Exception {
        String body = """
                {"externalSessionKey":"%s","forceConfig":{"endpoint":"https://demo.my.salesforce.com/"}}"""
                .formatted(UUID.randomUUID());
        JsonNode reply = post("/v5.1.0/bots/" + botId + "/sessions", body);
        return new BotConversation(reply.get("sessionId").asString(), reply, 1);
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("X-Org-Id", orgId)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " on " + path + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private final class BotConversation implements Conversation {

        private final String sessionId;
        private final JsonNode lastReply;
        private final long nextSequenceId;

        BotConversation(String sessionId, JsonNode lastReply, long nextSequenceId) {
            this.sessionId = sessionId;
            this.lastReply = lastReply;
            this.nextSequenceId = nextSequenceId;
        }

        @Override
        public Conversation next(int turn) throws Exception {
            if (ended(lastReply)) {
                return open();
            }
            List<Integer> choices = safeChoices(lastReply);
            String message = choices.isEmpty()
                    ? """
                    {"message":{"type":"text","sequenceId":%d,"text":"hello there"}}""".formatted(nextSequenceId)
                    : """
                    {"message":{"type":"choice","sequenceId":%d,"choiceIndex":%d}}"""
                            .formatted(nextSequenceId, choices.get(turn % choices.size()));
            JsonNode reply = post("/v5.1.0/sessions/" + sessionId + "/messages", message);
            return new BotConversation(sessionId, reply, nextSequenceId + 1);
        }
    }

    private static boolean ended(JsonNode reply) {
        for (JsonNode message : reply.path("messages")) {
            if ("sessionEnded".equals(message.path("type").asString())) {
                return true;
            }
        }
        return false;
    }

    /** 1-based indexes of the last menu's choices that keep the conversation going. */
    private static List<Integer> safeChoices(JsonNode reply) {
        List<Integer> safe = new ArrayList<>();
        JsonNode messages = reply.path("messages");
        for (JsonNode message : messages) {
            if (!"choices".equals(message.path("type").asString())) {
                continue;
            }
            safe.clear();
            int index = 1;
            for (JsonNode choice : message.path("choices")) {
                String label = choice.path("label").asString("").toLowerCase(java.util.Locale.ROOT);
                if (!label.contains("end") && !label.contains("transfer") && !label.contains("agent")) {
                    safe.add(index);
                }
                index++;
            }
        }
        return safe;
    }
}
