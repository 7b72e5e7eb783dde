package dev.parley.sessionstore;

import static dev.parley.sessionstore.SessionStoreClient.newSessionId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.RealInfrastructure;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

@RealInfrastructure(postgres = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BadRequestIntegrationTests {

    private static final String GOOD_SESSION = record("null", "\"org-1\"", "\"ACTIVE\"", "\"{}\"");

    @LocalServerPort
    int port;

    SessionStoreClient client;

    @BeforeEach
    void setUp() {
        client = new SessionStoreClient(port);
    }

    static Stream<Arguments> badRequests() {
        String lease = "/internal/v1/sessions/s-1/lease";
        String commit = "/internal/v1/sessions/s-1/commits";
        return Stream.of(
                Arguments.of(HttpMethod.POST, "/internal/v1/sessions/bad_id/lease", lease(1_000, 0, "\"k\""), "sessionId"),
                Arguments.of(HttpMethod.POST, "/internal/v1/sessions/" + "x".repeat(65) + "/lease",
                        lease(1_000, 0, "\"k\""), "sessionId"),
                Arguments.of(HttpMethod.POST, lease, lease(99, 0, "\"k\""), "ttlMillis"),
                Arguments.of(HttpMethod.POST, lease, lease(60_001, 0, "\"k\""), "ttlMillis"),
                Arguments.of(HttpMethod.POST, lease, lease(1_000, -1, "\"k\""), "waitMillis"),
                Arguments.of(HttpMethod.POST, lease, lease(1_000, 30_001, "\"k\""), "waitMillis"),
                Arguments.of(HttpMethod.POST, lease, lease(1_000, 0, "\"\""), "messageKey"),
                Arguments.of(HttpMethod.POST, lease, lease(1_000, 0, "\"" + "k".repeat(129) + "\""), "messageKey"),
                Arguments.of(HttpMethod.POST, lease, lease(1_000, 0, "null"), "messageKey"),
                Arguments.of(HttpMethod.POST, lease, "{\"holder\":\"h\",\"ttlMillis\":", "body"),
                Arguments.of(HttpMethod.POST, lease, "{\"ttlMillis\":\"soon\"}", "ttlMillis"),
                Arguments.of(HttpMethod.POST, lease, null, "body"),
                Arguments.of(HttpMethod.POST, commit, commit("0", GOOD_SESSION, "\"k\"", "60000"), "fencingToken"),
                Arguments.of(HttpMethod.POST, commit, commit("1", "null", "\"k\"", "60000"), "session"),
                Arguments.of(HttpMethod.POST, commit,
                        commit("1", record("\"other\"", "\"org-1\"", "\"ACTIVE\"", "\"{}\""), "\"k\"", "60000"),
                        "session.sessionId"),
                Arguments.of(HttpMethod.POST, commit,
                        commit("1", record("null", "\" \"", "\"ACTIVE\"", "\"{}\""), "\"k\"", "60000"),
                        "session.orgId"),
                Arguments.of(HttpMethod.POST, commit,
                        commit("1", record("null", "\"org-1\"", "\"PAUSED\"", "\"{}\""), "\"k\"", "60000"),
                        "session.status"),
                Arguments.of(HttpMethod.POST, commit,
                        commit("1", record("null", "\"org-1\"", "\"ACTIVE\"", "null"), "\"k\"", "60000"),
                        "session.stateJson"),
                Arguments.of(HttpMethod.POST, commit, commit("1", GOOD_SESSION, "\"\"", "60000"), "messageKey"),
                Arguments.of(HttpMethod.POST, commit, commit("1", GOOD_SESSION, "\"k\"", "999"), "idleTimeoutMillis"),
                Arguments.of(HttpMethod.POST, commit,
                        "{\"fencingToken\":1,\"session\":" + GOOD_SESSION + ",\"messageKey\":\"k\",\"replyJson\":\"{}\","
                                + "\"events\":[{\"topic\":\"t\",\"payloadJson\":\"{}\",\"committedAtEpochMillis\":0}],"
                                + "\"idleTimeoutMillis\":60000}",
                        "events[0].eventId"),
                Arguments.of(HttpMethod.POST, commit,
                        "{\"fencingToken\":1,\"session\":" + GOOD_SESSION + ",\"messageKey\":\"k\",\"replyJson\":\"{}\","
                                + "\"events\":[{\"eventId\":\"x\"}],\"idleTimeoutMillis\":60000}",
                        "events[0].eventId"),
                Arguments.of(HttpMethod.DELETE, "/internal/v1/sessions/s-1/lease/abc", null, "fencingToken"),
                Arguments.of(HttpMethod.DELETE, "/internal/v1/sessions/s-1/lease/0", null, "fencingToken"),
                Arguments.of(HttpMethod.DELETE, "/internal/v1/sessions/s.1/lease/1", null, "sessionId"),
                Arguments.of(HttpMethod.GET, "/internal/v1/outbox?limit=0", null, "limit"),
                Arguments.of(HttpMethod.GET, "/internal/v1/outbox?limit=1001", null, "limit"),
                Arguments.of(HttpMethod.GET, "/internal/v1/outbox?limit=many", null, "limit"),
                Arguments.of(HttpMethod.GET, "/internal/v1/outbox?olderThanMillis=-1", null, "olderThanMillis"),
                Arguments.of(HttpMethod.POST, "/internal/v1/outbox/acks", "{}", "eventIds"),
                Arguments.of(HttpMethod.POST, "/internal/v1/outbox/acks", "{\"eventIds\":[null]}", "eventIds"),
                Arguments.of(HttpMethod.POST, "/internal/v1/outbox/acks", "{\"eventIds\":[\"not-a-uuid\"]}",
                        "eventIds[0]"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> 400 on {3}")
    @MethodSource("badRequests")
    void badInputIsA400ProblemNamingTheField(HttpMethod method, String path, String body, String field) {
        SessionStoreClient.Response response = client.call(method, path, body, SessionStoreClient.CREDENTIAL);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problem()).containsEntry("code", "BAD_REQUEST").containsEntry("field", field);
    }

    @Test
    void missingCredentialIsRefusedWith401() {
        SessionStoreClient.Response response = client.call(HttpMethod.POST,
                "/internal/v1/sessions/" + newSessionId() + "/lease", lease(1_000, 0, "\"k\""), null);

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void wrongCredentialIsRefusedWith401() {
        SessionStoreClient.Response response = client.call(HttpMethod.GET, "/internal/v1/outbox", null, "wrong");

        assertThat(response.status()).isEqualTo(401);
    }

    private static String lease(long ttl, long wait, String messageKey) {
        return "{\"holder\":\"h\",\"ttlMillis\":" + ttl + ",\"waitMillis\":" + wait + ",\"messageKey\":" + messageKey
                + "}";
    }

    private static String commit(String token, String session, String messageKey, String idle) {
        return "{\"fencingToken\":" + token + ",\"session\":" + session + ",\"messageKey\":" + messageKey
                + ",\"replyJson\":\"{}\",\"events\":[],\"idleTimeoutMillis\":" + idle + "}";
    }

    private static String record(String sessionId, String orgId, String status, String stateJson) {
        return "{\"sessionId\":" + sessionId + ",\"orgId\":" + orgId + ",\"botId\":\"b\",\"botVersion\":\"1\","
                + "\"status\":" + status + ",\"stateJson\":" + stateJson + ",\"version\":0}";
    }
}
