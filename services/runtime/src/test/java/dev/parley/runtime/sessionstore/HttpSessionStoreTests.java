package dev.parley.runtime.sessionstore;

import com.sun.net.httpserver.HttpServer;
import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.SessionRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the client reads session-store's answers, against a canned HTTP server standing in for it. */
class HttpSessionStoreTests {

    private static final String SESSION = UUID.randomUUID().toString();

    private HttpServer server;
    private final AtomicReference<String> lastRequest = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aLeaseThatStayedTakenIsSessionBusy() throws IOException {
        SessionStore store = answering(423, "{\"code\":\"LEASE_BUSY\"}", Duration.ZERO);

        assertThatThrownBy(() -> store.lease(SESSION, new LeaseRequest("h", 10_000, 5_000, "seq:1")))
                .isInstanceOf(SessionBusyException.class)
                .hasMessageContaining(SESSION);
        assertThat(lastRequest.get()).isEqualTo("POST /internal/v1/sessions/" + SESSION + "/lease");
    }

    @Test
    void aCommitWithALapsedLeaseIsFencedOut() throws IOException {
        SessionStore store = answering(409, "{\"code\":\"FENCED_OUT\"}", Duration.ZERO);

        assertThatThrownBy(() -> store.commit(SESSION, new CommitRequest(7,
                new SessionRecord(SESSION, "org", "bot", "v", "ACTIVE", "{}", 0), "seq:1", "{}", List.of(), 60_000)))
                .isInstanceOf(FencedOutException.class)
                .hasMessageContaining("Lease 7");
    }

    @Test
    void serverErrorsAndSlowAnswersMakeItUnavailable() throws IOException {
        assertThatThrownBy(() -> answering(503, "{}", Duration.ZERO).ack(List.of(UUID.randomUUID())))
                .isInstanceOf(SessionStoreUnavailableException.class);
        stop();
        assertThatThrownBy(() -> answering(200, "[]", Duration.ofSeconds(3)).outboxOlderThan(Duration.ZERO, 10))
                .isInstanceOf(SessionStoreUnavailableException.class);
    }

    @Test
    void anUnreachableStoreIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SessionStore store = client(closedPort);

        assertThatThrownBy(() -> store.release(SESSION, 3)).isInstanceOf(SessionStoreUnavailableException.class);
    }

    @Test
    void theOutboxIsReadOldestFirstWithItsAgeAndLimit() throws IOException {
        UUID id = UUID.randomUUID();
        SessionStore store = answering(200, "[{\"eventId\":\"" + id + "\",\"topic\":\"parley.turn-events\","
                + "\"key\":\"" + SESSION + "\",\"payloadJson\":\"{}\",\"committedAtEpochMillis\":5}]", Duration.ZERO);

        assertThat(store.outboxOlderThan(Duration.ofSeconds(10), 200)).singleElement()
                .satisfies(e -> assertThat(e.eventId()).isEqualTo(id));
        assertThat(lastRequest.get()).isEqualTo("GET /internal/v1/outbox?olderThanMillis=10000&limit=200");
    }

    @Test
    void sessionCallsKeepThePathOfTheBaseUrl() throws IOException {
        answering(204, "", Duration.ZERO);
        SessionStore store = new HttpSessionStore(RestClient.builder(), new SessionStoreProperties(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/store/"), Duration.ofSeconds(2),
                Duration.ofSeconds(2)));

        store.release(SESSION, 42);

        assertThat(lastRequest.get()).isEqualTo("DELETE /store/internal/v1/sessions/" + SESSION + "/lease/42");
    }

    private SessionStore answering(int status, String body, Duration delay) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return client(server.getAddress().getPort());
    }

    private static SessionStore client(int port) {
        return new HttpSessionStore(RestClient.builder(), new SessionStoreProperties(
                URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }
}
