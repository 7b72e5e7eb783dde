package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationResult;
import dev.parley.testkit.RealInfrastructure;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@RealInfrastructure(database = "callout", redis = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TimeLimitIntegrationTests {

    /** Scheduling and HTTP round trips on a busy 2-core machine; the bound is what matters. */
    private static final long SLACK_MILLIS = 400;

    @LocalServerPort
    int port;

    CalloutClient client;
    SilentServer hanging;
    FakeServer api;
    String orgId;

    @BeforeEach
    void setUp() {
        client = new CalloutClient(port);
        hanging = new SilentServer();
        api = new FakeServer();
        orgId = CalloutClient.newOrgId();
    }

    @AfterEach
    void tearDown() throws IOException {
        hanging.close();
        api.close();
    }

    private void define(String name, String url, long callMs) {
        client.define(orgId, name, """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"timeouts":{"callMs":%d},
                 "retry":{"maxAttempts":3,"waitMs":10},"http":{"urlTemplate":"%s"}}""".formatted(callMs, url));
    }

    private record Timed(InvocationResult result, long millis) {
    }

    private Timed invoke(String name, Long timeoutMs) {
        long started = System.nanoTime();
        InvocationResult result = client.invoke(orgId, "http", name, Map.of(), timeoutMs);
        return new Timed(result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Test
    void anEndpointThatAcceptsButNeverAnswersTimesOutWithinItsLimit() {
        define("Hanging", "http://127.0.0.1:" + hanging.port() + "/never", 400);
        invoke("Hanging", null); // first use builds the endpoint

        Timed timed = invoke("Hanging", null);

        assertThat(timed.result().outcome()).isEqualTo("FAILED");
        assertThat(timed.result().error().code()).isEqualTo("TIMEOUT");
        assertThat(timed.result().error().message()).contains("400 ms");
        assertThat(timed.millis()).isBetween(400L, 400L + SLACK_MILLIS);
        assertThat(timed.result().durationMs()).isBetween(400L, 400L + SLACK_MILLIS);
    }

    @Test
    void theCallersRemainingBudgetLowersTheLimit() {
        define("Hanging_Budget", "http://127.0.0.1:" + hanging.port() + "/never", 10_000);
        invoke("Hanging_Budget", 50L);

        Timed timed = invoke("Hanging_Budget", 250L);

        assertThat(timed.result().error().code()).isEqualTo("TIMEOUT");
        assertThat(timed.millis()).isBetween(250L, 250L + SLACK_MILLIS);
    }

    @Test
    void aSlowDripBodyCannotStretchTheLimit() {
        api.on("/drip", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"a\":\"".getBytes());
            for (int i = 0; i < 200; i++) {
                out.write('x');
                out.flush();
                FakeServer.sleep(20);
            }
            out.write("\"}".getBytes());
            out.close();
        });
        define("Drip", api.url() + "/drip", 300);
        invoke("Drip", 50L);

        Timed timed = invoke("Drip", null);

        assertThat(timed.result().error().code()).isEqualTo("TIMEOUT");
        assertThat(timed.millis()).isBetween(300L, 300L + SLACK_MILLIS);
    }

    @Test
    void aLimitOfAFewMillisecondsHolds() {
        define("Tiny_Limit", "http://127.0.0.1:" + hanging.port() + "/never", 5);
        invoke("Tiny_Limit", null);

        Timed timed = invoke("Tiny_Limit", null);

        assertThat(timed.result().error().code()).isEqualTo("TIMEOUT");
        assertThat(timed.result().durationMs()).isLessThan(5 + SLACK_MILLIS);
    }
}
