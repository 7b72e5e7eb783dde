package dev.parley.widgete2e;

import dev.parley.local.LocalPlatformProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Playwright suite ({@code run.mjs}) in Debian's chromium against the local platform: the demo page,
 * conversing, choices, reloading mid-conversation, a dropped connection, ending and starting again, the HTTP fallback,
 * keyboard and ARIA, a 360 px screen. Screenshots land in {@code target/widget-e2e/}. Needs {@code /usr/bin/chromium}
 * and {@code node_modules} from {@code bin/ci-browser-setup}: without them this fails (never skips), saying so.
 */
class WidgetBrowserIntegrationTests {

    private static final String SETUP_HINT = "run bin/ci-browser-setup (it installs Debian's chromium and runs npm ci"
            + " in tests/widget-e2e; .ci/run calls it)";

    private static final long SUITE_TIMEOUT_SECONDS = 180;

    static Path moduleDir;

    static LocalPlatformProcess platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        moduleDir = Path.of("").toAbsolutePath();
        Path chromium = Path.of(System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium)).as("Chromium not found at %s: %s", chromium, SETUP_HINT).isTrue();
        assertThat(moduleDir.resolve("node_modules/playwright-core/package.json"))
                .as("playwright-core is not installed in %s: %s", moduleDir, SETUP_HINT).isRegularFile();
        platform = LocalPlatformProcess.start("parley-widget-e2e");
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theWidgetWorksInARealBrowserAgainstTheLocalPlatform() throws Exception {
        Path out = moduleDir.resolve("target/widget-e2e");
        List<String> command = List.of("node", "run.mjs", "--base-url", platform.gatewayUrl(), "--out",
                out.toString(), "--chromium", System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium"));
        Process node = new ProcessBuilder(command).directory(moduleDir.toFile()).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    System.out.println("[widget-e2e] " + line);
                }
            }
            catch (IOException ignored) {
                // node ended
            }
        }, "widget-e2e-output");
        pump.start();
        boolean finished = node.waitFor(SUITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        pump.join(5000);
        String report;
        synchronized (lines) {
            report = String.join("\n", lines);
        }
        assertThat(finished).as("the browser suite did not finish within %d s:\n%s", SUITE_TIMEOUT_SECONDS, report)
                .isTrue();
        assertThat(node.exitValue()).as("browser suite failed:\n%s\n--- platform ---\n%s", report,
                platform.diagnostics()).isZero();
        assertThat(report).contains("5 passed, 0 failed");
        assertThat(out.resolve("01-welcome.png")).isRegularFile();
    }
}
