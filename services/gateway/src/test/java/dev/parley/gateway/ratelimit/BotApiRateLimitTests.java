package dev.parley.gateway.ratelimit;

import static dev.parley.gateway.testsupport.ApiErrors.assertApiErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.parley.gateway.channels.ChannelsTest;
import dev.parley.gateway.channels.ScriptedRuntime;
import dev.parley.gateway.channels.WebhookClient;
import dev.parley.gateway.testsupport.JsonShape;
import dev.parley.gateway.testsupport.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Bot Runtime API's per-session limit, answered in the Bot API's own error body, after authentication. */
@ChannelsTest
class BotApiRateLimitTests {

    static final String MESSAGE = """
            {"message":{"type":"Text","sequenceId":%d,"text":"hi"}}""";

    @LocalServerPort
    int port;

    @Autowired
    ScriptedRuntime runtime;

    WebhookClient client;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        runtime.reset();
    }

    @Test
    void aSessionOverItsLimitGets429InTheBotApiErrorShapeWithRetryAfter() {
        String token = token();
        String sessionId = UUID.randomUUID().toString();
        String path = "/v5.1.0/sessions/" + sessionId + "/messages";
        for (int i = 1; i <= ChannelsTest.SESSION_LIMIT; i++) {
            assertThat(client.send(message(path, token, i)).statusCode()).as("request %d", i).isNotEqualTo(429);
        }
        int callsBefore = runtime.calls().size();

        String requestId = UUID.randomUUID().toString();
        HttpResponse<String> limited = client.send(message(path, token, 99).setHeader("X-Request-ID", requestId));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        String text = assertApiErrorBody(limited.body(), 429, "TooManyRequestsError", path, requestId);
        assertThat(text).contains("session");
        assertThat(runtime.calls()).hasSize(callsBefore);
        // another session of the same org still gets through
        assertThat(client.send(message("/v5.1.0/sessions/" + UUID.randomUUID() + "/messages", token, 1)).statusCode())
                .isNotEqualTo(429);
    }

    @Test
    void unauthenticatedRequestsAreRefusedBeforeTheyCanSpendAnOrgsBudget() {
        String path = "/v5.1.0/sessions/" + UUID.randomUUID() + "/messages";
        for (int i = 0; i < ChannelsTest.SESSION_LIMIT + 2; i++) {
            HttpResponse<String> response = client.send(client.request(path)
                    .header("Content-Type", "application/json")
                    .header("X-Org-Id", TestClients.A.orgId())
                    .header("Authorization", "Bearer not-a-token")
                    .POST(HttpRequest.BodyPublishers.ofString(MESSAGE.formatted(i))));
            assertThat(response.statusCode()).isEqualTo(401);
        }
        assertThat(runtime.calls()).isEmpty();
    }

    HttpRequest.Builder message(String path, String token, long sequenceId) {
        return client.request(path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Org-Id", TestClients.A.orgId())
                .POST(HttpRequest.BodyPublishers.ofString(MESSAGE.formatted(sequenceId)));
    }

    String token() {
        HttpResponse<String> response = client.send(client.request("/services/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type="
                        + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&assertion=" + TestClients.A.assertion())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonShape.parse(response.body()).get("access_token").asString();
    }
}
