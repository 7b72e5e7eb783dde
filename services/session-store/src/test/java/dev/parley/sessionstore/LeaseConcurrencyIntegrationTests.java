package dev.parley.sessionstore;

import static dev.parley.sessionstore.SessionStoreClient.commitRequest;
import static dev.parley.sessionstore.SessionStoreClient.leaseRequest;
import static dev.parley.sessionstore.SessionStoreClient.newSessionId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.OutboxAck;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.testkit.RealInfrastructure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

@RealInfrastructure(postgres = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LeaseConcurrencyIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(LeaseConcurrencyIntegrationTests.class);
    private static final Pattern COUNTER = Pattern.compile("\"counter\":(\\d+)");

    @LocalServerPort
    int port;

    @Test
    void concurrentTurnsOnOneSessionLoseNoUpdate() throws Exception {
        int threads = 8;
        int turnsPerThread = 25;
        SessionStoreClient client = new SessionStoreClient(port);
        String sessionId = newSessionId();

        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    for (int turn = 0; turn < turnsPerThread; turn++) {
                        String messageKey = "t" + thread + "-" + turn;
                        LeaseGranted lease = client.granted(sessionId, leaseRequest(messageKey, 10_000, 30_000));
                        long counter = counter(lease);
                        client.committed(sessionId, commitRequest(sessionId, lease.fencingToken(), messageKey,
                                "{\"counter\":" + (counter + 1) + "}", List.of(), 60_000));
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        }

        LeaseGranted last = client.granted(sessionId, leaseRequest("final", 10_000, 0));
        assertThat(counter(last)).isEqualTo(threads * turnsPerThread);
        assertThat(last.session().version()).isEqualTo(threads * turnsPerThread);
    }

    private static long counter(LeaseGranted lease) {
        if (lease.session() == null) {
            return 0;
        }
        Matcher matcher = COUNTER.matcher(lease.session().stateJson());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
