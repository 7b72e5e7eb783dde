package dev.parley.eventsconsumer;

import dev.parley.eventsconsumer.TurnEventStream.Conversation;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer's failures with everything real: a consumer process killed with SIGKILL in the middle of its batches,
 * then another taking over; and the database unreachable for a while. Runs its own topic prefix and database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumerFailureIntegrationTests {

    private static final String PREFIX = "crash.";
    private static final String TOPIC = PREFIX + "parley.turn-events";
    private static final String GROUP = PREFIX + "events-consumer";
    private static final String DATABASE = "events_crash";

    private static PostgresServer postgres;
    private static String jdbcUrl;
    private static TcpProxy proxy;
    private static TestKafka kafka;
    private static JdbcClient jdbc;
    private static ConfigurableApplicationContext survivor;

    @BeforeAll
    static void startInfrastructure() throws Exception {
        Infrastructure.startAll();
        postgres = Infrastructure.postgres();
        jdbcUrl = postgres.createDatabase(DATABASE);
        proxy = new TcpProxy(postgres.host(), postgres.port());
        kafka = new TestKafka(Infrastructure.kafka().bootstrapServers());
        Infrastructure.kafka().createTopic(TOPIC, 3);
        jdbc = JdbcClient.create(new DriverManagerDataSource(jdbcUrl, postgres.username(), postgres.password()));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (survivor != null) {
            survivor.close();
        }
        kafka.close();
        proxy.close();
    }

    @Test
    @Order(1)
    void aConsumerKilledMidBatchLosesAndDuplicatesNothingOnceAnotherTakesOver() throws Exception {
        String org = "00DK" + java.util.UUID.randomUUID().toString().substring(0, 8);
        int sessions = 150;
        List<TurnEvent> events = conversations(org, sessions);
        kafka.publish(TOPIC, events);

        Process child = startChild();
        // boots while the other process works; its consumer starts only once that one is dead
        survivor = startSurvivor(false);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (storedEvents(org) == 0) {
                assertThat(child.isAlive()).as("the consumer process is running").isTrue();
                assertThat(System.nanoTime()).as("the consumer process stores something").isLessThan(deadline);
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        long storedAtKill = storedEvents(org);
        assertThat(storedAtKill).as("killed part way").isLessThan(events.size());

        survivor.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer("turn-events").start();
        kafka.awaitCaughtUp(GROUP, TOPIC, Duration.ofSeconds(90));

        assertThat(storedEvents(org)).isEqualTo(events.size());
        assertThat(totals(org)).isEqualTo(expectedTotals(sessions));
    }

    @Test
    @Order(2)
    void aDatabaseOutageDelaysEventsButNeverDeadLettersThem() throws Exception {
        if (survivor == null) {
            survivor = startSurvivor(true);
        }
        String org = "00DU" + java.util.UUID.randomUUID().toString().substring(0, 8);
        List<TurnEvent> events = conversations(org, 20);
        proxy.cut();
        try {
            kafka.publish(TOPIC, events);
            // well past the retries an event the database rejects gets before it is dead-lettered
            Thread.sleep(4_000);
            assertThat(storedEvents(org)).isZero();
            assertThat(kafka.lag(GROUP, TOPIC).values().stream().mapToLong(Long::longValue).sum())
                    .isGreaterThanOrEqualTo(events.size());
        } finally {
            proxy.restore();
        }
        kafka.awaitCaughtUp(GROUP, TOPIC, Duration.ofSeconds(60));
        assertThat(storedEvents(org)).isEqualTo(events.size());
        assertThat(totals(org)).isEqualTo(expectedTotals(20));
        assertThat(kafka.readAll(PREFIX + "parley.turn-events.dlt")).isEmpty();
    }

    private static List<TurnEvent> conversations(String org, int sessions) {
        Instant start = Instant.now().minus(Duration.ofMinutes(30));
        List<TurnEvent> events = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            events.addAll(TurnEventStream.conversation(org, "support", "0X9K", java.util.UUID.randomUUID().toString(),
                    start.plusSeconds(i), null));
        }
        return events;
    }

    private static long storedEvents(String org) {
        try {
            return jdbc.sql("SELECT count(*) FROM turn_event WHERE org_id = ?").param(org).query(Long.class).single();
        } catch (BadSqlGrammarException e) {
            // the first consumer has not created the schema yet
            return 0;
        }
    }

    private static List<Long> totals(String org) {
        return jdbc.sql("""
                SELECT (SELECT coalesce(sum(events), 0) FROM debug_session WHERE org_id = :org),
                       (SELECT coalesce(sum(sessions), 0) FROM bot_metric_minute WHERE org_id = :org),
                       (SELECT coalesce(sum(turns), 0) FROM bot_metric_minute WHERE org_id = :org),
                       (SELECT coalesce(sum(entries), 0) FROM dialog_metric_minute WHERE org_id = :org),
                       (SELECT coalesce(sum(completions), 0) FROM dialog_metric_minute WHERE org_id = :org),
                       (SELECT coalesce(sum(transfers), 0) FROM dialog_metric_minute WHERE org_id = :org),
                       (SELECT coalesce(sum(errors), 0) FROM dialog_metric_minute WHERE org_id = :org),
                       (SELECT coalesce(sum(confused_hits), 0) FROM dialog_metric_minute WHERE org_id = :org),
                       (SELECT coalesce(sum(turns), 0) FROM turn_latency_minute WHERE org_id = :org)""")
                .param("org", org)
                .query((rs, n) -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 1; i <= 9; i++) {
                        values.add(rs.getLong(i));
                    }
                    return values;
                }).single();
    }

    private static List<Long> expectedTotals(long sessions) {
        return List.of(sessions * Conversation.EVENTS, sessions, sessions * Conversation.TURNS,
                sessions * Conversation.ENTRIES, sessions * Conversation.COMPLETIONS,
                sessions * Conversation.TRANSFERS, sessions * Conversation.ERRORS, sessions * Conversation.CONFUSED,
                sessions * Conversation.TURNS);
    }

    private static Map<String, String> properties(String jdbcUrl) {
        return Map.ofEntries(
                Map.entry("spring.datasource.url", jdbcUrl),
                Map.entry("spring.datasource.username", postgres.username()),
                Map.entry("spring.datasource.password", postgres.password()),
                Map.entry("spring.kafka.bootstrap-servers", Infrastructure.kafka().bootstrapServers()),
                Map.entry("parley.platform.kafka-prefix", PREFIX),
                Map.entry("parley.platform.internal-credential", "test-credential"),
                Map.entry("server.port", "0"),
                Map.entry("parley.events-consumer.retention.enabled", "false"),
                Map.entry("parley.events-consumer.ingest.topic-partitions", "3"),
                Map.entry("parley.events-consumer.ingest.unavailable-backoff", "200ms"),
                Map.entry("parley.events-consumer.ingest.unavailable-backoff-max", "1s"),
                Map.entry("parley.events-consumer.ingest.rejected-backoff", "100ms"),
                Map.entry("parley.events-consumer.ingest.rejected-retries", "1"),
                // many small batches, so the kill lands between and inside them
                Map.entry("spring.kafka.consumer.max-poll-records", "100"),
                Map.entry("spring.kafka.consumer.properties.fetch.min.bytes", "1"),
                // a killed member's partitions move on after this
                Map.entry("spring.kafka.consumer.properties.session.timeout.ms", "6000"),
                Map.entry("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000"));
    }

    /** The service in another JVM, so that it can be killed like a crashed dyno. */
    private static Process startChild() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EventsConsumerApplication.class.getName()));
        properties(jdbcUrl).forEach((name, value) -> command.add("--" + name + "=" + value));
        File log = new File("target/consumer-killed.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** The service in this JVM, reaching PostgreSQL through the cuttable proxy. */
    private static ConfigurableApplicationContext startSurvivor(boolean consuming) {
        String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + DATABASE;
        List<String> args = new ArrayList<>();
        properties(viaProxy).forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--spring.kafka.listener.auto-startup=" + consuming);
        return new SpringApplicationBuilder(EventsConsumerApplication.class).run(args.toArray(String[]::new));
    }
}
