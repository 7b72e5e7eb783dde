package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationRequest;
import dev.parley.callout.api.InvocationResult;
import dev.parley.testkit.RealInfrastructure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@RealInfrastructure(database = "callout", redis = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InvocationIntegrationTests {

    @LocalServerPort
    int port;

    CalloutClient client;
    FakeServer api;
    String orgId;

    @BeforeEach
    void setUp() {
        client = new CalloutClient(port);
        api = new FakeServer();
        orgId = CalloutClient.newOrgId();
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    private void defineHttp(String name, String method, String path, String httpExtra, String topExtra) {
        client.define(orgId, name, """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true%s,
                 "http":{"method":"%s","urlTemplate":"%s%s"%s}}""".formatted(topExtra, method, api.url(), path, httpExtra));
    }

    private void defineHttp(String name, String method, String path, String httpExtra) {
        defineHttp(name, method, path, httpExtra, "");
    }

    @Test
    void fillsTheBodyTemplateAndMapsTheAnswerByJsonPath() {
        api.on("/orders", exchange -> FakeServer.json(exchange, 201, """
                {"order":{"id":"o-77","lines":[{"sku":"A1","qty":2}],"total":19.5,"gift":null}}"""));
        defineHttp("Create_Order", "POST", "/orders/{!customer}?source=bot", """
                ,"headers":{"X-Customer":"{!customer}"},
                 "bodyTemplate":"{\\"sku\\":\\"{!sku}\\",\\"qty\\":{!qty},\\"note\\":\\"{!note}\\"}\"""", """
                ,"outputs":{"orderId":"$.order.id","firstSku":"$.order.lines[0].sku","total":"$.order.total",
                            "gift":"$.order.gift"}""");
        Map<String, Object> inputs = Map.of("customer", "c 1", "sku", "A1", "qty", 2, "note", "say \"hi\"");

        InvocationResult result = client.invoke(orgId, "http", "Create_Order", inputs, 5_000L);

        assertThat(result.outcome()).isEqualTo("SUCCEEDED");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("orderId", "o-77");
        expected.put("firstSku", "A1");
        expected.put("total", 19.5);
        expected.put("gift", null);
        assertThat(result.outputs()).isEqualTo(expected);
        FakeServer.Received received = api.last();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/orders/c 1");
        assertThat(received.query()).isEqualTo("source=bot");
        assertThat(received.header("X-Customer")).isEqualTo("c 1");
        JsonNode body = CalloutClient.JSON.readTree(received.body());
        assertThat(body.get("note").asString()).isEqualTo("say \"hi\"");
        assertThat(body.get("qty").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingOutputPathIsAMappingError() {
        api.on("/status", exchange -> FakeServer.json(exchange, 200, "{\"state\":\"open\"}"));
        defineHttp("Status", "GET", "/status", "", ",\"outputs\":{\"status\":\"$.status.code\"}");

        InvocationResult result = client.invoke(orgId, "externalService", "Status", Map.of(), null);

        assertThat(result.outcome()).isEqualTo("FAILED");
        assertThat(result.error().code()).isEqualTo("MAPPING_ERROR");
        assertThat(result.error().message()).isEqualTo("output 'status': $.status.code is not in the answer");
        assertThat(result.outputs()).isEmpty();
    }

    @Test
    void aMissingInputIsAMappingErrorAndNothingIsSent() {
        defineHttp("Get_Order", "GET", "/orders/{!orderId}", "");

        InvocationResult result = client.invoke(orgId, "http", "Get_Order", Map.of("other", 1), null);

        assertThat(result.error().code()).isEqualTo("MAPPING_ERROR");
        assertThat(result.error().message()).contains("orderId");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void aServerErrorIsAFailedResultWithItsStatus() {
        api.on("/boom", exchange -> FakeServer.json(exchange, 500, "{\"error\":\"db down\"}"));
        defineHttp("Boom", "POST", "/boom", "");

        InvocationResult result = client.invoke(orgId, "http", "Boom", Map.of(), null);

        assertThat(result.outcome()).isEqualTo("FAILED");
        assertThat(result.error().code()).isEqualTo("HTTP_ERROR");
        assertThat(result.error().httpStatus()).isEqualTo(500);
        assertThat(result.error().message()).contains("db down");
        assertThat(api.hits("/boom")).isEqualTo(1); // POST without an idempotency key: never retried
    }

    @Test
    void idempotentCallsAreRetriedOnUnavailableAndPostsOnlyWithAnIdempotencyKey() {
        AtomicInteger calls = new AtomicInteger();
        api.on("/flaky", exchange -> {
            if (calls.incrementAndGet() % 2 == 1) {
                FakeServer.json(exchange, 503, "{}");
            } else {
                FakeServer.json(exchange, 200, "{\"ok\":true}");
            }
        });
        defineHttp("Flaky_Get", "GET", "/flaky", "", ",\"retry\":{\"maxAttempts\":3,\"waitMs\":10}");
        client.define(orgId, "Flaky_Post", """
                {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"idempotencyKeyHeader":"Idempotency-Key",
                 "retry":{"maxAttempts":2,"waitMs":10},"http":{"method":"POST","urlTemplate":"%s/flaky"}}"""
                .formatted(api.url()));

        InvocationResult get = client.invoke(orgId, "http", "Flaky_Get", Map.of(), null);
        InvocationResult post = client.invoke(orgId, new InvocationRequest("inv-post-1", "http", "Flaky_Post",
                Map.of(), null));

        assertThat(get.outcome()).isEqualTo("SUCCEEDED");
        assertThat(post.outcome()).isEqualTo("SUCCEEDED");
        assertThat(calls.get()).isEqualTo(4);
        assertThat(api.received().subList(2, 4)).extracting(r -> r.header("Idempotency-Key"))
                .containsExactly("inv-post-1", "inv-post-1");
    }

    @Test
    void aRepeatedInvocationIdReplaysTheRecordedResultWithoutCallingAgain() {
        AtomicInteger calls = new AtomicInteger();
        api.on("/count", exchange -> FakeServer.json(exchange, 200, "{\"n\":" + calls.incrementAndGet() + "}"));
        defineHttp("Counter", "POST", "/count", "");
        InvocationRequest request = new InvocationRequest("sess-1:turn-3:step-2", "http", "Counter", Map.of(), 2_000L);

        InvocationResult first = client.invoke(orgId, request);
        InvocationResult second = client.invoke(orgId, request);
        CalloutClient.Answer reused = client.post("/internal/v1/orgs/" + orgId + "/invocations",
                CalloutClient.JSON.writeValueAsString(new InvocationRequest("sess-1:turn-3:step-2", "http", "Other",
                        Map.of(), null)));

        assertThat(first.outputs()).isEqualTo(Map.of("n", 1));
        assertThat(first.replayed()).isFalse();
        assertThat(second.outputs()).isEqualTo(Map.of("n", 1));
        assertThat(second.replayed()).isTrue();
        assertThat(calls.get()).isEqualTo(1);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().get("code").asString()).isEqualTo("INVOCATION_ID_REUSED");
    }

    @Test
    void anUnknownActionOrAWrongActionTypeIsEndpointNotFound() {
        defineHttp("Get_Order", "GET", "/orders", "");

        InvocationResult unknown = client.invoke(orgId, "apex", "No_Such_Action", Map.of(), null);
        InvocationResult wrongType = client.invoke(orgId, "flow", "Get_Order", Map.of(), null);
        InvocationResult otherOrg = client.invoke(CalloutClient.newOrgId(), "http", "Get_Order", Map.of(), null);

        assertThat(unknown.error().code()).isEqualTo("ENDPOINT_NOT_FOUND");
        assertThat(wrongType.error().code()).isEqualTo("ENDPOINT_NOT_FOUND");
        assertThat(wrongType.error().message()).contains("kind http").contains("'flow'");
        assertThat(otherOrg.error().code()).isEqualTo("ENDPOINT_NOT_FOUND");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void anOversizedAnswerIsRefused() {
        api.on("/big", exchange -> FakeServer.json(exchange, 200, "{\"blob\":\"" + "x".repeat(5_000) + "\"}"));
        defineHttp("Big", "GET", "/big", "", ",\"maxResponseBytes\":1024");

        InvocationResult result = client.invoke(orgId, "http", "Big", Map.of(), null);

        assertThat(result.error().code()).isEqualTo("RESPONSE_TOO_LARGE");
    }

    @Test
    void malformedInvocationsAreBadRequests() {
        String path = "/internal/v1/orgs/" + orgId + "/invocations";

        CalloutClient.Answer noId = client.post(path, "{\"actionType\":\"http\",\"actionName\":\"A\"}");
        CalloutClient.Answer badTimeout = client.post(path,
                "{\"invocationId\":\"i\",\"actionType\":\"http\",\"actionName\":\"A\",\"timeoutMs\":0}");
        CalloutClient.Answer badInputs = client.post(path,
                "{\"invocationId\":\"i\",\"actionType\":\"http\",\"actionName\":\"A\",\"inputs\":[1,2]}");

        assertThat(List.of(noId.status(), badTimeout.status(), badInputs.status())).containsOnly(400);
        assertThat(noId.body().get("field").asString()).isEqualTo("invocationId");
        assertThat(badTimeout.body().get("field").asString()).isEqualTo("timeoutMs");
        assertThat(badTimeout.body().get("value").asString()).isEqualTo("0");
        assertThat(badInputs.body().get("field").asString()).isEqualTo("inputs");
        assertThat(client.raw("POST", path, "{}", false).statusCode()).isEqualTo(401);
    }
}
