package dev.parley.widgete2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform started as a person starts it (the local-platform launcher), in its own process on free ports
 * and a throw-away state directory, with the demo bot bound to the web chat widget and the demo page on.
 */
final class LocalPlatformProcess implements AutoCloseable {

    static final String DEMO_ORG_ID = "00DPD000000DEMO2AA";

    static final String DEMO_BOT_ID = "0XxPD000000DEMO1AA";

    private static final String READY_LINE = "Parley is up.";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;

    private final Path stateDir;

    private final int gatewayPort;

    private final List<String> output = Collections.synchronizedList(new ArrayList<>());

    private LocalPlatformProcess(Process process, Path stateDir, int gatewayPort) {
        this.process = process;
        this.stateDir = stateDir;
        this.gatewayPort = gatewayPort;
    }

    static LocalPlatformProcess start(Path repoRoot) throws IOException, InterruptedException {
        Path launcher = repoRoot.resolve("tools/local-platform/target/local-platform-exec.jar");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException("missing " + launcher + ": run the build from the repository root");
        }
        Path stateDir = Files.createTempDirectory("parley-widget-e2e");
        int gateway = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-jar", launcher.toString(),
                "--repo-root", repoRoot.toString(),
                "--state-dir", stateDir.toString(),
                "--gateway-port", String.valueOf(gateway)));
        // free ports for every other service, so the suite runs beside a developer's ./parley-local
        for (String service : List.of("runtime", "session-store", "registry", "callout", "events-consumer",
                "log-uploader", "demo-apex")) {
            command.add("--" + service + "-port");
            command.add(String.valueOf(freePort()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The widget binding of the demo bot, for the gateway child (services inherit the launcher's environment).
        // The local run sets the same through its own settings; these only fill in what it leaves out.
        builder.environment().putAll(widgetEnvironment(gateway));
        Process process = builder.start();
        LocalPlatformProcess platform = new LocalPlatformProcess(process, stateDir, gateway);
        platform.awaitReady();
        return platform;
    }

    static Map<String, String> widgetEnvironment(int gatewayPort) {
        return Map.of(
                "PARLEY_GATEWAY_WIDGET_BOTS_0_ORGID", DEMO_ORG_ID,
                "PARLEY_GATEWAY_WIDGET_BOTS_0_BOTID", DEMO_BOT_ID,
                "PARLEY_GATEWAY_WIDGET_BOTS_0_ALLOWEDORIGINS",
                "http://localhost:" + gatewayPort + ",http://127.0.0.1:" + gatewayPort,
                "PARLEY_GATEWAY_WIDGET_DEMOPAGE", "true");
    }

    String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    /** The launcher's output and the last lines of every service log, for failure messages. */
    String diagnostics() {
        StringBuilder text = new StringBuilder(String.join("\n", output));
        try (var files = Files.list(stateDir.resolve("logs"))) {
            for (Path log : files.toList()) {
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
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
