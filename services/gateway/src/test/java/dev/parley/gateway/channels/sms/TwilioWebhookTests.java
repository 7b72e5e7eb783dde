package dev.parley.gateway.channels.sms;

import static dev.parley.gateway.channels.ChannelsTest.ACCOUNT_SID;
import static dev.parley.gateway.channels.ChannelsTest.AUTH_TOKEN;
import static dev.parley.gateway.channels.ChannelsTest.SESSION_LIMIT;
import static dev.parley.gateway.channels.ChannelsTest.SMS_API_BINDING;
import static dev.parley.gateway.channels.ChannelsTest.SMS_API_NUMBER;
import static dev.parley.gateway.channels.ChannelsTest.SMS_BINDING;
import static dev.parley.gateway.channels.ChannelsTest.SMS_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.parley.gateway.channels.ChannelsTest;
import dev.parley.gateway.channels.PlatformFake;
import dev.parley.gateway.channels.ScriptedRuntime;
import dev.parley.gateway.channels.WebhookClient;
import dev.parley.gateway.testsupport.TestClients;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ChannelsTest
class TwilioWebhookTests {

    static final String PATH = "/channels/sms/" + SMS_BINDING;

    static final String API_PATH = "/channels/sms/" + SMS_API_BINDING;

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
    void smsIsAnsweredInTwimlWithChoicesAsNumberedText() {
        String from = phone();

        HttpResponse<String> response = post(PATH, sms(from, WebhookClient.unique("SM"), "hello"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Message>Welcome to Acme\n1. Order Status\n2. End Chat</Message>"
                + "<Message>You said: hello\n1. Order Status\n2. End Chat</Message></Response>");
        assertThat(platform.requests()).isEmpty();
    }

    @Test
    void aNumericReplyPicksTheChoiceOfThatNumber() {
        String from = phone();
        post(PATH, sms(from, WebhookClient.unique("SM"), "hi"));

        HttpResponse<String> response = post(PATH, sms(from, WebhookClient.unique("SM"), " 2 "));

        MessageCommand command = (MessageCommand) runtime.executed().getLast().command();
        assertThat(command.type()).isEqualTo(InboundType.CHOICE);
        assertThat(command.choiceId()).isEqualTo(ScriptedRuntime.END_CHAT);
        assertThat(response.body()).contains("<Message>Goodbye</Message>")
                .contains("<Message>This conversation has ended. Send a message to start a new one.</Message>");
    }

    @Test
    void aNumberOutsideTheOfferedChoicesIsText() {
        String from = phone();
        post(PATH, sms(from, WebhookClient.unique("SM"), "hi"));

        post(PATH, sms(from, WebhookClient.unique("SM"), "7"));

        MessageCommand command = (MessageCommand) runtime.executed().getLast().command();
        assertThat(command.type()).isEqualTo(InboundType.TEXT);
        assertThat(command.text()).isEqualTo("7");
    }

    @Test
    void afterTheSessionEndedTheNextMessageStartsANewOne() {
        String from = phone();
        post(PATH, sms(from, WebhookClient.unique("SM"), "hi"));
        post(PATH, sms(from, WebhookClient.unique("SM"), "2"));

        HttpResponse<String> response = post(PATH, sms(from, WebhookClient.unique("SM"), "hello again"));

        assertThat(response.body()).contains("Welcome to Acme").contains("You said: hello again");
        List<ScriptedRuntime.Executed> executed = runtime.executed();
        assertThat(executed).extracting(ScriptedRuntime.Executed::operation)
                .containsExactly("start", "message", "message", "start", "message");
        assertThat(executed.get(3).sessionId()).isNotEqualTo(executed.get(0).sessionId());
    }

    @Test
    void twilioRetryOfTheSameMessageSidGetsTheRecordedReplyAndRunsOneTurn() {
        String from = phone();
        Map<String, String> message = sms(from, WebhookClient.unique("SM"), "hello");
        HttpResponse<String> first = post(PATH, message);

        HttpResponse<String> retry = post(PATH, message);

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(runtime.executed()).hasSize(2);
        assertThat(runtime.calls()).containsExactly("start", "message:1", "start", "message:1");
    }

    @Test
    void messagesApiModeAcknowledgesWithEmptyTwimlAndSendsTheReplyWithBasicAuth() {
        String from = phone();

        HttpResponse<String> response = post(API_PATH, sms(from, WebhookClient.unique("SM"), "hello", SMS_API_NUMBER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");
        List<PlatformFake.Request> sent = platform.await(2, r -> r.body().contains(URLEncoder.encode(from,
                StandardCharsets.UTF_8)));
        String basic = Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        for (PlatformFake.Request request : sent) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/twilio/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
            assertThat(request.header("Authorization")).isEqualTo("Basic " + basic);
            assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.header("X-Parley-Internal-Credential")).isNull();
            Map<String, String> form = decode(request.body());
            assertThat(form).containsEntry("To", from).containsEntry("From", SMS_API_NUMBER);
        }
        assertThat(decode(sent.get(0).body()).get("Body")).isEqualTo("Welcome to Acme\n1. Order Status\n2. End Chat");
    }

    @Test
    void forgedSignatureIsRefusedAndRunsNothing() {
        HttpResponse<String> response = client.send(client.request(PATH)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofString(form(sms(phone(), "SMforged", "hi")))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("X-Twilio-Signature").doesNotContain(AUTH_TOKEN);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void theSignatureCoversThePublicUrlNotTheHostTheRequestCameTo() {
        Map<String, String> params = sms(phone(), "SMhost", "hi");
        String signedForLocalHost = TwilioSignature.compute(AUTH_TOKEN, "http://localhost:" + port + PATH,
                multi(params));

        HttpResponse<String> response = client.send(client.request(PATH)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signedForLocalHost)
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void anotherAccountIsForbidden() {
        Map<String, String> params = sms(phone(), "SMother", "hi");
        params.put("AccountSid", "AC" + "f".repeat(32));

        HttpResponse<String> response = post(PATH, params);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void missingMessageSidIsABadRequest() {
        Map<String, String> params = sms(phone(), "SMx", "hi");
        params.remove("MessageSid");

        HttpResponse<String> response = post(PATH, params);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("MessageSid");
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void oversizedBodyIsRefused() {
        HttpResponse<String> response = post(PATH, sms(phone(), "SMbig", "x".repeat(65 * 1024)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void aConversationOverItsRateLimitGets429WithRetryAfterAndRunsNothingMore() {
        String from = phone();
        for (int i = 0; i < SESSION_LIMIT; i++) {
            assertThat(post(PATH, sms(from, WebhookClient.unique("SM"), "message " + i)).statusCode()).isEqualTo(200);
        }
        int callsBefore = runtime.calls().size();

        HttpResponse<String> limited = post(PATH, sms(from, WebhookClient.unique("SM"), "one too many"));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(runtime.calls()).hasSize(callsBefore);
        // another conversation of the same org is not affected
        assertThat(post(PATH, sms(phone(), WebhookClient.unique("SM"), "hi")).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> post(String path, Map<String, String> params) {
        String signature = TwilioSignature.compute(AUTH_TOKEN, TestClients.PUBLIC_URL + path, multi(params));
        return client.send(client.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(form(params))));
    }

    static Map<String, String> sms(String from, String messageSid, String body) {
        return sms(from, messageSid, body, SMS_NUMBER);
    }

    static Map<String, String> sms(String from, String messageSid, String body, String to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("SmsMessageSid", messageSid);
        params.put("NumMedia", "0");
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("To", to);
        params.put("NumSegments", "1");
        params.put("MessageSid", messageSid);
        params.put("AccountSid", ACCOUNT_SID);
        params.put("From", from);
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    static String phone() {
        return "+1555" + (1_000_000 + (long) (Math.random() * 8_999_999));
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, List<String>> multi(Map<String, String> params) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((k, v) -> multi.put(k, List.of(v)));
        return multi;
    }

    static Map<String, String> decode(String form) {
        Map<String, String> decoded = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            decoded.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return decoded;
    }
}
