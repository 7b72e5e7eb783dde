package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationResult;
import dev.parley.testkit.RealInfrastructure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
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
class SalesforceIntegrationTests {

    @LocalServerPort
    int port;

    CalloutClient client;
    FakeSalesforce salesforce;
    String orgId;

    @BeforeEach
    void setUp() {
        client = new CalloutClient(port);
        salesforce = new FakeSalesforce();
        orgId = CalloutClient.newOrgId();
    }

    @AfterEach
    void tearDown() {
        salesforce.close();
    }

    private String jwtAuthentication() {
        return """
                {"type":"oauthJwtBearer","consumerKey":"%s","username":"%s","privateKey":%s,
                 "tokenUrl":"%s/services/oauth2/token"}""".formatted(FakeSalesforce.CONSUMER_KEY,
                FakeSalesforce.USERNAME, CalloutClient.JSON.writeValueAsString(FakeSalesforce.privateKeyPem()),
                salesforce.url());
    }

    private String clientCredentials() {
        return """
                {"type":"oauthClientCredentials","clientId":"%s","clientSecret":"%s"}"""
                .formatted(FakeSalesforce.CLIENT_ID, FakeSalesforce.CLIENT_SECRET);
    }

    private void define(String name, String kind, String authentication, String extra) {
        client.define(orgId, name, """
                {"kind":"%s","baseUrl":"%s","allowHttp":true,"allowPrivateNetwork":true,"authentication":%s%s}"""
                .formatted(kind, salesforce.url(), authentication, extra));
    }

