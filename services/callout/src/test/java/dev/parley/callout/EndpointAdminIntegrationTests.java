package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

@RealInfrastructure(database = "callout", redis = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EndpointAdminIntegrationTests {

    private static final String BEARER_ENDPOINT = """
            {"kind":"http","authentication":{"type":"bearer","token":"tok-s3cr3t"},
             "http":{"method":"POST","urlTemplate":"https://api.example.com/orders/{!id}",
                     "headers":{"X-Tenant":"{!tenant}"},"bodyTemplate":"{\\"note\\":\\"{!note}\\"}"},
             "outputs":{"status":"$.status"},"timeouts":{"callMs":1500}}""";

    @LocalServerPort
    int port;

    CalloutClient client;
    String orgId;

    @BeforeEach
    void setUp() {
        client = new CalloutClient(port);
        orgId = CalloutClient.newOrgId();
    }

    private String path(String name) {
        return "/internal/v1/orgs/" + orgId + "/endpoints/" + name;
    }

    @Test
    void putCreatesThenReplacesAndGetAnswersTheEffectiveConfigWithoutSecrets() {
        CalloutClient.Answer created = client.put(orgId, "Order_Status", BEARER_ENDPOINT);
        CalloutClient.Answer again = client.put(orgId, "Order_Status", BEARER_ENDPOINT);
        CalloutClient.Answer changed = client.put(orgId, "Order_Status", BEARER_ENDPOINT.replace("1500", "2500"));
        CalloutClient.Answer read = client.get(path("Order_Status"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("version").asLong()).isEqualTo(1);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("version").asLong()).isEqualTo(1);
        assertThat(changed.body().get("version").asLong()).isEqualTo(2);
        JsonNode body = read.body();
        assertThat(read.status()).isEqualTo(200);
        assertThat(body.get("timeouts").get("callMs").asLong()).isEqualTo(2500);
        assertThat(body.get("timeouts").get("connectMs").asLong()).isEqualTo(2000);
        assertThat(body.get("circuitBreaker").get("slidingWindowSize").asInt()).isEqualTo(20);
        assertThat(body.get("authentication").get("secretConfigured").asBoolean()).isTrue();
        assertThat(body.get("authentication").get("token").isNull()).isTrue();
        assertThat(body.get("updatedAt").asString()).isNotBlank();
        assertThat(created.body().toString() + changed.body() + read.body()).doesNotContain("tok-s3cr3t");
    }

    @Test
    void listingShowsTheOrgsEndpointsWithoutSecrets() {
        client.define(orgId, "B_Endpoint", BEARER_ENDPOINT);
        client.define(orgId, "A_Endpoint", BEARER_ENDPOINT);

        CalloutClient.Answer list = client.get("/internal/v1/orgs/" + orgId + "/endpoints");

        assertThat(list.body().findValuesAsString("name")).containsExactly("A_Endpoint", "B_Endpoint");
        assertThat(list.body().toString()).doesNotContain("tok-s3cr3t").contains("\"secretConfigured\":true");
    }

    @Test
    void anotherOrgSeesNothingOfIt() {
        client.define(orgId, "Order_Status", BEARER_ENDPOINT);
        String otherOrg = CalloutClient.newOrgId();

        assertThat(client.get("/internal/v1/orgs/" + otherOrg + "/endpoints/Order_Status").status()).isEqualTo(404);
        assertThat(client.get("/internal/v1/orgs/" + otherOrg + "/endpoints").body()).isEmpty();
        assertThat(client.delete("/internal/v1/orgs/" + otherOrg + "/endpoints/Order_Status").status()).isEqualTo(204);
        assertThat(client.get(path("Order_Status")).status()).isEqualTo(200);
    }

    @Test
    void deleteIsIdempotent() {
        client.define(orgId, "Order_Status", BEARER_ENDPOINT);

        assertThat(client.delete(path("Order_Status")).status()).isEqualTo(204);
        assertThat(client.delete(path("Order_Status")).status()).isEqualTo(204);
        CalloutClient.Answer gone = client.get(path("Order_Status"));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("code").asString()).isEqualTo("UNKNOWN_ENDPOINT");
    }

    @Test
    void malformedConfigsAreRejectedNamingFieldAndValue() {
        CalloutClient.Answer answer = client.put(orgId, "Order_Status", """
                {"kind":"http","http":{"urlTemplate":"ftp://files.example.com/x"},
                 "retry":{"maxAttempts":9},"circuitBreaker":{"slowCallDurationMs":-5}}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asString()).isEqualTo("INVALID_ENDPOINT");
        assertThat(answer.body().get("field").asString()).isEqualTo("http.urlTemplate");
        assertThat(answer.body().get("value").asString()).isEqualTo("ftp://files.example.com/x");
        assertThat(answer.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("http.urlTemplate", "retry.maxAttempts", "circuitBreaker.slowCallDurationMs");
        assertThat(answer.body().get("errors").toString()).contains("must be within 1..5").contains("\"value\":\"9\"");
        assertThat(client.get(path("Order_Status")).status()).isEqualTo(404);
    }

    @Test
    void wronglyTypedFieldsAndBrokenJsonAreBadRequests() {
        CalloutClient.Answer typed = client.put(orgId, "Order_Status", "{\"kind\":\"http\",\"timeouts\":{\"callMs\":\"soon\"}}");
        CalloutClient.Answer broken = client.put(orgId, "Order_Status", "{\"kind\":");
        CalloutClient.Answer empty = client.put(orgId, "Order_Status", null);

        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.body().get("field").asString()).isEqualTo("timeouts.callMs");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().get("field").asString()).isEqualTo("body");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void aMisspeltSettingIsRejectedRatherThanIgnored() {
        CalloutClient.Answer answer = client.put(orgId, "Order_Status",
                "{\"kind\":\"http\",\"http\":{\"urlTemplate\":\"https://x.example\"},\"timeouts\":{\"callMillis\":500}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("field").asString()).isEqualTo("timeouts.callMillis");
        assertThat(answer.body().get("detail").asString()).isEqualTo("timeouts.callMillis is not a known setting");
    }

    @Test
    void badPathValuesAreBadRequests() {
        CalloutClient.Answer badName = client.put(orgId, "9lives", BEARER_ENDPOINT);
        CalloutClient.Answer badOrg = client.get("/internal/v1/orgs/org%20x/endpoints");

        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body().get("field").asString()).isEqualTo("name");
        assertThat(badName.body().get("value").asString()).isEqualTo("9lives");
        assertThat(badOrg.status()).isEqualTo(400);
        assertThat(badOrg.body().get("field").asString()).isEqualTo("orgId");
    }

    @Test
    void theInternalCredentialIsRequired() {
        assertThat(client.raw("GET", path("Order_Status"), null, false).statusCode()).isEqualTo(401);
        assertThat(client.raw("PUT", path("Order_Status"), BEARER_ENDPOINT, false).statusCode()).isEqualTo(401);
    }
}
