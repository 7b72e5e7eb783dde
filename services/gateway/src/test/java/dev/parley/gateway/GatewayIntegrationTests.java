package dev.parley.gateway;

import static dev.parley.gateway.testsupport.ApiErrors.assertApiErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.gateway.testsupport.JsonShape;
import dev.parley.gateway.testsupport.TestClients;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnReply;
import dev.parley.runtime.api.Variable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.parley.testkit.RealInfrastructure;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway over real HTTP in front of a stand-in runtime (a JDK HTTP server speaking the runtime-api JSON): the
 * whole OAuth and session flow, the headers the gateway forwards, and refusals that never reach the runtime.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestClients.Initializer.class)
@RealInfrastructure(postgres = false, kafka = false)
class GatewayIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String BOT_ID = "0XxSB00000006rp0AA";

    static final String SESSION_ID = "3f1c7a52-0d7e-4b8e-9a51-6c1d2f0e9b77";

    static final Pattern SESSION_ROUTE = Pattern.compile("/internal/v1/orgs/([^/]+)/sessions/([^/]+)/(messages|end)");

    static final Pattern START_ROUTE = Pattern.compile("/internal/v1/orgs/([^/]+)/bots/([^/]+)/sessions");

    static final HttpServer RUNTIME = startRuntime();

    static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    /** One request as the stand-in runtime saw it. */
    record Received(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    @DynamicPropertySource
    static void runtimeUrl(DynamicPropertyRegistry registry) {
        registry.add("parley.gateway.runtime-url", () -> "http://127.0.0.1:" + RUNTIME.getAddress().getPort());
    }

    @AfterAll
    static void stopRuntime() {
        RUNTIME.stop(0);
    }

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    static HttpServer startRuntime() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", GatewayIntegrationTests::runtime);
            server.start();
            return server;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers like the runtime: turn replies, or problem details with a {@code code}. */
    static void runtime(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        RECEIVED.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body));
        Matcher start = START_ROUTE.matcher(path);
        Matcher session = SESSION_ROUTE.matcher(path);
        if (start.matches()) {
            StartSessionCommand command = JSON.readValue(body, StartSessionCommand.class);
            respond(exchange, 200, reply(SESSION_ID, List.of(), List.of(
                    text("Hello " + command.externalSessionKey()), menu())));
        }
        else if (session.matches() && !session.group(2).equals(SESSION_ID)) {
            problem(exchange, 404, "SESSION_NOT_FOUND", "no session " + session.group(2));
        }
        else if (session.matches() && session.group(3).equals("messages")) {
            MessageCommand command = JSON.readValue(body, MessageCommand.class);
            if (command.type() == InboundType.CHOICE && command.choiceIndex() != null && command.choiceIndex() > 2) {
                problem(exchange, 400, "INVALID_INPUT", "choice " + command.choiceIndex() + " is not offered");
                return;
            }
            respond(exchange, 200, reply(SESSION_ID, List.of(command.sequenceId()), List.of(text("You said it"))));
        }
        else if (session.matches()) {
            JSON.readValue(body, EndSessionCommand.class);
            respond(exchange, 200, reply(SESSION_ID, List.of(), List.of(new OutboundMessage("sessionEnded",
                    "e-1", null, null, null, "ClientRequest", null, 0))));
        }
        else {
            problem(exchange, 404, null, "no route");
        }
    }

    static TurnReply reply(String sessionId, List<Long> processed, List<OutboundMessage> messages) {
        return new TurnReply(sessionId, "0X9SB00000006wf0AA", processed, messages,
                List.of(new Variable("Qty", "number", 2)), "crc-" + RECEIVED.size());
    }

    static OutboundMessage text(String text) {
        return new OutboundMessage("text", "t-" + text.hashCode(), text, null, null, null, null, 1200);
    }

    static OutboundMessage menu() {
        return new OutboundMessage("choices", "c-1", null, List.of(new OutboundMessage.Choice("Order Status", "1",
                "o-1"), new OutboundMessage.Choice("End Chat", "2", "o-2")), "menu", null, null, 1200);
    }

    static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    static void problem(HttpExchange exchange, int status, String code, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("status", status);
        problem.put("detail", detail);
        if (code != null) {
            problem.put("code", code);
        }
        byte[] bytes = JSON.writeValueAsBytes(problem);
        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String token(TestClients.Client client) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type="
                        + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&assertion=" + client.assertion())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    HttpRequest.Builder api(String path, String token, String requestId) {
        return HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token)
                .header("X-Org-Id", TestClients.A.orgId()).header("X-Request-ID", requestId)
                .header("Content-Type", "application/json");
    }

    @Test
    void aWholeConversationForwardsCredentialAndRequestIdsToTheRuntime() throws Exception {
        assertThat(send(HttpRequest.newBuilder(url("/status"))).body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(send(HttpRequest.newBuilder(url("/versions"))).body()).contains("\"versionNumber\":\"5.1.0\"");
        String token = token(TestClients.A);

        HttpResponse<String> introspection = send(HttpRequest.newBuilder(url("/services/oauth2/introspect"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestClients.A.consumerKey() + ":" + TestClients.A.consumerSecret()).getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&token_type=access_token")));
        assertThat(JSON.readTree(introspection.body()).get("active").asBoolean()).isTrue();

        HttpResponse<String> started = send(api("/v5.1.0/bots/" + BOT_ID + "/sessions", token, "it-start-1")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"externalSessionKey":"ext-1","forceConfig":{"endpoint":"https://x.my.salesforce.com"},
                         "message":{"text":"Hi"}}""")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonShape.assertMatchesGolden(started.body(), "startSessionResponse.json", "variables");
        assertThat(started.headers().firstValue("X-Request-ID")).hasValue("it-start-1");
        assertThat(started.headers().firstValue("X-Runtime-CRC")).hasValue("crc-1");
        JsonNode startBody = JSON.readTree(started.body());
        assertThat(startBody.get("sessionId").asString()).isEqualTo(SESSION_ID);
        assertThat(startBody.at("/messages/0/text").asString()).isEqualTo("Hello ext-1");
        assertThat(startBody.at("/_links/session/href").asString())
                .isEqualTo(TestClients.PUBLIC_URL + "/v5.1.0/sessions/" + SESSION_ID);

        HttpResponse<String> answered = send(api("/v5.1.0/sessions/" + SESSION_ID + "/messages", token, "it-msg-2")
                .header("X-Runtime-CRC", "crc-1")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"message":{"type":"text","sequenceId":1649209601248,"text":"Order status"},
                         "responseOptions":{"variables":{"include":true,"onlyChanged":false}}}""")));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonShape.assertMatchesGolden(answered.body(), "sendMessageResponse.json");
        assertThat(JSON.readTree(answered.body()).get("variables").toString())
                .isEqualTo("[{\"name\":\"Qty\",\"type\":\"number\",\"value\":2}]");

        HttpResponse<String> chosen = send(api("/v5.1.0/sessions/" + SESSION_ID + "/messages", token, "it-msg-3")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"message":{"type":"choice","sequenceId":1649209601249,"choiceIndex":1}}""")));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);

        HttpResponse<String> ended = send(api("/v5.1.0/sessions/" + SESSION_ID, token, "it-end-4")
                .header("X-Session-End-Reason", "UserRequest").DELETE());
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        JsonShape.assertMatchesGolden(ended.body(), "endSessionResponse.json");

        List<String> paths = new ArrayList<>();
        for (Received received : RECEIVED) {
            paths.add(received.path());
            assertThat(received.header("X-Parley-Internal-Credential")).isEqualTo(TestClients.INTERNAL_CREDENTIAL);
        }
        String org = TestClients.A.orgId();
        assertThat(paths).containsExactly(
                "/internal/v1/orgs/" + org + "/bots/" + BOT_ID + "/sessions",
                "/internal/v1/orgs/" + org + "/sessions/" + SESSION_ID + "/messages",
                "/internal/v1/orgs/" + org + "/sessions/" + SESSION_ID + "/messages",
                "/internal/v1/orgs/" + org + "/sessions/" + SESSION_ID + "/end");
        assertThat(RECEIVED).extracting(r -> r.header("X-Request-ID"))
                .containsExactly("it-start-1", "it-msg-2", "it-msg-3", "it-end-4");
        assertThat(JSON.readValue(RECEIVED.get(0).body(), StartSessionCommand.class))
                .isEqualTo(new StartSessionCommand("ext-1", "https://x.my.salesforce.com", "Hi", List.of(), null));
        assertThat(JSON.readValue(RECEIVED.get(2).body(), MessageCommand.class)).isEqualTo(
                new MessageCommand(InboundType.CHOICE, 1649209601249L, null, 1, null, null, null, null));
        assertThat(JSON.readValue(RECEIVED.get(3).body(), EndSessionCommand.class))
                .isEqualTo(new EndSessionCommand("UserRequest"));
    }

    @Test
    void aChoiceTheRuntimeRefusesIsABadRequestInSpecFormat() throws Exception {
        HttpResponse<String> response = send(api("/v5.1.0/sessions/" + SESSION_ID + "/messages", token(TestClients.A),
                "it-bad-choice").POST(HttpRequest.BodyPublishers.ofString("""
                        {"message":{"type":"choice","sequenceId":5,"choiceIndex":99}}""")));

        assertThat(assertApiErrorBody(response.body(), 400, "BadRequestError",
                "/v5.1.0/sessions/" + SESSION_ID + "/messages", "it-bad-choice")).isEqualTo("choice 99 is not offered");
        assertThat(RECEIVED).hasSize(1);
    }

    @Test
    void anUnknownSessionIsNotFoundInSpecFormat() throws Exception {
        HttpResponse<String> response = send(api("/v5.1.0/sessions/nope/messages", token(TestClients.A), "it-404")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":{\"type\":\"text\",\"sequenceId\":1,"
                        + "\"text\":\"hi\"}}")));

        assertApiErrorBody(response.body(), 404, "NotFoundError", "/v5.1.0/sessions/nope/messages", "it-404");
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("it-404");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithoutCallingTheRuntime() throws Exception {
        byte[] body = ("{\"message\":{\"type\":\"text\",\"sequenceId\":1,\"text\":\"" + "x".repeat(70 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(api("/v5.1.0/sessions/" + SESSION_ID + "/messages", token(TestClients.A),
                "it-413").POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertApiErrorBody(response.body(), 413, "PayloadTooLargeError",
                "/v5.1.0/sessions/" + SESSION_ID + "/messages", "it-413");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void aTokenOfAnotherOrgIsForbiddenWithoutCallingTheRuntime() throws Exception {
        HttpResponse<String> response = send(api("/v5.1.0/sessions/" + SESSION_ID, token(TestClients.B), "it-403")
                .header("X-Session-End-Reason", "UserRequest").DELETE());

        assertApiErrorBody(response.body(), 403, "ForbiddenError", "/v5.1.0/sessions/" + SESSION_ID, "it-403");
        assertThat(RECEIVED).isEmpty();
    }

    @Test
    void anUnknownRouteIsNotFoundInSpecFormat() throws Exception {
        HttpResponse<String> response = send(api("/v5.1.0/bots", token(TestClients.A), "it-route").GET());

        assertApiErrorBody(response.body(), 404, "NotFoundError", "/v5.1.0/bots", "it-route");
    }
}
