package dev.parley.callout.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.callout.CalloutFailure;
import dev.parley.callout.FakeServer;
import dev.parley.callout.SilentServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedHttpClientTests {

    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1);
    private final FakeServer server = new FakeServer();
    private final SilentServer silent = new SilentServer();
    private GuardedHttpClient client = new GuardedHttpClient(true, true, 2, 1_000, 4, deadlines);

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        server.close();
        silent.close();
        deadlines.shutdownNow();
    }

    private OutboundResponse get(String url, long limitMillis, long maxBytes) {
        return client.exchange(new OutboundRequest("GET", URI.create(url), Map.of("Authorization", "Bearer t"), null),
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis), limitMillis, maxBytes);
    }

    private static void assertFails(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CalloutFailure.class,
                failure -> assertThat(failure.code()).isEqualTo(code));
    }

    @Test
    void aServerThatNeverAnswersIsCutOffAtTheDeadline() {
        long started = System.nanoTime();

        assertFails(() -> get("http://127.0.0.1:" + silent.port() + "/", 200, 1_000), "TIMEOUT");

        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(elapsed).isBetween(190L, 700L);
        assertThat(silent.accepted()).isEqualTo(1);
    }

    @Test
    void aSlowDripBodyIsCutOffAtTheDeadline() {
        server.on("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 100; i++) {
                out.write('x');
                out.flush();
                FakeServer.sleep(50);
            }
        });
        long started = System.nanoTime();

        assertFails(() -> get(server.url() + "/drip", 300, 1_000_000), "TIMEOUT");

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(290L, 800L);
    }

    @Test
    void bodiesOverTheCapAreRefusedWhetherDeclaredOrStreamed() {
        server.on("/declared", exchange -> FakeServer.json(exchange, 200, "x".repeat(2_000)));
        server.on("/streamed", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write("y".repeat(100).getBytes());
                    out.flush();
                }
            }
        });

        assertFails(() -> get(server.url() + "/declared", 2_000, 1_000), "RESPONSE_TOO_LARGE");
        assertFails(() -> get(server.url() + "/streamed", 2_000, 1_000), "RESPONSE_TOO_LARGE");
        assertThat(get(server.url() + "/declared", 2_000, 2_000).body()).hasSize(2_000);
        assertThat(get(server.url() + "/streamed", 2_000, 10_000).body()).hasSize(10_000).containsOnly('y');
    }

    @Test
    void loopbackIsRefusedWithoutTheAllowanceAndNoConnectionIsMade() {
        client = new GuardedHttpClient(false, true, 2, 1_000, 4, deadlines);

        assertThatThrownBy(() -> get("http://127.0.0.1:" + silent.port() + "/", 1_000, 1_000))
                .isInstanceOfSatisfying(CalloutFailure.class, f -> assertThat(f.code()).isEqualTo("TARGET_BLOCKED"))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> get("http://localhost:" + silent.port() + "/", 1_000, 1_000))
                .isInstanceOfSatisfying(CalloutFailure.class, f -> assertThat(f.code()).isEqualTo("TARGET_BLOCKED"));
        assertThat(silent.accepted()).isZero();
    }

    @Test
    void plainHttpIsRefusedWithoutTheAllowanceAndNoConnectionIsMade() {
        client = new GuardedHttpClient(true, false, 2, 1_000, 4, deadlines);

        assertThatThrownBy(() -> get("http://127.0.0.1:" + silent.port() + "/", 1_000, 1_000))
                .isInstanceOfSatisfying(CalloutFailure.class, f -> assertThat(f.code()).isEqualTo("TARGET_BLOCKED"))
                .hasMessageContaining("allowHttp");
        assertThat(silent.accepted()).isZero();
    }

    @Test
    void redirectsAreFollowedAndEachHopIsCheckedAgain() {
        server.on("/one", exchange -> redirect(exchange, "/two"));
        server.on("/two", exchange -> FakeServer.json(exchange, 200, "{\"ok\":true}"));
        server.on("/metadata", exchange -> redirect(exchange, "http://169.254.169.254/latest/meta-data/"));
        server.on("/loop", exchange -> redirect(exchange, "/loop"));

        assertThat(new String(get(server.url() + "/one", 2_000, 1_000).body())).isEqualTo("{\"ok\":true}");
        assertThatThrownBy(() -> get(server.url() + "/metadata", 2_000, 1_000))
                .isInstanceOfSatisfying(CalloutFailure.class, f -> assertThat(f.code()).isEqualTo("TARGET_BLOCKED"))
                .hasMessageContaining("metadata");
        assertThatThrownBy(() -> get(server.url() + "/loop", 2_000, 1_000))
                .isInstanceOfSatisfying(CalloutFailure.class, f -> assertThat(f.httpStatus()).isEqualTo(302))
                .hasMessageContaining("more than 2 redirects");
        assertThat(server.hits("/loop")).isEqualTo(3);
    }

    @Test
    void credentialsDoNotFollowARedirectToAnotherOrigin() {
        try (FakeServer other = new FakeServer()) {
            other.on("/", exchange -> FakeServer.json(exchange, 200, "{}"));
            server.on("/away", exchange -> redirect(exchange, other.url() + "/landing"));
            server.on("/home", exchange -> redirect(exchange, "/landing"));
            server.on("/landing", exchange -> FakeServer.json(exchange, 200, "{}"));

            get(server.url() + "/away", 2_000, 1_000);
            get(server.url() + "/home", 2_000, 1_000);

            assertThat(other.last().header("Authorization")).isNull();
            assertThat(server.last().header("Authorization")).isEqualTo("Bearer t");
        }
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }
}
