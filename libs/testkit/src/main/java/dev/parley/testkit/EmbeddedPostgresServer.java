package dev.parley.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL from the zonky binaries jar; as root, zonky itself runs initdb and pg_ctl inside {@code unshare -U}. */
final class EmbeddedPostgresServer implements PostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String HOST = "127.0.0.1";

    /** tmpfs makes initdb's and checkpoints' fsyncs free; the binaries stay in the shared temp folder. */
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private final EmbeddedPostgres postgres;

    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(int port, Path persistentDataDirectory) {
        Ports.check(port);
        QuietLogging.apply();
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", HOST)
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofSeconds(60))
                // our own hook stops it; zonky's would race with it
                .setRegisterShutdownHook(false);
            if (port != 0) {
                builder.setPort(port);
            }
            if (persistentDataDirectory != null) {
                Files.createDirectories(persistentDataDirectory);
                builder.setDataDirectory(persistentDataDirectory).setCleanDataDirectory(false);
            }
            else {
                builder.setDataDirectory(throwAwayDataDirectory()).setCleanDataDirectory(true)
                    .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start());
            ShutdownHooks.register("postgres-" + server.port(), server::close);
            log.info("Started embedded PostgreSQL on {}:{} in {} ms", HOST, server.port(), Ports.millisSince(started));
            return server;
        }
        catch (IOException | RuntimeException ex) {
            throw new InfrastructureException("Could not start embedded PostgreSQL on port " + port + ": " + ex.getMessage(), ex);
        }
    }

    private static Path throwAwayDataDirectory() throws IOException {
        String name = "parley-pg-" + UUID.randomUUID();
        if (Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)) {
            return SHARED_MEMORY.resolve(name);
        }
        return Files.createTempDirectory(name);
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return this.postgres.getPort();
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            try {
                this.postgres.close();
            }
            catch (IOException ex) {
                log.warn("Could not stop embedded PostgreSQL on port {}", port(), ex);
            }
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on " + HOST + ":" + port();
    }

}
