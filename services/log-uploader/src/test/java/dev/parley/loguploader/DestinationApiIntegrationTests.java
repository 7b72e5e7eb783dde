package dev.parley.loguploader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.loguploader.AdminApi.Response;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The admin API against the real service: settings checked field by field, secrets write-only, orgs kept apart. */
class DestinationApiIntegrationTests extends IntegrationTestSupport {

    private static final String SECRET = "Bearer s3cr3t-" + UUID.randomUUID();

    private final String org = "org" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCreatedDestinationIsReturnedWithoutItsSecret() {
        Response created = api.post(base(org), """
                {"name":"Splunk","url":"https://logs.example.com/hec","authHeaderName":"Authorization",
                 "authHeaderValue":"%s","botIds":["bot-a","bot-a","bot-b"],"batchSize":50,"lingerMillis":250}
                """.formatted(SECRET));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).endsWith(base(org) + "/" + created.json().get("id").stringValue());
        assertThat(created.body()).doesNotContain("s3cr3t");
        assertThat(created.json().get("authHeaderSet").booleanValue()).isTrue();
        assertThat(created.json().get("authHeaderName").stringValue()).isEqualTo("Authorization");
        assertThat(created.json().get("botIds").toString()).isEqualTo("[\"bot-a\",\"bot-b\"]");
        assertThat(created.json().get("enabled").booleanValue()).isTrue();