    @Test
    void apexCallsAuthenticateWithAJwtBearerTokenAndMapTheAnswer() {
        define("Order_Status", "apex", jwtAuthentication(), ",\"apexPath\":\"orders/status\","
                + "\"outputs\":{\"status\":\"$.status\",\"etaDays\":\"$.eta.days\"}");

        InvocationResult first = client.invoke(orgId, "apex", "Order_Status", Map.of("orderId", "00012"), 5_000L);
        InvocationResult second = client.invoke(orgId, "apex", "Order_Status", Map.of("orderId", "00013"), 5_000L);

        assertThat(first.outputs()).isEqualTo(Map.of("status", "Shipped", "etaDays", 2));
        assertThat(second.outcome()).isEqualTo("SUCCEEDED");
        assertThat(salesforce.tokensIssued()).isEqualTo(1);
        FakeServer.Received apex = salesforce.server().last();
        assertThat(apex.path()).isEqualTo("/services/apexrest/orders/status");
        assertThat(CalloutClient.JSON.readTree(apex.body()).get("orderId").asString()).isEqualTo("00013");
        assertThat(apex.header("Authorization")).isEqualTo("Bearer 00Dxx0000001gPL!AR8AQ1");
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallSucceeds() {
        define("Order_Status", "apex", jwtAuthentication(), ",\"apexPath\":\"orders/status\"");
        assertThat(client.invoke(orgId, "apex", "Order_Status", Map.of("orderId", "1"), null).outcome())
                .isEqualTo("SUCCEEDED");

        salesforce.expireTokens();
        InvocationResult afterExpiry = client.invoke(orgId, "apex", "Order_Status", Map.of("orderId", "2"), null);

        assertThat(afterExpiry.outcome()).isEqualTo("SUCCEEDED");
        assertThat(afterExpiry.outputs()).containsEntry("orderId", "2").containsEntry("status", "Shipped");
        assertThat(salesforce.tokensIssued()).isEqualTo(2);
        assertThat(salesforce.server().hits("/services/apexrest/")).isEqualTo(3);
        assertThat(salesforce.server().hits("/services/oauth2/token")).isEqualTo(2);
    }

    @Test
    void aFailingTokenEndpointIsAnAuthFailure() {
        salesforce.tokenEndpointAnswers(400);
        define("Order_Status", "apex", jwtAuthentication(), "");

        InvocationResult result = client.invoke(orgId, "apex", "Order_Status", Map.of(), null);

        assertThat(result.error().code()).isEqualTo("AUTH_FAILED");
        assertThat(result.error().httpStatus()).isEqualTo(400);
        assertThat(result.error().message()).contains("invalid_grant");
        assertThat(salesforce.server().hits("/services/apexrest/")).isZero();
    }

    @Test
    void flowsRunThroughTheActionsEndpointWithClientCredentials() {
        define("Get_Case_Status", "flow", clientCredentials(), "");

        InvocationResult result = client.invoke(orgId, "flow", "Get_Case_Status", Map.of("caseNumber", "00001026"), null);
        InvocationResult failed = client.invoke(orgId, "flow", "Get_Case_Status", Map.of("other", "x"), null);

        assertThat(result.outputs()).isEqualTo(Map.of("caseStatus", "Escalated", "Flow__InterviewStatus", "Finished"));
        FakeServer.Received sent = salesforce.server().received().stream()
                .filter(r -> r.path().contains("/actions/custom/flow/")).findFirst().orElseThrow();
        assertThat(sent.path()).isEqualTo("/services/data/v62.0/actions/custom/flow/Get_Case_Status");
        assertThat(CalloutClient.JSON.readTree(sent.body()).get("inputs").get(0).get("caseNumber").asString())
                .isEqualTo("00001026");
        assertThat(failed.error().code()).isEqualTo("HTTP_ERROR");
        assertThat(failed.error().httpStatus()).isEqualTo(400);
        assertThat(failed.error().message()).contains("REQUIRED_FIELD_MISSING");
    }

    @Test
    void recordLookupsQueryWithEscapedLiteralsAndMapTheFirstRecord() {
        define("Find_Account", "recordLookup", clientCredentials(), """
                ,"soqlTemplate":"SELECT Id, Name, Owner.Name FROM Account WHERE Name = {!name} LIMIT 1",
                 "outputs":{"accountId":"$.Id","owner":"$.Owner.Name"}""");

        InvocationResult found = client.invoke(orgId, "recordLookup", "Find_Account", Map.of("name", "Acme"), null);
        InvocationResult none = client.invoke(orgId, "recordLookup", "Find_Account",
                Map.of("name", "x' OR Name != 'y"), null);

        assertThat(found.outputs()).isEqualTo(Map.of("accountId", "001xx000003DGb2AAG", "owner", "Ada"));
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("accountId", null);
        nulls.put("owner", null);
        assertThat(none.outcome()).isEqualTo("SUCCEEDED");
        assertThat(none.outputs()).isEqualTo(nulls);
        String query = URLDecoder.decode(salesforce.server().last().query().substring(2), StandardCharsets.UTF_8);
        assertThat(query).isEqualTo("SELECT Id, Name, Owner.Name FROM Account WHERE Name = 'x\\' OR Name != \\'y' LIMIT 1");
    }

    @Test
    void theEnginesStructuredLookupsRunThroughTheOrgsLookupEndpoint() {
        define("recordLookup", "recordLookup", clientCredentials(), "");
        Map<String, Object> inputs = Map.of("sObjectType", "Account", "fields", List.of("Id", "Name", "Owner.Name"),
                "conditions", List.of(Map.of("field", "Name", "operator", "Equals", "value", "Acme")),
                "filterLogic", "And", "maxResults", 1);

        InvocationResult result = client.invoke(orgId, "recordLookup", "Account", inputs, null);

        assertThat(result.outcome()).isEqualTo("SUCCEEDED");
        assertThat(result.outputs()).isEqualTo(Map.of("totalSize", 1, "records", List.of(Map.of(
                "Id", "001xx000003DGb2AAG", "Name", "Acme", "Owner", Map.of("Name", "Ada")))));
        String query = URLDecoder.decode(salesforce.server().last().query().substring(2), StandardCharsets.UTF_8);
        assertThat(query).isEqualTo("SELECT Id, Name, Owner.Name FROM Account WHERE Name = 'Acme' LIMIT 1");
    }

    @Test
    void secretsNeverShowInAnswers() {
        define("Order_Status", "apex", jwtAuthentication(), "");
        define("Get_Case_Status", "flow", clientCredentials(), "");

        String everything = client.get("/internal/v1/orgs/" + orgId + "/endpoints").body().toString()
                + client.get("/internal/v1/orgs/" + orgId + "/endpoints/Order_Status").body();

        assertThat(everything).doesNotContain("PRIVATE KEY").doesNotContain(FakeSalesforce.CLIENT_SECRET)
                .contains(FakeSalesforce.CONSUMER_KEY);
    }
}
