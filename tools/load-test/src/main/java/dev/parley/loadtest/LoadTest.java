package dev.parley.loadtest;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Drives N concurrent Bot Runtime API sessions against a running platform, then the same load against a bare Spring
 * Boot endpoint on this machine, and prints turns/s, latency percentiles, errors and the ratio between the two.
 *
 * <p>Run {@code bin/load-test --help} for the options.
 */
public final class LoadTest {

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        LoadTestOptions options;
        try {
            options = LoadTestOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bin/load-test: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LoadTestOptions.USAGE);
            return;
        }
        if (options.serveBaseline()) {
            BaselineServer.serve(options.baselinePort());
            return;
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())
                .build();

        DemoCredentials credentials = new DemoCredentials(options);
        String token = credentials.accessToken(http);
        System.out.printf(Locale.ROOT, "Parley load test: %d concurrent sessions x %d turns, think time %d ms, against %s%n",
                options.sessions(), options.turns(), options.thinkMillis(), options.gatewayUrl());
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));

        Workload platform = new BotApiWorkload(http, options.gatewayUrl(), credentials.orgId(), credentials.botId(), token);
        warmUp(platform, options);
        LoadReport platformReport = new LoadRunner(options.sessions(), options.turns(), options.thinkMillis()).run(platform);
        platformReport.print("platform (full turn through gateway -> runtime -> session-store)");
        if (options.reportFile() != null) {
            Files.writeString(Path.of(options.reportFile()), platformReport.toJson());
        }

        if (options.skipBaseline()) {
            if (platformReport.errors() > 0) {
                System.exit(1);
            }
            return;
        }
        try (BaselineServer.Handle baseline = BaselineServer.startChild()) {
            Workload bare = new BaselineWorkload(http, baseline.url());
            warmUp(bare, options);
            LoadReport baselineReport = new LoadRunner(options.sessions(), options.turns(), options.thinkMillis()).run(bare);
            baselineReport.print("baseline (bare Spring Boot endpoint, same machine, same client)");
            System.out.printf(Locale.ROOT, "ratio platform/baseline: p50 %.2fx, p99 %.2fx, throughput %.2fx%n",
                    ratio(platformReport.p50Millis(), baselineReport.p50Millis()),
                    ratio(platformReport.p99Millis(), baselineReport.p99Millis()),
                    ratio(platformReport.turnsPerSecond(), baselineReport.turnsPerSecond()));
        }
        if (platformReport.errors() > 0) {
            System.exit(1);
        }
    }

    /** Untimed turns at full concurrency and no think time, so JIT compilers and pools are warm before measuring. */
    private static void warmUp(Workload workload, LoadTestOptions options) throws InterruptedException {
        if (options.warmUpTurns() > 0) {
            int perSession = Math.max(1, options.warmUpTurns() / options.sessions());
            new LoadRunner(options.sessions(), perSession, 0).run(workload);
        }
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }
}
