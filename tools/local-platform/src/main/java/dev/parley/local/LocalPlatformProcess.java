package dev.parley.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform started exactly as a person starts it ({@code ./parley-local}), in a separate process with its
 * own classpath, on free ports and a throw-away state directory: what the end-to-end suites (SDK check, widget
 * browser tests, platform scenarios) run against. Uses nothing but the JDK, so test modules can put this module on
 * their classpath without its dependencies.
 */
public final class LocalPlatformProcess implements AutoCloseable {

    private static final String READY_LINE = "Parley is up.";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(420);

    private final Process process;

    private final Path stateDir;

    private final Map<String, Integer> ports;

    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    private LocalPlatformProcess(Process process, Path stateDir, Map<String, Integer> ports) {
        this.process = process;
        this.stateDir = stateDir;
        this.ports = ports;
    }

    /**
     * Starts the platform from the built launcher jar of the checkout around the working directory and waits until it
     * is up. {@code name} prefixes the temporary state directory.
     */
    public static LocalPlatformProcess start(String name) throws IOException, InterruptedException {
        return start(name, Map.of());
    }

    /**
     * Starts the platform with extra environment variables, which every service inherits: a suite tunes a service
     * through Spring's relaxed binding, e.g. {@code PARLEY_LOGUPLOADER_...}. (Settings the launcher itself passes a
     * service in {@code SPRING_APPLICATION_JSON} take precedence.)
     */
    public static LocalPlatformProcess start(String name, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path repoRoot = repoRoot();
        Path launcher = repoRoot.resolve("tools/local-platform/target/local-platform-exec.jar");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("missing " + launcher + ": run the build from the repository root");
        }
        Path stateDir = Files.createTempDirectory(name);
        // free ports for every service, so a suite runs beside a developer's ./parley-local
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : LocalPlatformOptions.DEFAULT_PORTS.keySet()) {
            ports.put(service, freePort());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", launcher.toString(),
                "--repo-root", repoRoot.toString(),
                "--state-dir", stateDir.toString()));
        ports.forEach((service, port) -> {
            command.add("--" + service + "-port");
            command.add(String.valueOf(port));
        });
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        LocalPlatformProcess platform = new LocalPlatformProcess(process, stateDir, Map.copyOf(ports));
        platform.awaitReady();
        return platform;
    }

    /** The port the named service (gateway, runtime, registry, callout, events-consumer, ...) listens on. */
    public int port(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no port for unknown service '" + service + "'");
        }
        return port;
    }

    /** {@code http://localhost:<port>} of the named service. */
    public String url(String service) {
        return "http://localhost:" + port(service);
    }

    /** The public entry point: Bot Runtime API, widget and webhooks. */
    public String gatewayUrl() {
        return url("gateway");
    }

    /** The state directory: demo credentials under {@code demo/}, service logs under {@code logs/}. */
    public Path stateDir() {
        return stateDir;
    }

    /** The demo tenant's credentials ({@code demo/credentials.properties}). */
    public Properties credentials() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(stateDir.resolve("demo/credentials.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** The demo connected app's private key as DER-encoded PKCS#8, the form Salesforce's SDK reads. */
    public Path privateKeyDer() throws IOException {
        Properties credentials = credentials();
        String pem = Files.readString(stateDir.resolve("demo").resolve(credentials.getProperty("private-key-file")));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").trim());
        Path file = stateDir.resolve("demo/connected-app.der");
        Files.write(file, der);
        return file;
    }

    /** The launcher's output and the last lines of every service log, for failure messages. */
    public String diagnostics() {
        StringBuilder text = new StringBuilder(String.join("\n", output));
        try (var files = Files.list(stateDir.resolve("logs"))) {
            for (Path log : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(log);
                text.append("\n--- ").append(log.getFileName()).append(" (last 40 lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        }
        catch (IOException ignored) {
            // no logs yet
        }
        return text.toString();
    }

    /** Stops the platform the way Ctrl-C does (SIGTERM) and reports whether it stopped in time. */
    public boolean stopGracefully(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        keepLogsAndDeleteStateDir();
    }

    /**
     * Copies the service logs to {@code target/platform-logs/} of the working directory (a failure's post-mortem),
     * then deletes the state directory: it holds the demo tenant's private key, nothing of it outlives the suite.
     */
    private void keepLogsAndDeleteStateDir() {
        Path logs = stateDir.resolve("logs");
        Path kept = Path.of("target", "platform-logs");
        try {
            if (Files.isDirectory(logs) && Files.isDirectory(Path.of("target"))) {
                Files.createDirectories(kept);
                try (var files = Files.list(logs)) {
                    for (Path log : files.toList()) {
                        Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        catch (IOException ignored) {
            // best effort: the logs are a convenience
        }
        try (var paths = Files.walk(stateDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | java.io.UncheckedIOException ignored) {
            // best effort: a temporary directory
        }
    }

    private void awaitReady() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                    if (line.contains(READY_LINE)) {
                        ready.countDown();
                    }
                }
            }
            catch (IOException ignored) {
                // the process ended
            }
        }, "local-platform-output");
        pump.setDaemon(true);
        pump.start();
        if (!ready.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            String diagnostics = diagnostics();
            close();
            throw new IllegalStateException("platform not up within " + START_TIMEOUT.toSeconds() + " s; output:\n"
                    + diagnostics);
        }
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("parley-local"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
