package dev.parley.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InfrastructureIntegrationTests {

    @BeforeAll
    static void startEverythingInParallel() {
        Infrastructure.startAll(EnumSet.allOf(Infrastructure.Kind.class));
    }

    @Test
    void postgresAnswersQueriesAndCreatesTables() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        assertThat(postgres.host()).isEqualTo("127.0.0.1");
        assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres");
        Probes.assertPostgresWorks(postgres, postgres.jdbcUrl());
    }

    @Test
    void createdDatabasesAreEmptyAndSeparate() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        String url = postgres.createDatabase("isolation_probe");
        assertThat(url).endsWith(":" + postgres.port() + "/isolation_probe");
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("create table marker (id int)");
        }
        String recreated = postgres.createDatabase("isolation_probe");
        try (Connection connection = DriverManager.getConnection(recreated, postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            assertThat(Probes.queryInt(statement,
                    "select count(*) from information_schema.tables where table_name = 'marker'")).isZero();
        }
        Probes.assertPostgresWorks(postgres, recreated);
    }

    @Test
    void createDatabaseRejectsNamesThatAreNotPlainIdentifiers() {
        PostgresServer postgres = Infrastructure.postgres();
        assertThatIllegalArgumentException().isThrownBy(() -> postgres.createDatabase("x; drop database postgres"))
            .withMessageContaining("x; drop database postgres");
        assertThatIllegalArgumentException().isThrownBy(() -> postgres.createDatabase("postgres"));
    }

    @Test
    void redisAnswersCommandsAndScripts() {
        RedisServer redis = Infrastructure.redis();
        assertThat(redis.redisUrl()).isEqualTo("redis://127.0.0.1:" + redis.port());
        Probes.assertRedisWorks(redis);
    }

    @Test
    void flushAllEmptiesRedis() {
        RedisServer redis = Infrastructure.redis();
        RedisClient client = RedisClient.create(redis.redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().set("flush:probe", "x");
            redis.flushAll();
            assertThat(connection.sync().exists("flush:probe")).isZero();
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void redisPublishesKeyspaceNotificationsWhenEnabled() throws Exception {
        RedisServer redis = Infrastructure.redis();
        RedisClient client = RedisClient.create(redis.redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect();
                StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub()) {
            connection.sync().configSet("notify-keyspace-events", "K$");
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            pubSub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    events.add(channel + " " + message);
                }
            });
            pubSub.sync().subscribe("__keyspace@0__:notify:probe");
            connection.sync().set("notify:probe", "x");
            assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo("__keyspace@0__:notify:probe set");
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void kafkaDeliversAProducedRecordToAConsumer() throws Exception {
        KafkaBroker kafka = Infrastructure.kafka();
        assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
        Probes.assertKafkaRoundTrip(kafka);
    }

    @Test
    void kafkaCreatesTopicsWithTheAskedPartitions() throws Exception {
        KafkaBroker kafka = Infrastructure.kafka();
        kafka.createTopic("partitioned-probe", 3);
        kafka.createTopic("partitioned-probe", 3);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            var description = admin.describeTopics(List.of("partitioned-probe")).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(description.get("partitioned-probe").partitions()).hasSize(3);
        }
    }

    @Test
    void everyCallerGetsTheSameServersEvenConcurrently() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            Callable<List<Object>> lookup = () -> List.of(Infrastructure.postgres(), Infrastructure.redis(), Infrastructure.kafka());
            List<Future<List<Object>>> results = executor.invokeAll(List.of(lookup, lookup, lookup, lookup));
            List<Object> first = results.get(0).get();
            for (Future<List<Object>> result : results) {
                assertThat(result.get()).zipSatisfy(first, (actual, expected) -> assertThat(actual).isSameAs(expected));
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void closingASharedHandleLeavesTheServerRunning() throws Exception {
        Infrastructure.postgres().close();
        Infrastructure.redis().close();
        Infrastructure.kafka().close();
        Probes.assertPostgresWorks(Infrastructure.postgres(), Infrastructure.postgres().jdbcUrl());
        Probes.assertRedisWorks(Infrastructure.redis());
        Probes.assertKafkaRoundTrip(Infrastructure.kafka());
    }

}
