package dev.parley.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/** Exercises a server the way services will: JDBC, Lettuce, plain Kafka clients. */
public final class Probes {

    private Probes() {
    }

    /** Runs {@code select 1}, creates a table, writes and reads a row. */
    public static void assertPostgresWorks(PostgresServer server, String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, server.username(), server.password());
                Statement statement = connection.createStatement()) {
            assertThat(queryInt(statement, "select 1")).isEqualTo(1);
            String table = "probe_" + UUID.randomUUID().toString().replace("-", "");
            statement.execute("create table " + table + " (id bigint primary key, body jsonb not null)");
            statement.execute("insert into " + table + " values (7, '{\"a\": 1}')");
            assertThat(queryInt(statement, "select (body->>'a')::int from " + table + " where id = 7")).isEqualTo(1);
        }
    }

    public static int queryInt(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getInt(1);
        }
    }

    /** SET/GET and a Lua script through Lettuce. */
    public static void assertRedisWorks(RedisServer server) {
        RedisClient client = RedisClient.create(server.redisUrl());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            String key = "probe:" + UUID.randomUUID();
            redis.set(key, "41");
            assertThat(redis.get(key)).isEqualTo("41");
            Long incremented = redis.eval("return redis.call('INCR', KEYS[1])", ScriptOutputType.INTEGER, key);
            assertThat(incremented).isEqualTo(42L);
        }
        finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** Produces one record to a fresh (auto-created) topic and consumes it back. */
    public static void assertKafkaRoundTrip(KafkaBroker broker) throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "key-1", "hello")).get(30, TimeUnit.SECONDS);
        }
        List<ConsumerRecord<String, String>> records = consume(broker, topic, 1);
        assertThat(records).singleElement().satisfies((record) -> {
            assertThat(record.key()).isEqualTo("key-1");
            assertThat(record.value()).isEqualTo("hello");
        });
    }

    /** Reads a topic from the beginning until {@code count} records arrived or 30 seconds passed. */
    public static List<ConsumerRecord<String, String>> consume(KafkaBroker broker, String topic, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

}
