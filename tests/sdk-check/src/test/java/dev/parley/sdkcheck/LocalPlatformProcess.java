package dev.parley.sdkcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform started exactly as a person starts it (the local-platform launcher), in a separate process with
 * its own classpath, on free ports and a throw-away state directory.
 */
final class LocalPlatformProcess implements AutoCloseable {

    private static final String READY_LINE = "Parley is up.";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final Path stateDir;
    private final int gatewayPort;
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());

    private LocalPlatformProcess(Process process, Path stateDir, int gatewayPort) {
        this.process = process;
        this.stateDir = stateDir;
        this.gatewayPort = gatewayPort;
    }

    static LocalPlatformProcess start() throws IOException, InterruptedException {
        Path repoRoot = repoRoot();
        Path launcher = repoRoot.resolve("tools/local-platform/target/local-platform-exec.jar");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("missing " + launcher + ": run the build from the repository root");
        }
        Path stateDir = Files.createTempDirectory("parley-sdk-check");
        int gateway = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", launcher.toString(),
                "--repo-root", repoRoot.toString(),
                "--state-dir", stateDir.toString(),
                "--gateway-port", String.valueOf(gateway)));
        // free ports for every other service, so the check runs beside a developer's ./parley-local
        for (String service : List.of("runtime", "session-store", "registry", "callout", "events-consumer",
                "log-uploader", "demo-apex")) {
            command.add("--" + service + "-port");
            command.add(String.valueOf(freePort()));
        }
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        LocalPlatformProcess platform = new LocalPlatformProcess(process, stateDir, gateway);
        platform.awaitReady();
        return platform;
    }

    String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    Properties credentials() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(stateDir.resolve("demo/credentials.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    Path privateKeyDer() throws IOException {
        // The SDK reads a DER-encoded PKCS#8 key file, as Salesforce's docs produce with openssl.
        Properties credentials = credentials();
        String pem = Files.readString(stateDir.resolve("demo").resolve(credentials.getProperty("private-key-file")));
        byte[] der = java.util.Base64.getMimeDecoder()
                .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").trim());
        Path file = stateDir.resolve("demo/connected-app.der");
        Files.write(file, der);
        return file;
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
            } catch (IOException ignored) {
                // the process ended
            }
        }, "local-platform-output");
        pump.setDaemon(true);
        pump.start();
        if (!ready.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("platform not up within " + START_TIMEOUT.toSeconds() + " s; output:\n"
                    + String.join("\n", output) + logs());
        }
    }

    private String logs() {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(stateDir.resolve("logs"))) {
            for (Path log : files.toList()) {
                List<String> lines = Files.readAllLines(log);
                text.append("\n--- ").append(log.getFileName()).append(" (last 40 lines)\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
        } catch (IOException ignored) {
            // no logs yet
        }
        return text.toString();
    }

    /** Stops the platform the way Ctrl-C does (SIGTERM) and reports whether it stopped in time. */
    boolean stopGracefully(Duration within) throws InterruptedException {
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
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
