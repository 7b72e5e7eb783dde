package dev.parley.testkit;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers backend: the same handles, backed by containers. Images can be overridden with the system
 * properties {@code parley.testkit.postgres-image}, {@code parley.testkit.redis-image} and
 * {@code parley.testkit.kafka-image}.
 */
final class Containers {

    private static final Logger log = LoggerFactory.getLogger(Containers.class);

    static final String POSTGRES_IMAGE = System.getProperty("parley.testkit.postgres-image", "postgres:18-alpine");

    static final String REDIS_IMAGE = System.getProperty("parley.testkit.redis-image", "redis:7.4-alpine");

    static final String KAFKA_IMAGE = System.getProperty("parley.testkit.kafka-image", "apache/kafka:4.1.0");

    private Containers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    static PostgresServer postgres() {
        long started = System.nanoTime();
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
            .withDatabaseName(PostgresServer.DEFAULT_DATABASE)
            .withUsername("postgres")
            .withPassword("postgres")
            .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        start(container, "PostgreSQL");
        PostgresServer server = new PostgresContainerServer(container);
        log.info("Started PostgreSQL container {} on {}:{} in {} ms", POSTGRES_IMAGE, server.host(), server.port(),
                Ports.millisSince(started));
        return server;
    }

    static RedisServer redis() {
        long started = System.nanoTime();
        GenericContainer<?> container = new GenericContainer<>(REDIS_IMAGE)
            .withExposedPorts(6379)
            .withCommand("redis-server", "--save", "", "--appendonly", "no");
        start(container, "Redis");
        RedisServer server = new RedisContainerServer(container);
        log.info("Started Redis container {} on {}:{} in {} ms", REDIS_IMAGE, server.host(), server.port(),
                Ports.millisSince(started));
        return server;
    }

    static KafkaBroker kafka() {
        long started = System.nanoTime();
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE)
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true");
        start(container, "Kafka");
        KafkaBroker broker = new KafkaContainerBroker(container);
        log.info("Started Kafka container {} on {} in {} ms", KAFKA_IMAGE, broker.bootstrapServers(),
                Ports.millisSince(started));
        return broker;
    }

    private static void start(GenericContainer<?> container, String what) {
        try {
            container.start();
        }
        catch (RuntimeException ex) {
            throw new InfrastructureException("Could not start " + what + " container " + container.getDockerImageName()
                    + ": " + ex.getMessage(), ex);
        }
        // Testcontainers' Ryuk also removes them if this JVM dies
        ShutdownHooks.register(what.toLowerCase(java.util.Locale.ROOT) + "-container", container::stop);
    }

    /** Stops a container once. */
    private static void stop(GenericContainer<?> container, AtomicBoolean closed) {
        if (closed.compareAndSet(false, true)) {
            container.stop();
        }
    }

    private record PostgresContainerServer(PostgreSQLContainer container, AtomicBoolean closed) implements PostgresServer {

        PostgresContainerServer(PostgreSQLContainer container) {
            this(container, new AtomicBoolean());
        }

        @Override
        public String host() {
            return this.container.getHost();
        }

        @Override
        public int port() {
            return this.container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public String username() {
            return this.container.getUsername();
        }

        @Override
        public String password() {
            return this.container.getPassword();
        }

        @Override
        public void close() {
            stop(this.container, this.closed);
        }

        @Override
        public String toString() {
            return "PostgreSQL container on " + host() + ":" + port();
        }

    }

    private record RedisContainerServer(GenericContainer<?> container, AtomicBoolean closed) implements RedisServer {

        RedisContainerServer(GenericContainer<?> container) {
            this(container, new AtomicBoolean());
        }

        @Override
        public String host() {
            return this.container.getHost();
        }

        @Override
        public int port() {
            return this.container.getMappedPort(6379);
        }

        @Override
        public void close() {
            stop(this.container, this.closed);
        }

        @Override
        public String toString() {
            return "Redis container on " + host() + ":" + port();
        }

    }

    private record KafkaContainerBroker(KafkaContainer container, AtomicBoolean closed) implements KafkaBroker {

        KafkaContainerBroker(KafkaContainer container) {
            this(container, new AtomicBoolean());
        }

        @Override
        public String bootstrapServers() {
            return this.container.getBootstrapServers();
        }

        @Override
        public void close() {
            stop(this.container, this.closed);
        }

        @Override
        public String toString() {
            return "Kafka container on " + bootstrapServers();
        }

    }

}
