package dev.parley.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Servers started on a port the caller chooses, as the local run does. */
class StandaloneServersIntegrationTests {

    @Test
    void postgresListensOnTheRequestedPortUntilClosed() throws Exception {
        int port = freePort();
        try (PostgresServer postgres = PostgresServer.start(port)) {
            assertThat(postgres.port()).isEqualTo(port);
            Probes.assertPostgresWorks(postgres, postgres.jdbcUrl());
            postgres.close();
            assertThat(accepts(port)).isFalse();
        }
    }

    @Test
    void postgresKeepsDataInAGivenDirectoryAcrossRestarts(@TempDir Path dataDirectory) throws Exception {
        try (PostgresServer first = PostgresServer.start(0, dataDirectory.resolve("pg"))) {
            execute(first, "create table kept (id int)", "insert into kept values (42)");
        }
        try (PostgresServer second = PostgresServer.start(0, dataDirectory.resolve("pg"));
                Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
                Statement statement = connection.createStatement()) {
            assertThat(Probes.queryInt(statement, "select id from kept")).isEqualTo(42);
        }
    }

    @Test
    void redisListensOnTheRequestedPortUntilClosed() throws Exception {
        int port = freePort();
        try (RedisServer redis = RedisServer.start(port)) {
            assertThat(redis.port()).isEqualTo(port);
            assertThat(redis.redisUrl()).isEqualTo("redis://127.0.0.1:" + port);
            Probes.assertRedisWorks(redis);
            redis.close();
            assertThat(accepts(port)).isFalse();
        }
    }

    @Test
    void kafkaListensOnTheRequestedLoopbackPortUntilClosed() throws Exception {
        int port = freePort();
        try (KafkaBroker kafka = KafkaBroker.start(port)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            Probes.assertKafkaRoundTrip(kafka);
            kafka.close();
            assertThat(accepts(port)).isFalse();
        }
    }

    @Test
    void invalidPortsAreRejectedWithTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> RedisServer.start(70000)).withMessageContaining("70000");
        assertThatIllegalArgumentException().isThrownBy(() -> PostgresServer.start(-1)).withMessageContaining("-1");
        assertThatIllegalArgumentException().isThrownBy(() -> KafkaBroker.start(65536)).withMessageContaining("65536");
    }

    private static void execute(PostgresServer server, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

}
