package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationResult;
import dev.parley.testkit.RealInfrastructure;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@RealInfrastructure(database = "callout", redis = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CircuitBreakerIntegrationTests {

    @LocalServerPort
    int port;

    CalloutClient client;
    FakeServer api;
    String orgId;
    volatile int status = 500;

    @BeforeEach
    void setUp() {
        client = new CalloutClient(port);
        api = new FakeServer().on("/svc", exchange -> FakeServer.json(exchange, status, "{\"status\":" + status + "}"));
        orgId = CalloutClient.newOrgId();
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    private InvocationResult call() {
        return client.invoke(orgId, "http", "Flaky", Map.of(), null);
    }

    private String state() {
        return client.get("/internal/v1/orgs/" + orgId + "/endpoints/Flaky/health").body().get("circuitBreaker")
                .get("state").asString();
    }

    private String metricLine(String prefix, String extraLabel) {
        String name = orgId + ":Flaky";
        return client.prometheus().lines()
                .filter(line -> line.startsWith(prefix + "{") && line.contains("name=\"" + name + "\"")
                        && line.contains(extraLabel))
                .findFirst().orElse("");
    }

    /** The value of the sample of {@code metric} carrying every one of {@code labels}, or "" when there is none. */
    private static String metric(String prometheus, String metric, String... labels) {
        return prometheus.lines()
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .findFirst().orElse("");
    }

    @Test
    void opensAfterTheConfiguredFailuresShortCircuitsHalfOpensAndClosesOnRecovery() throws InterruptedException {
        client.define(orgId, "Flaky", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"retry":{"maxAttempts":1},
                 "circuitBreaker":{"failureRateThreshold":50,"minimumNumberOfCalls":4,"slidingWindowSize":4,
                                   "waitDurationInOpenStateMs":1500,"permittedCallsInHalfOpenState":2},
                 "http":{"urlTemplate":"%s/svc"}}""".formatted(api.url()));

        for (int i = 0; i < 4; i++) {
            assertThat(call().error().code()).isEqualTo("HTTP_ERROR");
        }
        assertThat(state()).isEqualTo("OPEN");
        assertThat(metricLine("resilience4j_circuitbreaker_state", "state=\"open\"")).endsWith(" 1.0");

        InvocationResult shortCircuited = call();
        assertThat(shortCircuited.error().code()).isEqualTo("CIRCUIT_OPEN");
        assertThat(api.hits("/svc")).isEqualTo(4);
        assertThat(metricLine("resilience4j_circuitbreaker_not_permitted_calls_total", "")).endsWith(" 1.0");

        Thread.sleep(1600);
        status = 200;
        assertThat(call().outcome()).isEqualTo("SUCCEEDED");
        assertThat(state()).isEqualTo("HALF_OPEN");
        assertThat(metricLine("resilience4j_circuitbreaker_state", "state=\"half_open\"")).endsWith(" 1.0");
        assertThat(call().outcome()).isEqualTo("SUCCEEDED");

        assertThat(state()).isEqualTo("CLOSED");
        assertThat(metricLine("resilience4j_circuitbreaker_state", "state=\"closed\"")).endsWith(" 1.0");
        assertThat(api.hits("/svc")).isEqualTo(6);
        String prometheus = client.prometheus();
        String name = "name=\"" + orgId + ":Flaky\"";
        assertThat(metric(prometheus, "parley_callout_circuitbreaker_transitions_total", name, "from=\"CLOSED\"",
                "to=\"OPEN\"")).isEqualTo("1.0");
        assertThat(metric(prometheus, "parley_callout_circuitbreaker_transitions_total", name, "from=\"OPEN\"",
                "to=\"HALF_OPEN\"")).isEqualTo("1.0");
        assertThat(metric(prometheus, "parley_callout_circuitbreaker_transitions_total", name, "from=\"HALF_OPEN\"",
                "to=\"CLOSED\"")).isEqualTo("1.0");
        assertThat(metric(prometheus, "parley_callout_invocations_seconds_count", name, "code=\"CIRCUIT_OPEN\"",
                "outcome=\"FAILED\"")).isEqualTo("1");
    }

    @Test
    void slowCallsOpenItToo() {
        api.on("/slow", exchange -> {
            FakeServer.sleep(60);
            FakeServer.json(exchange, 200, "{}");
        });
        client.define(orgId, "Flaky", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,
                 "circuitBreaker":{"slowCallRateThreshold":50,"slowCallDurationMs":30,"minimumNumberOfCalls":2,
                                   "slidingWindowSize":2,"waitDurationInOpenStateMs":60000},
                 "http":{"urlTemplate":"%s/slow"}}""".formatted(api.url()));

        assertThat(call().outcome()).isEqualTo("SUCCEEDED");
        assertThat(call().outcome()).isEqualTo("SUCCEEDED");

        assertThat(call().error().code()).isEqualTo("CIRCUIT_OPEN");
        assertThat(api.hits("/slow")).isEqualTo(2);
    }

    @Test
    void clientErrorsDoNotCountAgainstTheEndpoint() {
        status = 404;
        client.define(orgId, "Flaky", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,
                 "circuitBreaker":{"minimumNumberOfCalls":2,"slidingWindowSize":2},
                 "http":{"urlTemplate":"%s/svc"}}""".formatted(api.url()));

        for (int i = 0; i < 4; i++) {
            assertThat(call().error().httpStatus()).isEqualTo(404);
        }

        assertThat(state()).isEqualTo("CLOSED");
    }

    @Test
    void changingTheConfigurationRebuildsTheBreaker() {
        client.define(orgId, "Flaky", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"retry":{"maxAttempts":1},
                 "circuitBreaker":{"minimumNumberOfCalls":2,"slidingWindowSize":2,"waitDurationInOpenStateMs":60000},
                 "http":{"urlTemplate":"%s/svc"}}""".formatted(api.url()));
        call();
        call();
        assertThat(state()).isEqualTo("OPEN");

        status = 200;
        client.define(orgId, "Flaky", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"retry":{"maxAttempts":1},
                 "circuitBreaker":{"minimumNumberOfCalls":3,"slidingWindowSize":3,"waitDurationInOpenStateMs":60000},
                 "http":{"urlTemplate":"%s/svc"}}""".formatted(api.url()));

        assertThat(call().outcome()).isEqualTo("SUCCEEDED");
        assertThat(client.get("/internal/v1/orgs/" + orgId + "/endpoints/Flaky/health").body().get("version").asLong())
                .isEqualTo(2);
        assertThat(state()).isEqualTo("CLOSED");
    }
}
