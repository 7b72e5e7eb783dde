package dev.parley.widgetload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway under test as a local process: its resident memory from {@code /proc}, a full GC through
 * {@code jcmd} so heap readings count live objects only, and its heap use from its Prometheus endpoint.
 */
final class GatewayProcess {

    private static final Pattern HEAP = Pattern.compile(
            "^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.Ee+-]+)$", Pattern.MULTILINE);

    private final Long pid;

    private final URI prometheus;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    GatewayProcess(Long pid, URI gatewayUrl) {
        this.pid = pid;
        this.prometheus = URI.create(gatewayUrl + "/actuator/prometheus");
    }

    /** The local {@code gateway-exec.jar} process listening on {@code port} (its {@code PORT} variable), if one. */
    static Optional<Long> find(int port) {
        List<Long> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> {
            String command = process.info().commandLine().orElse("");
            if (!command.contains("gateway-exec.jar")) {
                return;
            }
            try {
                byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "environ"));
                for (String variable : new String(environ, StandardCharsets.UTF_8).split("\u0000")) {
                    if (variable.equals("PORT=" + port)) {
                        found.add(process.pid());
                    }
                }
            }
            catch (IOException | SecurityException e) {
                // not ours to read
            }
        });
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    Long pid() {
        return pid;
    }

    /** Resident set size in bytes, or -1 without a pid. */
    long rssBytes() {
        if (pid == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        }
        catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** Heap in use after a full GC (when the pid is known), in bytes; -1 when it cannot be read. */
    long heapAfterGcBytes() {
        if (pid != null) {
            try {
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        pid.toString(), "GC.run").redirectErrorStream(true).start();
                jcmd.getInputStream().readAllBytes();
                jcmd.waitFor(30, TimeUnit.SECONDS);
            }
            catch (IOException e) {
                // no jcmd: read the heap as it is
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            String text = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return heapUsed(text);
        }
        catch (IOException e) {
            return -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The sum of the heap pools in a Prometheus scrape. */
    static long heapUsed(String prometheusText) {
        Matcher m = HEAP.matcher(prometheusText);
        double sum = 0;
        boolean any = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            any = true;
        }
        return any ? (long) sum : -1;
    }
}
