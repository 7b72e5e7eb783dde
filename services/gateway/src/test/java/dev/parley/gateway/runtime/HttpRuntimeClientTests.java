package dev.parley.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.api.TurnReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

class HttpRuntimeClientTests {

    static final String REPLY = """
            {"sessionId":"s-1","botVersion":"v1","processedSequenceIds":[7],
             "messages":[{"type":"text","id":"m-1","text":"Hi","choices":null,"widget":null,"reason":null,
                          "targets":null,"responseDelayMilliseconds":1200}],
             "variables":[{"name":"Qty","type":"number","value":2}],"runtimeCrc":"crc-1"}""";

    HttpServer server;

    final AtomicReference<Answer> answer = new AtomicReference<>(new Answer(200, "application/json", REPLY, 0));

    final AtomicReference<String> lastPath = new AtomicReference<>();

    final AtomicReference<String> lastBody = new AtomicReference<>();

    record Answer(int status, String contentType, String body, long delayMillis) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    void handle(HttpExchange exchange) throws IOException {
        lastPath.set(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        lastBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Answer a = answer.get();
        try {
            Thread.sleep(a.delayMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", a.contentType());
        exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    HttpRuntimeClient client(URI url, Duration readTimeout) {
        return new HttpRuntimeClient(RestClient.builder(),
                new RuntimeClientProperties(url, Duration.ofSeconds(1), readTimeout));
    }

    HttpRuntimeClient client() {
        return client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5));
    }

    @Test
    void aStartPostsTheCommandToTheOrgsBotAndReadsTheReply() {
        TurnReply reply = client().start("00D1", "bot-1", new StartSessionCommand("k", "https://x", "hello",
                List.of(), "UTC"));

        assertThat(lastPath.get()).isEqualTo("POST /internal/v1/orgs/00D1/bots/bot-1/sessions");
        assertThat(lastBody.get()).contains("\"externalSessionKey\":\"k\"", "\"forceConfigEndpoint\":\"https://x\"");
        assertThat(reply.sessionId()).isEqualTo("s-1");
        assertThat(reply.processedSequenceIds()).containsExactly(7L);
        assertThat(reply.messages().getFirst().text()).isEqualTo("Hi");
        assertThat(reply.runtimeCrc()).isEqualTo("crc-1");
    }

    @Test
    void idsAreEncodedAsPathSegmentsAndABaseUrlPathIsKept() {
        client(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/runtime/"), Duration.ofSeconds(2))
                .message("00D 1", "s/1?x", new MessageCommand(InboundType.TEXT, 1, "hi", null, null, null, null, null));

        assertThat(lastPath.get()).isEqualTo("POST /runtime/internal/v1/orgs/00D%201/sessions/s%2F1%3Fx/messages");
    }

    @Test
    void messagesAndEndsGoToTheSessionRoutes() {
        client().message("00D1", "s-1", new MessageCommand(InboundType.CHOICE, 3, null, 2, null, null, null, null));
        assertThat(lastPath.get()).isEqualTo("POST /internal/v1/orgs/00D1/sessions/s-1/messages");
        assertThat(lastBody.get()).contains("\"type\":\"CHOICE\"", "\"sequenceId\":3", "\"choiceIndex\":2");

        client().end("00D1", "s-1", new EndSessionCommand("UserRequest"));
        assertThat(lastPath.get()).isEqualTo("POST /internal/v1/orgs/00D1/sessions/s-1/end");
        assertThat(lastBody.get()).isEqualTo("{\"reason\":\"UserRequest\"}");
    }

    @Test
    void aProblemWithATurnErrorCodeBecomesARejection() {
        answer.set(new Answer(404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no session s-9\","
                        + "\"code\":\"SESSION_NOT_FOUND\"}", 0));

        assertThatExceptionOfType(RuntimeRejectedException.class)
                .isThrownBy(() -> client().end("00D1", "s-9", new EndSessionCommand("Other")))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(TurnErrorCode.SESSION_NOT_FOUND);
                    assertThat(e.detail()).isEqualTo("no session s-9");
                });
    }

    @Test
    void theCodeDecidesNotTheStatus() {
        answer.set(new Answer(400, "application/problem+json", "{\"status\":400,\"code\":\"INVALID_INPUT\"}", 0));

        assertThatExceptionOfType(RuntimeRejectedException.class)
                .isThrownBy(() -> client().message("00D1", "s-1",
                        new MessageCommand(InboundType.CHOICE, 3, null, 99, null, null, null, null)))
                .satisfies(e -> assertThat(e.code()).isEqualTo(TurnErrorCode.INVALID_INPUT));
    }

    @Test
    void anErrorWithoutAKnownCodeMeansTheRuntimeIsUnavailable() {
        answer.set(new Answer(401, "application/problem+json", "{\"status\":401,\"detail\":\"credential\"}", 0));
        assertThatExceptionOfType(RuntimeUnavailableException.class)
                .isThrownBy(() -> client().end("00D1", "s-1", new EndSessionCommand("Other")));

        answer.set(new Answer(500, "text/html", "<html>oops</html>", 0));
        assertThatExceptionOfType(RuntimeUnavailableException.class)
                .isThrownBy(() -> client().end("00D1", "s-1", new EndSessionCommand("Other")));

        answer.set(new Answer(409, "application/problem+json", "{\"code\":\"SOMETHING_NEW\"}", 0));
        assertThatExceptionOfType(RuntimeUnavailableException.class)
                .isThrownBy(() -> client().end("00D1", "s-1", new EndSessionCommand("Other")));
    }

    @Test
    void anUnreadableSuccessMeansTheRuntimeIsUnavailable() {
        answer.set(new Answer(200, "application/json", "{\"sessionId\":", 0));

        assertThatExceptionOfType(RuntimeUnavailableException.class)
                .isThrownBy(() -> client().end("00D1", "s-1", new EndSessionCommand("Other")));
    }

    @Test
    void aRefusedConnectionMeansTheRuntimeIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatExceptionOfType(RuntimeUnavailableException.class)
                .isThrownBy(() -> client(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(1))
                        .end("00D1", "s-1", new EndSessionCommand("Other")));
    }

    @Test
    void aSlowRuntimeTimesOut() {
        answer.set(new Answer(200, "application/json", REPLY, 2_000));
        HttpRuntimeClient client = client(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThatExceptionOfType(RuntimeUnavailableException.class)
                .isThrownBy(() -> client.end("00D1", "s-1", new EndSessionCommand("Other")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }
}
