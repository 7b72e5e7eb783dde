package dev.parley.testkit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL, Redis and Kafka servers shared by everything in this JVM: each starts on first use (once,
 * thread-safe) on free loopback ports and stops at JVM exit. Embedded servers by default; Testcontainers when
 * {@value #DOCKER_PROPERTY}{@code =true} (or {@value #DOCKER_ENVIRONMENT_VARIABLE}{@code =true}) and a Docker
 * engine is reachable. Closing a shared handle does nothing.
 */
public final class Infrastructure {

    /** System property that asks for Testcontainers instead of embedded servers. */
    public static final String DOCKER_PROPERTY = "parley.testkit.docker";

    /** Environment variable that asks for Testcontainers instead of embedded servers. */
    public static final String DOCKER_ENVIRONMENT_VARIABLE = "PARLEY_TESTKIT_DOCKER";

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    /** One of the servers the testkit provides. */
    public enum Kind {

        /** PostgreSQL. */
        POSTGRES,

        /** Redis. */
        REDIS,

        /** Kafka. */
        KAFKA

    }

    private static final Lazy<Boolean> CONTAINERS = new Lazy<>(Infrastructure::decideContainers);

    private static final Lazy<PostgresServer> POSTGRES = new Lazy<>(() -> new SharedHandles.Postgres(
            usesTestcontainers() ? Containers.postgres() : EmbeddedPostgresServer.start(0, null)));

    private static final Lazy<RedisServer> REDIS = new Lazy<>(() -> new SharedHandles.Redis(
            usesTestcontainers() ? Containers.redis() : EmbeddedRedisServer.start(0)));

    private static final Lazy<KafkaBroker> KAFKA = new Lazy<>(() -> new SharedHandles.Kafka(
            usesTestcontainers() ? Containers.kafka() : InProcessKafkaBroker.start(0)));

    private Infrastructure() {
    }

    /** The shared PostgreSQL server, started on first call. */
    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    /** The shared Redis server, started on first call. */
    public static RedisServer redis() {
        return REDIS.get();
    }

    /** The shared Kafka broker, started on first call. */
    public static KafkaBroker kafka() {
        return KAFKA.get();
    }

    /**
     * Runs {@code task} at JVM exit before any testkit server stops: for work that still needs them, such as
     * stopping services that use them. Shutdown hooks of the JVM run concurrently, so an ordinary hook gets no such
     * guarantee.
     */
    public static void beforeServersStop(Runnable task) {
        ShutdownHooks.beforeServersStop(task);
    }

    /** Starts all three shared servers, in parallel. */
    public static void startAll() {
        startAll(EnumSet.allOf(Kind.class));
    }

    /** Starts the given shared servers in parallel and returns once all are up; already running ones are kept. */
    public static void startAll(Set<Kind> kinds) {
        if (kinds.size() == 1) {
            start(kinds.iterator().next());
            return;
        }
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Kind kind : kinds) {
            CompletableFuture<Void> start = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("parley-testkit-start-" + kind.name().toLowerCase(Locale.ROOT)).start(() -> {
                try {
                    start(kind);
                    start.complete(null);
                }
                catch (Throwable ex) {
                    start.completeExceptionally(ex);
                }
            });
            starts.add(start);
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (ex.getCause() instanceof Error error) {
                throw error;
            }
            throw ex;
        }
    }

    /** Whether the shared servers are (or will be) Testcontainers rather than embedded servers. */
    public static boolean usesTestcontainers() {
        return CONTAINERS.get();
    }

    private static void start(Kind kind) {
        switch (kind) {
            case POSTGRES -> postgres();
            case REDIS -> redis();
            case KAFKA -> kafka();
        }
    }

    private static boolean decideContainers() {
        String requested = System.getProperty(DOCKER_PROPERTY, System.getenv(DOCKER_ENVIRONMENT_VARIABLE));
        if (!Boolean.parseBoolean(requested)) {
            return false;
        }
        if (!Containers.dockerAvailable()) {
            log.warn("{}=true but no Docker engine is reachable: using embedded servers", DOCKER_PROPERTY);
            return false;
        }
        return true;
    }

}
