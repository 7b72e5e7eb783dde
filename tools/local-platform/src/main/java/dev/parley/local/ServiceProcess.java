package dev.parley.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Parley service running as a child JVM from its executable jar, with its log in the state directory. */
final class ServiceProcess {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(25);

    /**
     * Several service JVMs share a laptop's (or CI's 2) cores here. Measured on 2 cores: C2 keeps the CPU busy for
     * minutes recompiling, roughly doubling the CPU a turn costs; C1 alone reaches steady state in seconds. Serial GC
     * avoids a GC thread per core in every JVM. {@code PARLEY_SERVICE_JAVA_OPTS} replaces these.
     */
    private static final List<String> JVM_OPTIONS = javaOptions();

    private static List<String> javaOptions() {
        String override = System.getenv("PARLEY_SERVICE_JAVA_OPTS");
        if (override != null && !override.isBlank()) {
            return List.of(override.trim().split("\\s+"));
        }
        return List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(String name, int port, Path logFile, Process process) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /** Starts {@code services/<name>/target/<name>-exec.jar} with the given environment on top of this one's. */
    static ServiceProcess start(Path repoRoot, Path logDir, String name, int port, Map<String, String> environment)
            throws IOException {
        Path jar = repoRoot.resolve("services").resolve(name).resolve("target").resolve(name + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Missing " + jar + ": build first with ./mvnw -DskipTests package"
                    + " (./parley-local does that for you)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        return new ServiceProcess(name, port, log, builder.start());
    }

    String name() {
        return name;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path logFile() {
        return logFile;
    }

    /** Waits until the service's readiness probe answers 200, or fails naming the log to read. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(health)
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    /** Sends SIGTERM and waits for the graceful shutdown; kills the process only past the grace period. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(SHUTDOWN_GRACE.toSeconds() + 5, TimeUnit.SECONDS)) {
                System.err.println(name + " did not stop within " + SHUTDOWN_GRACE.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
