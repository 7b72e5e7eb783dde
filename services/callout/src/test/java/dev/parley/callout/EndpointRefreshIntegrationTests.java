package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationResult;
import dev.parley.testkit.RealInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Changes another replica made reach this one within the refresh interval, and the invocation that notices an old
 * copy does not wait for PostgreSQL: it runs on that copy while the version is checked in the background.
 */
@RealInfrastructure(database = "callout", redis = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parley.callout.registry.refresh-interval=300ms")
@ActiveProfiles("test")
class EndpointRefreshIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    CalloutClient client;
    FakeServer api;
    String orgId;

    @BeforeEach
    void setUp() {
        client = new CalloutClient(port);
        api = new FakeServer()
                .on("/v1", exchange -> FakeServer.json(exchange, 200, "{\"where\":\"v1\"}"))
                .on("/v2", exchange -> FakeServer.json(exchange, 200, "{\"where\":\"v2\"}"))
                .on("/v3", exchange -> FakeServer.json(exchange, 200, "{\"where\":\"v3\"}"));
        orgId = CalloutClient.newOrgId();
        client.define(orgId, "Moving", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,
                 "http":{"urlTemplate":"%s/v1"},"outputs":{"where":"$.where"}}""".formatted(api.url()));
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    private InvocationResult call() {
        return client.invoke(orgId, "http", "Moving", Map.of(), null);
    }

    /** What another replica's save does: a new configuration under the next version. */
    private void changedElsewhere(String path) {
        jdbc.update("update callout_endpoint set config = jsonb_set(config, '{http,urlTemplate}', to_jsonb(?::text)), "
                + "version = version + 1 where org_id = ? and name = 'Moving'", api.url() + path, orgId);
    }

    private InvocationResult awaitCall(Predicate<InvocationResult> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        InvocationResult result = call();
        while (!done.test(result) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            result = call();
        }
        return result;
    }

    @Test
    void aChangeMadeElsewhereArrivesAfterTheIntervalWithoutHoldingTheCallThatNoticedIt() throws InterruptedException {
        assertThat(call().outputs()).containsEntry("where", "v1");

        changedElsewhere("/v2");
        Thread.sleep(400);

        assertThat(call().outputs()).as("the call that finds its copy old runs on it")
                .containsEntry("where", "v1");
        assertThat(awaitCall(result -> "v2".equals(result.outputs().get("where"))).outputs())
                .containsEntry("where", "v2");
    }

    @Test
    void anEndpointDeletedElsewhereStopsBeingCalled() throws InterruptedException {
        assertThat(call().outcome()).isEqualTo("SUCCEEDED");

        jdbc.update("delete from callout_endpoint where org_id = ? and name = 'Moving'", orgId);
        Thread.sleep(400);

        InvocationResult result = awaitCall(r -> r.error() != null);
        assertThat(result.error().code()).isEqualTo("ENDPOINT_NOT_FOUND");
    }

    @Test
    void aChangeMadeThroughThisReplicaTakesEffectAtOnce() {
        assertThat(call().outputs()).containsEntry("where", "v1");

        client.define(orgId, "Moving", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,
                 "http":{"urlTemplate":"%s/v3"},"outputs":{"where":"$.where"}}""".formatted(api.url()));

        assertThat(call().outputs()).containsEntry("where", "v3");
    }
}
