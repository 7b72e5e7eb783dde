package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationResult;
import dev.parley.testkit.RealInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
class BulkheadIsolationIntegrationTests {

    @LocalServerPort
    int port;

    CalloutClient client;
    FakeServer slowApi;
    FakeServer fastApi;
    String orgId;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        client = new CalloutClient(port);
        slowApi = new FakeServer().on("/slow", exchange -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FakeServer.json(exchange, 200, "{\"slow\":true}");
        });
        fastApi = new FakeServer().on("/fast", exchange -> FakeServer.json(exchange, 200, "{\"fast\":true}"));
        orgId = CalloutClient.newOrgId();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        slowApi.close();
        fastApi.close();
    }

    @Test
    void aSaturatedEndpointRefusesExtraCallsAtOnceWhileAnotherKeepsItsLatency() throws Exception {
        client.define(orgId, "Slow_A", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"bulkhead":{"maxConcurrentCalls":4},
                 "timeouts":{"callMs":8000},"http":{"urlTemplate":"%s/slow"}}""".formatted(slowApi.url()));
        client.define(orgId, "Fast_B", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"bulkhead":{"maxConcurrentCalls":4},
                 "http":{"urlTemplate":"%s/fast"}}""".formatted(fastApi.url()));
        List<Long> baseline = latencies("Fast_B", 20);

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<InvocationResult>> slowCalls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                slowCalls.add(callers.submit(() -> client.invoke(orgId, "http", "Slow_A", Map.of(), null)));
            }
            awaitInFlight(4);

            long started = System.nanoTime();
            InvocationResult refused = client.invoke(orgId, "http", "Slow_A", Map.of(), null);
            long refusedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            List<Long> duringSaturation = latencies("Fast_B", 20);
            CalloutClient.Answer health = client.get("/internal/v1/orgs/" + orgId + "/endpoints/Slow_A/health");

            assertThat(refused.error().code()).isEqualTo("BULKHEAD_FULL");
            assertThat(refusedMillis).isLessThan(200);
            assertThat(slowApi.hits("/slow")).isEqualTo(4);
            assertThat(health.body().get("bulkhead").get("availableCalls").asInt()).isZero();
            assertThat(health.body().get("bulkhead").get("maxConcurrentCalls").asInt()).isEqualTo(4);
            long baselineMax = baseline.stream().mapToLong(Long::longValue).max().orElseThrow();
            long saturatedMedian = duringSaturation.stream().sorted().toList().get(duringSaturation.size() / 2);
            assertThat(saturatedMedian).isLessThan(Math.max(50, baselineMax * 3));
            assertThat(duringSaturation).allSatisfy(millis -> assertThat(millis).isLessThan(500));

            release.countDown();
            for (Future<InvocationResult> call : slowCalls) {
                assertThat(call.get(5, TimeUnit.SECONDS).outcome()).isEqualTo("SUCCEEDED");
            }
        }
        assertThat(client.prometheus())
                .containsPattern("resilience4j_bulkhead_max_allowed_concurrent_calls\\{[^}]*name=\"" + orgId + ":Slow_A\"");
    }

    private void awaitInFlight(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slowApi.hits("/slow") < calls && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private List<Long> latencies(String name, int calls) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            InvocationResult result = client.invoke(orgId, "http", name, Map.of(), null);
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertThat(result.outcome()).isEqualTo("SUCCEEDED");
        }
        return millis;
    }
}
