package dev.parley.sessionstore;

import static dev.parley.sessionstore.SessionStoreClient.commitRequest;
import static dev.parley.sessionstore.SessionStoreClient.leaseRequest;
import static dev.parley.sessionstore.SessionStoreClient.newSessionId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.CommitResult;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.OutboxAck;
import dev.parley.sessionstore.api.SessionRecord;
import dev.parley.testkit.RealInfrastructure;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

@RealInfrastructure(postgres = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CommitIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    SessionStoreClient client;
    String sessionId;

    @BeforeEach
    void setUp() {
        client = new SessionStoreClient(port);
        sessionId = newSessionId();
    }

    @Test
    void eachCommitStoresTheStateAndBumpsTheVersion() {
        LeaseGranted first = client.granted(sessionId, leaseRequest("start", 10_000, 0));
        CommitResult one = client.committed(sessionId, commitRequest(sessionId, first.fencingToken(), "start",
                "{\"step\":1}", List.of(), 60_000));
        LeaseGranted second = client.granted(sessionId, leaseRequest("seq:1", 10_000, 0));
        CommitRequest ending = new CommitRequest(second.fencingToken(),
                new SessionRecord(null, "org-1", "bot-1", "v1", "ENDED", "{\"step\":2}", 0), "seq:1", "{}", null,
                60_000);
        CommitResult two = client.committed(sessionId, ending);

        assertThat(one).isEqualTo(new CommitResult(sessionId, 1));
        assertThat(two).isEqualTo(new CommitResult(sessionId, 2));
        assertThat(second.session()).isEqualTo(
                new SessionRecord(sessionId, "org-1", "bot-1", "v1", "ACTIVE", "{\"step\":1}", 1));
        assertThat(client.granted(sessionId, leaseRequest("seq:2", 10_000, 0)).session()).isEqualTo(
                new SessionRecord(sessionId, "org-1", "bot-1", "v1", "ENDED", "{\"step\":2}", 2));
    }

    @Test
    void commitReleasesTheLeaseAndPutsTheIdleTimeoutOnEverySessionKey() {
        LeaseGranted lease = client.granted(sessionId, leaseRequest("start", 10_000, 0));

        client.committed(sessionId, commitRequest(sessionId, lease.fencingToken(), "start", "{}", List.of(), 60_000));

        assertThat(redis.hasKey(key("lease"))).isFalse();
        for (String key : List.of(key("state"), key("replies"), key("fence"))) {
            assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as(key).isBetween(50_000L, 60_000L);
        }
    }

    @Test
    void idleSessionIsGoneOnceItsTimeoutPassed() throws InterruptedException {
        LeaseGranted lease = client.granted(sessionId, leaseRequest("start", 10_000, 0));
        client.committed(sessionId, commitRequest(sessionId, lease.fencingToken(), "start", "{}", List.of(), 1_000));

        Thread.sleep(1_300);

        LeaseGranted later = client.granted(sessionId, leaseRequest("start", 10_000, 0));
        assertThat(later.session()).isNull();
        assertThat(later.isReplay()).isFalse();
        assertThat(later.fencingToken()).isGreaterThan(lease.fencingToken());
    }

    @Test
    void leaseKeepsTheSessionFromExpiringUnderItsHolder() {
        LeaseGranted first = client.granted(sessionId, leaseRequest("start", 10_000, 0));
        client.committed(sessionId, commitRequest(sessionId, first.fencingToken(), "start", "{}", List.of(), 1_000));

        client.granted(sessionId, leaseRequest("seq:1", 20_000, 0));

        for (String key : List.of(key("state"), key("replies"), key("fence"))) {
            assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).as(key).isBetween(15_000L, 20_000L);
        }
    }

    @Test
    void commitWithoutAnyLeaseIsFencedOut() {
        SessionStoreClient.Response refused = client.commit(sessionId,
                commitRequest(sessionId, 42, "start", "{}", List.of(), 60_000));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problem()).containsEntry("code", "FENCED_OUT").containsEntry("fencingToken", 42);
        assertThat(redis.hasKey(key("state"))).isFalse();
    }

    @Test
    void commitThatWouldMoveTheSessionToAnotherOrgIsRefusedAndWritesNothing() {
        LeaseGranted first = client.granted(sessionId, leaseRequest("start", 10_000, 0));
        client.committed(sessionId, commitRequest(sessionId, first.fencingToken(), "start", "{\"org\":1}", List.of(),
                60_000));
        LeaseGranted second = client.granted(sessionId, leaseRequest("seq:1", 10_000, 0));

        SessionStoreClient.Response refused = client.commit(sessionId, new CommitRequest(second.fencingToken(),
                new SessionRecord(sessionId, "org-2", "bot-1", "v1", "ACTIVE", "{\"org\":2}", 0), "seq:1", "{}",
                List.of(), 60_000));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problem()).containsEntry("code", "BAD_REQUEST").containsEntry("field", "session.orgId");
        assertThat(redis.opsForHash().get(key("state"), "stateJson")).isEqualTo("{\"org\":1}");
        assertThat(redis.opsForHash().hasKey(key("replies"), "seq:1")).isFalse();
    }

    @Test
    void callersMayOmitWhatTheStoreAssigns() {
        LeaseGranted lease = client.granted(sessionId, leaseRequest("start", 10_000, 0));
        String eventId = UUID.randomUUID().toString();
        String body = "{\"fencingToken\":" + lease.fencingToken() + ",\"session\":{\"orgId\":\"org-1\",\"botId\":\"b\","
                + "\"botVersion\":\"1\",\"status\":\"ACTIVE\",\"stateJson\":\"{}\"},\"messageKey\":\"start\","
                + "\"replyJson\":\"{}\",\"events\":[{\"eventId\":\"" + eventId + "\",\"topic\":\"t\",\"key\":\"k\","
                + "\"payloadJson\":\"{}\"}],\"idleTimeoutMillis\":60000}";

        SessionStoreClient.Response response = client.call(HttpMethod.POST,
                "/internal/v1/sessions/" + sessionId + "/commits", body, SessionStoreClient.CREDENTIAL);

        assertThat(response.expect(200, CommitResult.class)).isEqualTo(new CommitResult(sessionId, 1));
        assertThat(client.ack(new OutboxAck(List.of(UUID.fromString(eventId)))).status()).isEqualTo(204);
    }

    private String key(String name) {
        return "parley:s:{" + sessionId + "}:" + name;
    }
}
