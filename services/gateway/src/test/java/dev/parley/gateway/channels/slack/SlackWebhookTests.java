package dev.parley.gateway.channels.slack;

import static dev.parley.gateway.channels.ChannelsTest.APP_ID;
import static dev.parley.gateway.channels.ChannelsTest.BOT_TOKEN;
import static dev.parley.gateway.channels.ChannelsTest.SIGNING_SECRET;
import static dev.parley.gateway.channels.ChannelsTest.SLACK_BINDING;
import static dev.parley.gateway.channels.ChannelsTest.TEAM_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.parley.gateway.channels.ChannelsTest;
import dev.parley.gateway.channels.PlatformFake;
import dev.parley.gateway.channels.ScriptedRuntime;
import dev.parley.gateway.channels.Signatures;
import dev.parley.gateway.channels.WebhookClient;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ChannelsTest
class SlackWebhookTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String EVENTS = "/channels/slack/" + SLACK_BINDING + "/events";

    static final String INTERACTIONS = "/channels/slack/" + SLACK_BINDING + "/interactions";

    static final String POST_MESSAGE = "/slack/api/chat.postMessage";

    @LocalServerPort
    int port;

    @Autowired
    ScriptedRuntime runtime;

    @Autowired
    MeterRegistry meters;

    WebhookClient client;

    final PlatformFake platform = PlatformFake.INSTANCE;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        runtime.reset();
        platform.reset();
    }

    @Test
    void urlVerificationAnswersTheChallenge() {
        HttpResponse<String> response = post(EVENTS, """
                {"token":"legacy","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                "type":"url_verification"}""", now(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void userMessageIsAcknowledgedAndAnsweredWithBlockKitButtons() {
        String channel = channel();

        HttpResponse<String> response = post(EVENTS, messageEvent(channel, "1700000000.000100", "hello bot"), now(),
                null);

        assertThat(response.statusCode()).isEqualTo(200);
        List<PlatformFake.Request> posts = platform.await(2, r -> r.body().contains(channel));
        for (PlatformFake.Request post : posts) {
            assertThat(post.path()).isEqualTo(POST_MESSAGE);
            assertThat(post.header("Authorization")).isEqualTo("Bearer " + BOT_TOKEN);
            assertThat(post.header("Content-Type")).startsWith("application/json");
            assertThat(post.header("X-Parley-Internal-Credential")).isNull();
            assertThat(JSON.readTree(post.body()).get("channel").asString()).isEqualTo(channel);
        }
        JsonNode welcome = JSON.readTree(posts.get(0).body());
        assertThat(welcome.get("text").asString()).startsWith("Welcome to Acme").contains("1. Order Status");
        JsonNode blocks = welcome.get("blocks");
        assertThat(blocks.get(0).get("type").asString()).isEqualTo("section");
        assertThat(blocks.get(0).get("text").get("text").asString()).isEqualTo("Welcome to Acme");
        JsonNode actions = blocks.get(1);
        assertThat(actions.get("type").asString()).isEqualTo("actions");
        JsonNode button = actions.get("elements").get(0);
        assertThat(button.get("type").asString()).isEqualTo("button");
        assertThat(button.get("text").get("type").asString()).isEqualTo("plain_text");
        assertThat(button.get("text").get("text").asString()).isEqualTo("Order Status");
        assertThat(button.get("action_id").asString()).isEqualTo("choice:" + ScriptedRuntime.ORDER_STATUS);
        assertThat(button.get("value").asString()).isEqualTo(ScriptedRuntime.ORDER_STATUS);
        assertThat(JSON.readTree(posts.get(1).body()).get("blocks").get(0).get("text").get("text").asString())
                .isEqualTo("You said: hello bot");
    }

    @Test
    void buttonClickRunsTheChoiceItCarries() {
        String channel = channel();
        post(EVENTS, messageEvent(channel, "1700000000.000200", "hi"), now(), null);
        platform.await(2, r -> r.body().contains(channel));

        String payload = """
                {"type":"block_actions","team":{"id":"%s"},"api_app_id":"%s","user":{"id":"U0USER"},
                "channel":{"id":"%s"},"message":{"ts":"1700000001.000300"},
                "actions":[{"action_id":"choice:%s","block_id":"b","value":"%s","type":"button",
                "action_ts":"1700000002.123456"}]}""".formatted(TEAM_ID, APP_ID, channel,
                ScriptedRuntime.ORDER_STATUS, ScriptedRuntime.ORDER_STATUS);
        HttpResponse<String> response = post(INTERACTIONS,
                "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8), now(), null,
                "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(200);
        platform.await(3, r -> r.body().contains(channel));
        MessageCommand command = (MessageCommand) runtime.executed().getLast().command();
        assertThat(command.type()).isEqualTo(InboundType.CHOICE);
        assertThat(command.choiceId()).isEqualTo(ScriptedRuntime.ORDER_STATUS);
    }

    @Test
    void slackRetriesOfAnEventRunOneTurn() throws Exception {
        String channel = channel();
        String event = messageEvent(channel, "1700000000.000400", "hello");
        post(EVENTS, event, now(), null);
        platform.await(2, r -> r.body().contains(channel));

        HttpResponse<String> retry = post(EVENTS, event, now(), "1");

        assertThat(retry.statusCode()).isEqualTo(200);
        Thread.sleep(300);
        assertThat(runtime.executed()).hasSize(2);
        assertThat(platform.requests().stream().filter(r -> r.body().contains(channel))).hasSize(2);
    }

    @Test
    void theBotsOwnMessagesAndEditsAreIgnored() {
        String channel = channel();
        String own = """
                {"type":"event_callback","team_id":"%s","api_app_id":"%s","event_id":"Ev1","event":{"type":"message",
                "bot_id":"B0BOT","text":"Welcome","ts":"1700000000.000500","channel":"%s"}}
                """.formatted(TEAM_ID, APP_ID, channel);
        String edit = """
                {"type":"event_callback","team_id":"%s","api_app_id":"%s","event_id":"Ev2","event":{"type":"message",
                "subtype":"message_changed","user":"U1","ts":"1700000000.000600","channel":"%s"}}
                """.formatted(TEAM_ID, APP_ID, channel);

        assertThat(post(EVENTS, own, now(), null).statusCode()).isEqualTo(200);
        assertThat(post(EVENTS, edit, now(), null).statusCode()).isEqualTo(200);

        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void staleTimestampIsRefusedEvenWithAValidSignature() {
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();

        HttpResponse<String> response = post(EVENTS, messageEvent(channel(), "1.1", "hi"), sixMinutesAgo, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("X-Slack-Request-Timestamp");
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void forgedSignatureIsRefused() {
        String body = messageEvent(channel(), "1.2", "hi");
        HttpResponse<String> response = client.send(client.request(EVENTS)
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", Long.toString(now()))
                .header("X-Slack-Signature", "v0=" + "ab".repeat(32))
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(SIGNING_SECRET);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void interactionWithAForgedSignatureIsRefused() {
        HttpResponse<String> response = client.send(client.request(INTERACTIONS)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(now()))
                .header("X-Slack-Signature", sign("something else", now()))
                .POST(HttpRequest.BodyPublishers.ofString("payload=%7B%7D")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void anotherWorkspaceIsForbidden() {
        String body = """
                {"type":"event_callback","team_id":"T0OTHER","api_app_id":"%s","event_id":"Ev3","event":{
                "type":"message","user":"U1","text":"hi","ts":"1.3","channel":"C1"}}""".formatted(APP_ID);

        HttpResponse<String> response = post(EVENTS, body, now(), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void chatPostMessageRefusalsAreNotRetriedButCounted() throws Exception {
        double failedBefore = failedDeliveries();
        platform.queue(new PlatformFake.Answer(200, "{\"ok\":false,\"error\":\"channel_not_found\"}",
                Map.of()));
        String channel = channel();

        post(EVENTS, messageEvent(channel, "1700000000.000700", "hi"), now(), null);

        platform.await(1, r -> r.body().contains(channel));
        Thread.sleep(300);
        // the refused first post ends the delivery: nothing more is sent for this reply
        assertThat(platform.requests().stream().filter(r -> r.body().contains(channel))).hasSize(1);
        assertThat(runtime.executed()).hasSize(2);
        assertThat(failedDeliveries()).isEqualTo(failedBefore + 1);
    }

    double failedDeliveries() {
        Counter counter = meters.find("parley.gateway.channel.outbound").tags("channel", "slack", "outcome", "failed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    static String channel() {
        return WebhookClient.unique("D").toUpperCase();
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    static String messageEvent(String channel, String ts, String text) {
        return """
                {"token":"legacy","team_id":"%s","api_app_id":"%s","type":"event_callback","event_id":"Ev%s",
                "event_time":1700000000,"event":{"type":"message","channel_type":"im","user":"U0USER",
                "text":"%s","ts":"%s","channel":"%s"}}""".formatted(TEAM_ID, APP_ID, ts.replace(".", ""), text, ts,
                channel);
    }

    HttpResponse<String> post(String path, String body, long timestamp, String retryNum) {
        return post(path, body, timestamp, retryNum, "application/json");
    }

    HttpResponse<String> post(String path, String body, long timestamp, String retryNum, String contentType) {
        HttpRequest.Builder request = client.request(path)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", sign(body, timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return client.send(request);
    }

    static String sign(String body, long timestamp) {
        return "v0=" + HexFormat.of().formatHex(Signatures.hmacSha256(SIGNING_SECRET,
                ("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
    }
}
