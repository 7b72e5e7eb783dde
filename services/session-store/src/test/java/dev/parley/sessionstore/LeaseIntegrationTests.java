package dev.parley.sessionstore;

import static dev.parley.sessionstore.SessionStoreClient.commitRequest;
import static dev.parley.sessionstore.SessionStoreClient.event;
import static dev.parley.sessionstore.SessionStoreClient.leaseRequest;
import static dev.parley.sessionstore.SessionStoreClient.newSessionId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sessionstore.api.CommitResult;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.testkit.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;

@RealInfrastructure(postgres = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeaseIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    SessionStoreClient client;
    String sessionId;

    @BeforeEach
    void setUp() {
        client = new SessionStoreClient(port);
        sessionId = newSessionId();
    }

    @Test
    void freeLeaseIsGrantedAtOnceWithATokenAndNoSessionYet() {
        long before = System.currentTimeMillis();

        LeaseGranted lease = client.granted(sessionId, leaseRequest("start", 5_000, 0));

        assertThat(lease.sessionId()).isEqualTo(sessionId);
        assertThat(lease.fencingToken()).isPositive();
        assertThat(lease.expiresAtEpochMillis()).isBetween(before + 4_000, System.currentTimeMillis() + 5_100);
        assertThat(lease.session()).isNull();
        assertThat(lease.isReplay()).isFalse();
        assertThat(redis.opsForHash().get(leaseKey(), "token")).isEqualTo(Long.toString(lease.fencingToken()));
        assertThat(redis.getExpire(leaseKey(), TimeUnit.MILLISECONDS)).isBetween(1L, 5_000L);
    }

    @Test
    void secondHolderWaitsAndGetsTheLeaseWithTheCommittedSessionAfterTheCommit() throws Exception {
        LeaseGranted first = client.granted(sessionId, leaseRequest("start", 10_000, 0));
        CompletableFuture<LeaseGranted> second = CompletableFuture.supplyAsync(
                () -> client.granted(sessionId, leaseRequest("seq:1", 10_000, 10_000)));
        awaitQueueLength(1);
        assertThat(second).isNotDone();

        client.committed(sessionId, commitRequest(sessionId, first.fencingToken(), "start", "{\"n\":1}", List.of(),
                60_000));

        LeaseGranted granted = second.get(5, TimeUnit.SECONDS);
        assertThat(granted.fencingToken()).isGreaterThan(first.fencingToken());
        assertThat(granted.session().stateJson()).isEqualTo("{\"n\":1}");
        assertThat(granted.session().version()).isEqualTo(1);
        assertThat(granted.session().orgId()).isEqualTo("org-1");
    }

    @Test
    void waitersAreGrantedTheLeaseInArrivalOrder() throws Exception {
        LeaseGranted holder = client.granted(sessionId, leaseRequest("start", 10_000, 0));
        List<Integer> grantOrder = new CopyOnWriteArrayList<>();
        List<Long> tokens = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> waiters = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i <= 5; i++) {
                int waiter = i;
                waiters.add(CompletableFuture.runAsync(() -> {
                    LeaseGranted lease = client.granted(sessionId, leaseRequest("seq:" + waiter, 10_000, 15_000));
                    grantOrder.add(waiter);
                    tokens.add(lease.fencingToken());
                    client.committed(sessionId, commitRequest(sessionId, lease.fencingToken(), "seq:" + waiter,
                            "{\"last\":" + waiter + "}", List.of(), 60_000));
                }, threads));
                // staggered arrival: the next waiter starts only once this one is queued
                awaitQueueLength(i);
            }

            client.committed(sessionId, commitRequest(sessionId, holder.fencingToken(), "start", "{}", List.of(),
                    60_000));
            CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        }

        assertThat(grantOrder).containsExactly(1, 2, 3, 4, 5);
        assertThat(tokens).isSorted().doesNotHaveDuplicates();
        assertThat(redis.hasKey(queueKey())).isFalse();
    }

    @Test
    void expiredLeasePassesToTheNextHolderAndTheOldHolderIsFencedOutWithNothingWritten() throws Exception {
        LeaseGranted stale = client.granted(sessionId, leaseRequest("seq:1", 200, 0));
        LeaseGranted next = client.granted(sessionId, leaseRequest("seq:2", 5_000, 5_000));
        assertThat(next.fencingToken()).isGreaterThan(stale.fencingToken());
        OutboxEntry staleEvent = event(sessionId);
        double fencedBefore = meters.counter("parley.session.commit.fenced_out").count();

        SessionStoreClient.Response refused = client.commit(sessionId, commitRequest(sessionId, stale.fencingToken(),
                "seq:1", "{\"by\":\"stale\"}", List.of(staleEvent), 60_000));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problem()).containsEntry("code", "FENCED_OUT");
        assertThat(meters.counter("parley.session.commit.fenced_out").count()).isEqualTo(fencedBefore + 1);
        assertThat(redis.hasKey(stateKey())).isFalse();
        assertThat(redis.hasKey(repliesKey())).isFalse();
        assertThat(redis.opsForHash().hasKey("parley:outbox:events", staleEvent.eventId().toString())).isFalse();
        assertThat(redis.opsForHash().get(leaseKey(), "token")).isEqualTo(Long.toString(next.fencingToken()));

        CommitResult result = client.committed(sessionId, commitRequest(sessionId, next.fencingToken(), "seq:2",
                "{\"by\":\"next\"}", List.of(), 60_000));
        assertThat(result.version()).isEqualTo(1);
    }

    @Test
    void leaseThatStaysTakenAnswers423AfterTheWaitAndLeavesTheQueue() {
        LeaseGranted holder = client.granted(sessionId, leaseRequest("seq:1", 10_000, 0));
        double busyBefore = meters.counter("parley.session.lease.busy").count();
        long started = System.nanoTime();

        SessionStoreClient.Response busy = client.lease(sessionId, leaseRequest("seq:2", 10_000, 300));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(busy.status()).isEqualTo(423);
        assertThat(busy.contentType()).startsWith("application/problem+json");
        assertThat(busy.problem()).containsEntry("code", "LEASE_BUSY").containsEntry("sessionId", sessionId);
        assertThat(meters.counter("parley.session.lease.busy").count()).isEqualTo(busyBefore + 1);
        assertThat(redis.hasKey(queueKey())).isFalse();
        assertThat(client.release(sessionId, holder.fencingToken()).status()).isEqualTo(204);
        assertThat(client.lease(sessionId, leaseRequest("seq:2", 10_000, 0)).status()).isEqualTo(200);
    }

    @Test
    void repeatedMessageKeyReturnsTheRecordedReplyAndTakesNoLease() {
        LeaseGranted first = client.granted(sessionId, leaseRequest("seq:1", 10_000, 0));
        client.committed(sessionId, commitRequest(sessionId, first.fencingToken(), "seq:1", "{\"n\":1}", List.of(),
                60_000));

        LeaseGranted replay = client.granted(sessionId, leaseRequest("seq:1", 10_000, 0));

        assertThat(replay.isReplay()).isTrue();
        assertThat(replay.recordedReply()).isEqualTo("{\"reply\":\"seq:1\"}");
        assertThat(replay.fencingToken()).isZero();
        assertThat(replay.session().version()).isEqualTo(1);
        assertThat(redis.hasKey(leaseKey())).isFalse();
        assertThat(client.granted(sessionId, leaseRequest("seq:2", 10_000, 0)).isReplay()).isFalse();
    }

    @Test
    void waiterWithTheSameMessageKeyGetsTheHoldersReplyInsteadOfRunningTwice() throws Exception {
        LeaseGranted holder = client.granted(sessionId, leaseRequest("seq:7", 10_000, 0));
        CompletableFuture<LeaseGranted> duplicate = CompletableFuture.supplyAsync(
                () -> client.granted(sessionId, leaseRequest("seq:7", 10_000, 10_000)));
        awaitQueueLength(1);

        client.committed(sessionId, commitRequest(sessionId, holder.fencingToken(), "seq:7", "{}", List.of(),
                60_000));

        LeaseGranted answer = duplicate.get(5, TimeUnit.SECONDS);
        assertThat(answer.recordedReply()).isEqualTo("{\"reply\":\"seq:7\"}");
        assertThat(answer.fencingToken()).isZero();
        assertThat(redis.hasKey(leaseKey())).isFalse();
    }

    @Test
    void releaseDeletesOnlyTheLiveTokenAndCanBeRepeated() {
        LeaseGranted holder = client.granted(sessionId, leaseRequest("seq:1", 10_000, 0));

        assertThat(client.release(sessionId, holder.fencingToken() + 1).status()).isEqualTo(204);
        assertThat(client.lease(sessionId, leaseRequest("seq:2", 10_000, 0)).status()).isEqualTo(423);

        assertThat(client.release(sessionId, holder.fencingToken()).status()).isEqualTo(204);
        assertThat(client.release(sessionId, holder.fencingToken()).status()).isEqualTo(204);
        assertThat(client.granted(sessionId, leaseRequest("seq:2", 10_000, 0)).fencingToken())
                .isGreaterThan(holder.fencingToken());
    }

    @Test
    void fencingTokensKeepIncreasingAfterTheSessionKeysExpired() {
        LeaseGranted before = client.granted(sessionId, leaseRequest("seq:1", 10_000, 0));
        redis.delete(List.of(leaseKey(), fenceKey()));

        LeaseGranted after = client.granted(sessionId, leaseRequest("seq:2", 10_000, 0));

        assertThat(after.fencingToken()).isGreaterThan(before.fencingToken());
    }

    @Test
    void waiterThatStoppedPollingIsDroppedSoTheQueueMovesOn() {
        // a waiter of a replica that died: queued, never polling again
        redis.opsForList().rightPush(queueKey(), "dead-waiter|" + (System.currentTimeMillis() + 300));

        LeaseGranted lease = client.granted(sessionId, leaseRequest("seq:1", 10_000, 5_000));

        assertThat(lease.fencingToken()).isPositive();
        assertThat(redis.opsForList().range(queueKey(), 0, -1)).noneMatch(entry -> entry.startsWith("dead-waiter|"));
    }

    private void awaitQueueLength(long length) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Long size = redis.opsForList().size(queueKey());
            if (size != null && size >= length) {
                return;
            }
            Thread.sleep(2);
        }
        throw new AssertionError("queue of " + sessionId + " never reached " + length + " waiters");
    }

    private String leaseKey() {
        return "parley:s:{" + sessionId + "}:lease";
    }

    private String fenceKey() {
        return "parley:s:{" + sessionId + "}:fence";
    }

    private String queueKey() {
        return "parley:s:{" + sessionId + "}:queue";
    }

    private String stateKey() {
        return "parley:s:{" + sessionId + "}:state";
    }

    private String repliesKey() {
        return "parley:s:{" + sessionId + "}:replies";
    }
}
