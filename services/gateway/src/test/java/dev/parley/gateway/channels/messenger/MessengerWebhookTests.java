package dev.parley.gateway.channels.messenger;

import static dev.parley.gateway.channels.ChannelsTest.APP_SECRET;
import static dev.parley.gateway.channels.ChannelsTest.MESSENGER_BINDING;
import static dev.parley.gateway.channels.ChannelsTest.PAGE_ACCESS_TOKEN;
import static dev.parley.gateway.channels.ChannelsTest.PAGE_ID;
import static dev.parley.gateway.channels.ChannelsTest.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ChannelsTest
class MessengerWebhookTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String PATH = "/channels/messenger/" + MESSENGER_BINDING;

    @LocalServerPort
    int port;

    @Autowired
    ScriptedRuntime runtime;

    WebhookClient client;

    final PlatformFake platform = PlatformFake.INSTANCE;

    @BeforeEach
    void setUp() {
        client = new WebhookClient(port);
        runtime.reset();
        platform.reset();
    }

    @Test
    void verificationHandshakeEchoesTheChallenge() {
        HttpResponse<String> response = client.send(client.request(PATH + "?hub.mode=subscribe&hub.verify_token="
                + VERIFY_TOKEN + "&hub.challenge=1158201444").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1158201444");
    }

    @Test
    void verificationWithTheWrongTokenIsForbidden() {
        HttpResponse<String> response = client.send(client.request(PATH
                + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444").GET());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("1158201444").contains("verify_token");
    }

    @Test
    void signedTextStartsASessionAndRepliesThroughTheSendApiWithQuickReplies() {
        String sender = WebhookClient.unique("psid");

        HttpResponse<String> response = post(signed(textEvent(sender, "mid.1-" + sender, "where is my order?")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("EVENT_RECEIVED");
        List<PlatformFake.Request> sent = platform.await(2, r -> r.body().contains(sender));
        for (PlatformFake.Request request : sent) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.query()).isEqualTo("access_token=" + URLEncoder.encode(PAGE_ACCESS_TOKEN,
                    StandardCharsets.UTF_8));
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("X-Parley-Internal-Credential")).isNull();
            JsonNode body = JSON.readTree(request.body());
            assertThat(body.get("recipient").get("id").asString()).isEqualTo(sender);
            assertThat(body.get("messaging_type").asString()).isEqualTo("RESPONSE");
        }
        // welcome text + menu as quick replies on it; then the answer and its menu
        JsonNode welcome = JSON.readTree(sent.get(0).body()).get("message");
        assertThat(welcome.get("text").asString()).isEqualTo("Welcome to Acme");
        assertThat(welcome.get("quick_replies")).hasSize(2);
        assertThat(welcome.get("quick_replies").get(0).get("content_type").asString()).isEqualTo("text");
        assertThat(welcome.get("quick_replies").get(0).get("title").asString()).isEqualTo("Order Status");
        assertThat(welcome.get("quick_replies").get(0).get("payload").asString())
                .isEqualTo("choice:" + ScriptedRuntime.ORDER_STATUS);
        JsonNode answer = JSON.readTree(sent.get(1).body()).get("message");
        assertThat(answer.get("text").asString()).isEqualTo("You said: where is my order?");
        assertThat(answer.has("quick_replies")).isTrue();
        assertThat(runtime.executed()).extracting(ScriptedRuntime.Executed::operation)
                .containsExactly("start", "message");
    }

    @Test
    void quickReplyTapIsSentAsTheChoiceItCarries() {
        String sender = WebhookClient.unique("psid");
        post(signed(textEvent(sender, "mid.a-" + sender, "hi")));
        platform.await(2, r -> r.body().contains(sender));

        post(signed(quickReplyEvent(sender, "mid.b-" + sender, "choice:" + ScriptedRuntime.ORDER_STATUS)));

        platform.await(3, r -> r.body().contains(sender));
        assertThat(platform.requests().getLast().path()).isEqualTo("/graph/v21.0/me/messages");
        MessageCommand command = (MessageCommand) runtime.executed().getLast().command();
        assertThat(command.type()).isEqualTo(InboundType.CHOICE);
        assertThat(command.choiceId()).isEqualTo(ScriptedRuntime.ORDER_STATUS);
    }

    @Test
    void getStartedPostbackOnlyStartsTheSession() {
        String sender = WebhookClient.unique("psid");

        post(signed("""
                {"object":"page","entry":[{"id":"%s","time":1,"messaging":[{"sender":{"id":"%s"},
                "recipient":{"id":"%s"},"timestamp":1700000000000,
                "postback":{"mid":"mid.pb-%s","title":"Get Started","payload":"GET_STARTED"}}]}]}
                """.formatted(PAGE_ID, sender, PAGE_ID, sender)));

        platform.await(1, r -> r.body().contains(sender));
        assertThat(runtime.executed()).extracting(ScriptedRuntime.Executed::operation).containsExactly("start");
    }

    @Test
    void aRetriedMessageIdRunsOneTurnAndIsDeliveredOnce() throws Exception {
        String sender = WebhookClient.unique("psid");
        String body = textEvent(sender, "mid.retry-" + sender, "hello");
        post(signed(body));
        platform.await(2, r -> r.body().contains(sender));

        HttpResponse<String> retry = post(signed(body));

        assertThat(retry.statusCode()).isEqualTo(200);
        Thread.sleep(300);
        assertThat(runtime.executed()).hasSize(2); // the start and one message turn
        assertThat(platform.requests().stream().filter(r -> r.body().contains(sender))).hasSize(2);
    }

    @Test
    void forgedSignatureIsRefusedAndRunsNothing() {
        String body = textEvent(WebhookClient.unique("psid"), "mid.forged", "hi");

        HttpResponse<String> response = client.send(client.request(PATH)
                .header("Content-Type", "application/json")
                .header(MessengerController.SIGNATURE_HEADER, "sha256=" + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("X-Hub-Signature-256").doesNotContain(APP_SECRET);
        assertThat(runtime.calls()).isEmpty();
        assertThat(platform.requests()).isEmpty();
    }

    @Test
    void signatureOfAnotherBodyIsRefused() {
        String signedFor = textEvent("1", "mid.x", "hi");
        String sent = textEvent("1", "mid.x", "hi!");

        HttpResponse<String> response = client.send(client.request(PATH)
                .header("Content-Type", "application/json")
                .header(MessengerController.SIGNATURE_HEADER, signature(signedFor))
                .POST(HttpRequest.BodyPublishers.ofString(sent)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void missingSignatureIsRefused() {
        HttpResponse<String> response = client.send(client.request(PATH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(textEvent("1", "mid.y", "hi"))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        String huge = textEvent("1", "mid.big", "x".repeat(70 * 1024));

        HttpResponse<String> response = post(signed(huge));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void unknownBindingIsNotFound() {
        HttpResponse<String> response = client.send(client.request("/channels/messenger/nobody")
                .header("Content-Type", "application/json")
                .header(MessengerController.SIGNATURE_HEADER, signature("{}"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("nobody");
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void signedGarbageIsABadRequest() {
        HttpResponse<String> response = post(signed("{\"object\":\"page\",\"entry\":[{\"id\":"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("tools.jackson", "Exception");
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void echoesAndOtherPagesAreIgnored() {
        String sender = WebhookClient.unique("psid");
        HttpResponse<String> response = post(signed("""
                {"object":"page","entry":[
                 {"id":"%s","time":1,"messaging":[{"sender":{"id":"%s"},"recipient":{"id":"%s"},"timestamp":1,
                   "message":{"mid":"mid.echo","text":"from the page","is_echo":true}}]},
                 {"id":"999","time":1,"messaging":[{"sender":{"id":"%s"},"recipient":{"id":"999"},"timestamp":1,
                   "message":{"mid":"mid.other","text":"other page"}}]}]}
                """.formatted(PAGE_ID, PAGE_ID, sender, sender)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void sendApiFailuresAreRetried() {
        platform.queue(new PlatformFake.Answer(503, "{\"error\":{\"message\":\"busy\"}}", Map.of()),
                new PlatformFake.Answer(429, "{}", java.util.Map.of("Retry-After", "0")));
        String sender = WebhookClient.unique("psid");

        post(signed(textEvent(sender, "mid.r-" + sender, "hi")));

        // two failed attempts, then the welcome and the answer
        List<PlatformFake.Request> sent = platform.await(4, r -> r.body().contains(sender));
        assertThat(sent.get(0).body()).isEqualTo(sent.get(2).body());
    }

    HttpResponse<String> post(String[] signedBody) {
        return client.send(client.request(PATH)
                .header("Content-Type", "application/json")
                .header(MessengerController.SIGNATURE_HEADER, signedBody[1])
                .POST(HttpRequest.BodyPublishers.ofString(signedBody[0])));
    }

    static String[] signed(String body) {
        return new String[] { body, signature(body) };
    }

    static String signature(String body) {
        return "sha256=" + HexFormat.of().formatHex(Signatures.hmacSha256(APP_SECRET,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    static String textEvent(String sender, String mid, String text) {
        return """
                {"object":"page","entry":[{"id":"%s","time":1700000000000,"messaging":[{"sender":{"id":"%s"},
                "recipient":{"id":"%s"},"timestamp":1700000000000,"message":{"mid":"%s","text":"%s"}}]}]}
                """.formatted(PAGE_ID, sender, PAGE_ID, mid, text);
    }

    static String quickReplyEvent(String sender, String mid, String payload) {
        return """
                {"object":"page","entry":[{"id":"%s","time":1700000000000,"messaging":[{"sender":{"id":"%s"},
                "recipient":{"id":"%s"},"timestamp":1700000000000,"message":{"mid":"%s","text":"Order Status",
                "quick_reply":{"payload":"%s"}}}]}]}
                """.formatted(PAGE_ID, sender, PAGE_ID, mid, payload);
    }
}
