package dev.parley.callout.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.callout.CalloutClient;
import dev.parley.callout.FakeSalesforce;
import dev.parley.callout.api.EndpointConfig;
import dev.parley.callout.http.TargetProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointValidatorTests {

    private final EndpointValidator validator = new EndpointValidator(new TargetProperties(false, 3), CalloutClient.JSON);

    private EndpointConfig parse(String json) {
        return CalloutClient.JSON.readValue(json, EndpointConfig.class);
    }

    private List<InvalidEndpointException.Violation> violations(String name, String json) {
        try {
            validator.validate(name, parse(json), null);
        } catch (InvalidEndpointException e) {
            return e.violations();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void fillsEveryDefault() {
        EndpointConfig endpoint = validator.validate("Get_Order",
                parse("{\"kind\":\"http\",\"http\":{\"urlTemplate\":\"https://api.example.com/orders/{!id}\"}}"), null);

        assertThat(endpoint.name()).isEqualTo("Get_Order");
        assertThat(endpoint.http().method()).isEqualTo("GET");
        assertThat(endpoint.authentication().type()).isEqualTo("none");
        assertThat(endpoint.timeouts().callMs()).isEqualTo(10_000);
        assertThat(endpoint.timeouts().connectMs()).isEqualTo(2_000);
        assertThat(endpoint.retry().maxAttempts()).isEqualTo(2);
        assertThat(endpoint.circuitBreaker().failureRateThreshold()).isEqualTo(50);
        assertThat(endpoint.circuitBreaker().waitDurationInOpenStateMs()).isEqualTo(30_000);
        assertThat(endpoint.bulkhead().maxConcurrentCalls()).isEqualTo(20);
        assertThat(endpoint.maxResponseBytes()).isEqualTo(1024 * 1024);
        assertThat(endpoint.allowHttp()).isFalse();
        assertThat(endpoint.allowPrivateNetwork()).isFalse();
    }

    @Test
    void salesforceKindsDefaultTheirPathsAndTokenUrls() {
        EndpointConfig apex = validator.validate("Order_Status", parse("""
                {"kind":"apex","baseUrl":"https://acme.my.salesforce.com/","authentication":{"type":"oauthJwtBearer",
                 "consumerKey":"ck","username":"u@acme.example","privateKey":%s}}
                """.formatted(CalloutClient.JSON.writeValueAsString(FakeSalesforce.privateKeyPem()))), null);
        EndpointConfig flow = validator.validate("Case_Flow", parse("""
                {"kind":"flow","baseUrl":"https://acme.my.salesforce.com","authentication":{"type":"oauthClientCredentials",
                 "clientId":"id","clientSecret":"s"}}"""), null);

        assertThat(apex.baseUrl()).isEqualTo("https://acme.my.salesforce.com");
        assertThat(apex.apexPath()).isEqualTo("Order_Status");
        assertThat(apex.authentication().tokenUrl()).isEqualTo("https://login.salesforce.com/services/oauth2/token");
        assertThat(apex.authentication().audience()).isEqualTo("https://login.salesforce.com");
        assertThat(flow.flowName()).isEqualTo("Case_Flow");
        assertThat(flow.authentication().tokenUrl()).isEqualTo("https://acme.my.salesforce.com/services/oauth2/token");
    }

    @Test
    void reportsEveryViolationWithFieldAndValue() {
        List<InvalidEndpointException.Violation> violations = violations("Get_Order", """
                {"kind":"http","http":{"method":"FETCH","urlTemplate":"https://x.example/{!id"},
                 "timeouts":{"callMs":0},"circuitBreaker":{"failureRateThreshold":101},"bulkhead":{"maxConcurrentCalls":0},
                 "outputs":{"status":"$.a[*]"},"maxResponseBytes":999999999}
                """);

        assertThat(violations).extracting(InvalidEndpointException.Violation::field, InvalidEndpointException.Violation::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("http.method", "FETCH"),
                        org.assertj.core.groups.Tuple.tuple("http.urlTemplate", "https://x.example/{!id"),
                        org.assertj.core.groups.Tuple.tuple("timeouts.callMs", "0"),
                        org.assertj.core.groups.Tuple.tuple("circuitBreaker.failureRateThreshold", "101"),
                        org.assertj.core.groups.Tuple.tuple("bulkhead.maxConcurrentCalls", "0"),
                        org.assertj.core.groups.Tuple.tuple("outputs.status", "$.a[*]"),
                        org.assertj.core.groups.Tuple.tuple("maxResponseBytes", "999999999"));
        assertThat(violations).filteredOn(v -> v.field().equals("timeouts.callMs"))
                .extracting(InvalidEndpointException.Violation::message).containsExactly("must be within 1..25000");
    }

    @Test
    void rejectsFieldsOfOtherKindsAndTypes() {
        assertThat(violations("A", """
                {"kind":"apex","baseUrl":"https://acme.my.salesforce.com","soqlTemplate":"SELECT Id FROM A",
                 "authentication":{"type":"bearer","token":"t","clientId":"c"}}"""))
                .extracting(InvalidEndpointException.Violation::field)
                .containsExactlyInAnyOrder("soqlTemplate", "authentication.clientId");
    }

    @Test
    void aSalesforceKindNeedsCredentialsAndAnInstanceUrl() {
        assertThat(violations("A", "{\"kind\":\"flow\"}")).extracting(InvalidEndpointException.Violation::field)
                .containsExactlyInAnyOrder("baseUrl", "authentication.type");
    }

    @Test
    void invalidBodyTemplatesAndHeadersAreRejected() {
        assertThat(violations("A", """
                {"kind":"http","http":{"method":"POST","urlTemplate":"https://x.example/a",
                 "headers":{"Host":"evil","X-Ok":"a\\r\\nb"},"bodyTemplate":"{\\"a\\": {!x}"}}"""))
                .extracting(InvalidEndpointException.Violation::field, InvalidEndpointException.Violation::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("http.headers", "is not a header name that may be set"),
                        org.assertj.core.groups.Tuple.tuple("http.headers.X-Ok",
                                "must be at most 4096 characters without line breaks"),
                        org.assertj.core.groups.Tuple.tuple("http.bodyTemplate",
                                "is not valid JSON once its placeholders are filled"));
    }

    @Test
    void secretsAreNeverEchoedInViolations() {
        List<InvalidEndpointException.Violation> violations = violations("A", """
                {"kind":"apex","baseUrl":"https://acme.my.salesforce.com","authentication":{"type":"oauthJwtBearer",
                 "consumerKey":"ck","username":"u","privateKey":"-----BEGIN PRIVATE KEY-----\\nc2VjcmV0\\n-----END PRIVATE KEY-----"}}""");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("authentication.privateKey");
            assertThat(v.value()).doesNotContain("c2VjcmV0").isEqualTo("(secret, not shown)");
        });
    }

    @Test
    void privateNetworkAccessNeedsTheServiceToPermitIt() {
        String json = "{\"kind\":\"http\",\"allowPrivateNetwork\":true,\"http\":{\"urlTemplate\":\"https://x.example\"}}";

        assertThat(violations("A", json)).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("allowPrivateNetwork"));
        assertThat(new EndpointValidator(new TargetProperties(true, 3), CalloutClient.JSON)
                .validate("A", parse(json), null).allowPrivateNetwork()).isTrue();
    }

    @Test
    void anOmittedSecretKeepsTheStoredOneOfTheSameType() {
        EndpointConfig stored = validator.validate("A", parse("""
                {"kind":"http","authentication":{"type":"bearer","token":"s3cret"},"http":{"urlTemplate":"https://x.example"}}"""),
                null);
        String update = """
                {"kind":"http","authentication":{"type":"bearer"},"http":{"urlTemplate":"https://y.example"}}""";

        assertThat(validator.validate("A", parse(update), stored).authentication().token()).isEqualTo("s3cret");
        assertThatThrownBy(() -> validator.validate("A", parse(update), null))
                .isInstanceOf(InvalidEndpointException.class).hasMessageContaining("authentication.token");
    }

    @Test
    void theNameInTheBodyMustMatchThePath() {
        assertThat(violations("A", "{\"name\":\"B\",\"kind\":\"http\",\"http\":{\"urlTemplate\":\"https://x.example\"}}"))
                .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("name"));
    }
}