        Response read = api.get(created.location());
        Response listed = api.get(base(org));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("s3cr3t");
        assertThat(listed.body()).doesNotContain("s3cr3t").contains(created.json().get("id").stringValue());
    }

    @Test
    void defaultsApplyToWhatIsLeftOut() {
        Response created = api.post(base(org), "{\"name\":\"d\",\"url\":\"https://logs.example.com/\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("batchSize").intValue()).isEqualTo(200);
        assertThat(created.json().get("lingerMillis").intValue()).isEqualTo(1000);
        assertThat(created.json().get("authHeaderSet").booleanValue()).isFalse();
        assertThat(created.json().get("botIds").isEmpty()).isTrue();
    }

    @Test
    void replacingKeepsTheSecretUnlessAskedToRemoveIt() {
        String id = api.createDestination(org, Map.of("name", "d", "url", "https://logs.example.com/",
                "authHeaderName", "X-Api-Key", "authHeaderValue", SECRET));

        Response renamed = api.put(base(org) + "/" + id, "{\"name\":\"renamed\",\"url\":\"https://logs.example.com/v2\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().get("name").stringValue()).isEqualTo("renamed");
        assertThat(renamed.json().get("authHeaderSet").booleanValue()).isTrue();
        assertThat(renamed.json().get("authHeaderName").stringValue()).isEqualTo("X-Api-Key");

        Response removed = api.put(base(org) + "/" + id,
                "{\"name\":\"renamed\",\"url\":\"https://logs.example.com/v2\",\"removeAuthHeader\":true}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("authHeaderSet").booleanValue()).isFalse();
    }

    @Test
    void anotherOrgNeitherSeesNorChangesTheDestination() {
        String id = api.createDestination(org, Map.of("name", "d", "url", "https://logs.example.com/"));
        String other = "other" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(api.get(base(other) + "/" + id).status()).isEqualTo(404);
        assertThat(api.get(base(other)).json().get("destinations").isEmpty()).isTrue();
        assertThat(api.put(base(other) + "/" + id, "{\"name\":\"x\",\"url\":\"https://evil.example.com/\"}").status())
                .isEqualTo(404);
        assertThat(api.delete(base(other) + "/" + id).status()).isEqualTo(404);
        assertThat(api.get(base(other) + "/" + id + "/deliveries").status()).isEqualTo(404);
        assertThat(api.post(base(other) + "/" + id + "/deliveries/replay-dead", null).status()).isEqualTo(404);
        assertThat(api.get(base(org) + "/" + id).status()).isEqualTo(200);
    }

    @Test
    void aDeletedDestinationIsGone() {
        String id = api.createDestination(org, Map.of("name", "d", "url", "https://logs.example.com/"));

        assertThat(api.delete(base(org) + "/" + id).status()).isEqualTo(204);
        assertThat(api.get(base(org) + "/" + id).status()).isEqualTo(404);
        assertThat(api.delete(base(org) + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void anOrgMayHaveOnlySoManyDestinations() {
        for (int i = 0; i < 5; i++) {
            api.createDestination(org, Map.of("name", "d" + i, "url", "https://logs.example.com/"));
        }

        Response refused = api.post(base(org), "{\"name\":\"sixth\",\"url\":\"https://logs.example.com/\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").stringValue()).isEqualTo("DESTINATION_LIMIT_REACHED");
    }

    @Test
    void withoutTheInternalCredentialNothingIsAnswered() {
        Response response = api.send("GET", base(org), null, false);

        assertThat(response.status()).isEqualTo(401);
    }

    static Stream<Arguments> badSettings() {
        String url = "\"url\":\"https://logs.example.com/\"";
        return Stream.of(
                Arguments.of("{" + url + "}", "name"),
                Arguments.of("{\"name\":\"  \"," + url + "}", "name"),
                Arguments.of("{\"name\":\"" + "n".repeat(101) + "\"," + url + "}", "name"),
                Arguments.of("{\"name\":\"d\"}", "url"),
                Arguments.of("{\"name\":\"d\",\"url\":\"ftp://logs.example.com/\"}", "url"),
                Arguments.of("{\"name\":\"d\",\"url\":\"https://exa mple.com/\"}", "url"),
                Arguments.of("{\"name\":\"d\",\"url\":\"/relative/path\"}", "url"),
                Arguments.of("{\"name\":\"d\",\"url\":\"https://user:pw@logs.example.com/\"}", "url"),
                Arguments.of("{\"name\":\"d\",\"url\":\"https:///nohost\"}", "url"),
                Arguments.of("{\"name\":\"d\",\"url\":\"https://logs.example.com/" + "p".repeat(2048) + "\"}", "url"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"authHeaderName\":\"Bad Header\",\"authHeaderValue\":\"v\"}",
                        "authHeaderName"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"authHeaderName\":\"Content-Type\",\"authHeaderValue\":\"v\"}",
                        "authHeaderName"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"authHeaderName\":\"Idempotency-Key\",\"authHeaderValue\":\"v\"}",
                        "authHeaderName"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"authHeaderValue\":\"line\\r\\nInjected: yes\"}",
                        "authHeaderValue"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"authHeaderValue\":\"" + "v".repeat(4097) + "\"}",
                        "authHeaderValue"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"authHeaderName\":\"X-Key\"}", "authHeaderValue"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"removeAuthHeader\":true}", "removeAuthHeader"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"botIds\":[\"ok\",\"not ok!\"]}", "botIds[1]"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"botIds\":\"bot\"}", "botIds"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"batchSize\":0}", "batchSize"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"batchSize\":1001}", "batchSize"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"batchSize\":\"ten\"}", "batchSize"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"lingerMillis\":-1}", "lingerMillis"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"lingerMillis\":60001}", "lingerMillis"),
                Arguments.of("{\"name\":\"d\"," + url + ",\"batchsize\":10}", "batchsize"),
                Arguments.of("{\"name\":\"d\"," + url, "body"),
                Arguments.of("", "body"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badSettingsAreRefusedNamingTheField(String body, String field) {
        Response refused = api.post(base(org), body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("field").stringValue()).isEqualTo(field);
        assertThat(refused.json().get("code").stringValue()).isEqualTo("BAD_REQUEST");
        assertThat(refused.body()).doesNotContain("Injected").doesNotContain("Exception").doesNotContain("dev.parley");
    }

    @Test
    void everyBadFieldIsListed() {
        Response refused = api.post(base(org), "{\"name\":\"\",\"url\":\"ftp://x.example.com\",\"batchSize\":0}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("name", "url", "batchSize");
    }

    static Stream<Arguments> badPaths() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("GET", "/internal/v1/orgs/bad%20org/log-destinations", "orgId"),
                Arguments.of("GET", "/internal/v1/orgs/org1/log-destinations/not-a-uuid", "id"),
                Arguments.of("GET", "/internal/v1/orgs/org1/log-destinations/" + id + "/deliveries/nope", "batchId"),
                Arguments.of("POST", "/internal/v1/log-uploader/reprocess", "body"),
                Arguments.of("GET", "/internal/v1/log-uploader/reprocess/nope", "jobId"));
    }

    @ParameterizedTest
    @MethodSource("badPaths")
    void badIdsInPathsAreRefusedNamingThem(String method, String path, String field) {
        Response refused = api.send(method, path, null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("field").stringValue()).isEqualTo(field);
    }

    @Test
    void deliveryListingsCheckTheirParameters() {
        String id = api.createDestination(org, Map.of("name", "d", "url", "https://logs.example.com/"));
        String deliveries = base(org) + "/" + id + "/deliveries";

        assertThat(api.get(deliveries + "?status=lost").json().get("field").stringValue()).isEqualTo("status");
        assertThat(api.get(deliveries + "?limit=0").json().get("field").stringValue()).isEqualTo("limit");
        assertThat(api.get(deliveries + "?limit=many").json().get("field").stringValue()).isEqualTo("limit");
        assertThat(api.get(deliveries + "?cursor=garbage").json().get("field").stringValue()).isEqualTo("cursor");
        assertThat(api.get(deliveries + "?status=dead").json().get("deliveries").isEmpty()).isTrue();
        assertThat(api.post(deliveries + "/" + UUID.randomUUID() + "/replay", null).status()).isEqualTo(404);
    }

    static Stream<Arguments> badReprocessRequests() {
        return Stream.of(
                Arguments.of("{}", "from"),
                Arguments.of("{\"from\":{\"0\":0},\"fromTimestamp\":\"2025-01-01T00:00:00Z\"}", "from"),
                Arguments.of("{\"from\":{}}", "from"),
                Arguments.of("{\"from\":{\"99\":0}}", "from.99"),
                Arguments.of("{\"from\":{\"zero\":0}}", "from.zero"),
                Arguments.of("{\"from\":{\"0\":-5}}", "from.0"),
                Arguments.of("{\"from\":{\"0\":true}}", "from.0"),
                Arguments.of("{\"from\":{\"0\":\"yesterday\"}}", "from.0"),
                Arguments.of("{\"fromTimestamp\":\"yesterday\"}", "fromTimestamp"),
                Arguments.of("{\"fromTimestamp\":\"2999-01-01T00:00:00Z\"}", "fromTimestamp"),
                Arguments.of("{\"fromTimestamp\":\"2025-01-01T00:00:00Z\",\"orgId\":\"bad org\"}", "orgId"),
                Arguments.of("{\"fromTimestamp\":\"2025-01-01T00:00:00Z\",\"until\":1}", "until"));
    }

    @ParameterizedTest
    @MethodSource("badReprocessRequests")
    void badReprocessRequestsAreRefusedNamingTheField(String body, String field) {
        Response refused = api.post("/internal/v1/log-uploader/reprocess", body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("field").stringValue()).isEqualTo(field);
    }

    private static String base(String orgId) {
        return "/internal/v1/orgs/" + orgId + "/log-destinations";
    }

}
