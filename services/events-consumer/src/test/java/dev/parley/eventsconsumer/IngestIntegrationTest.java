package dev.parley.eventsconsumer;

import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The shared set-up of the integration tests that run the whole service against real Kafka and PostgreSQL: one
 * context (so one consumer group on topic {@value #TOPIC}); every test works in orgs of its own.
 */
@RealInfrastructure(database = "events", redis = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class IngestIntegrationTest {

    static final String TOPIC = "it.parley.turn-events";
    static final String DEAD_LETTERS = "it.parley.turn-events.dlt";
    static final String GROUP = "it.events-consumer";

    private static TestKafka kafka;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    QueryApi api;

    @BeforeEach
    void setUpClients() {
        api = new QueryApi(port);
    }

    static synchronized TestKafka kafka() {
        if (kafka == null) {
            kafka = new TestKafka(Infrastructure.kafka().bootstrapServers());
        }
        return kafka;
    }

    @AfterAll
    static synchronized void closeKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** Waits until the service's consumer group has committed everything published so far. */
    static void awaitConsumed() {
        kafka().awaitCaughtUp(GROUP, TOPIC, Duration.ofSeconds(60));
    }

    static String newOrg(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newSession() {
        return UUID.randomUUID().toString();
    }

    /** A minute start some time ago, inside the retention. */
    static Instant minuteAgo(int minutes) {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutes));
    }

    /** Row counts and aggregate sums of the given orgs: equal snapshots mean nothing was added. */
    List<Long> snapshot(String... orgs) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM turn_event WHERE org_id = ANY(:orgs)),
                       (SELECT count(*) FROM turn_marker WHERE org_id = ANY(:orgs)),
                       (SELECT count(*) FROM debug_session WHERE org_id = ANY(:orgs)),
                       (SELECT coalesce(sum(events), 0) + coalesce(sum(errors), 0) + coalesce(sum(turns), 0)
                            FROM debug_session WHERE org_id = ANY(:orgs)),
                       (SELECT coalesce(sum(entries), 0) FROM dialog_metric_minute WHERE org_id = ANY(:orgs)),
                       (SELECT coalesce(sum(completions), 0) FROM dialog_metric_minute WHERE org_id = ANY(:orgs)),
                       (SELECT coalesce(sum(transfers), 0) FROM dialog_metric_minute WHERE org_id = ANY(:orgs)),
                       (SELECT coalesce(sum(errors), 0) FROM dialog_metric_minute WHERE org_id = ANY(:orgs)),
                       (SELECT coalesce(sum(confused_hits), 0) FROM dialog_metric_minute WHERE org_id = ANY(:orgs)),
                       (SELECT coalesce(sum(sessions), 0) FROM bot_metric_minute WHERE org_id = ANY(:orgs)),
                       (SELECT coalesce(sum(turns), 0) FROM bot_metric_minute WHERE org_id = ANY(:orgs)),
                       (SELECT coalesce(sum(turns), 0) FROM turn_latency_minute WHERE org_id = ANY(:orgs))""")
                .param("orgs", orgs)
                .query((rs, n) -> {
                    Long[] values = new Long[12];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getLong(i + 1);
                    }
                    return List.of(values);
                })
                .single();
    }
}
