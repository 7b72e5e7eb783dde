package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.callout.api.InvocationRequest;
import dev.parley.testkit.RealInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The service's own latency: the same fast local endpoint called directly and through the callout service, in the
 * same run, open-loop at a fixed rate each (latency counts from each call's scheduled start, so a stall is not
 * hidden by the generator waiting for it). Not a test of the suite: run it with {@code bin/bench-callout}.
 * System properties: {@code bench.rate} (calls/s per path, 500), {@code bench.seconds} (measured, 30),
 * {@code bench.warmup} (seconds, 15).
 */
@RealInfrastructure(database = "callout_bench", redis = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.dev.parley.callout=WARN")
@ActiveProfiles("test")
class CalloutOverheadBenchmark {

    private static final String ORG = "org-bench";

    @LocalServerPort
    int port;

    @Test
    void overheadAgainstCallingTheEndpointDirectly() throws Exception {
        int rate = Integer.getInteger("bench.rate", 500);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup", 15);
        try (FakeServer endpoint = new FakeServer()) {
            endpoint.on("/fast", exchange -> FakeServer.json(exchange, 200,
                    "{\"order\":{\"id\":\"o-1\",\"status\":\"Shipped\"},\"ok\":true}"));
            CalloutClient admin = new CalloutClient(port);
            admin.define(ORG, "Fast", """
                    {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"bulkhead":{"maxConcurrentCalls":200},"circuitBreaker":{"minimumNumberOfCalls":1000,"slidingWindowSize":1000},
                     "timeouts":{"callMs":2000},"http":{"urlTemplate":"%s/fast?id={!id}"},
                     "outputs":{"status":"$.order.status"}}""".formatted(endpoint.url()));
            URI direct = URI.create(endpoint.url() + "/fast?id=42");
            URI invocations = URI.create("http://127.0.0.1:" + port + "/internal/v1/orgs/" + ORG + "/invocations");
            String loadBefore;
            Result result;
            // one pooled keep-alive client for both paths, blocking on virtual threads: the lightest client at hand
            try (CloseableHttpClient http = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(500).setMaxConnTotal(1000).build())
                    .setDefaultRequestConfig(org.apache.hc.client5.http.config.RequestConfig.custom()
                            .setConnectionRequestTimeout(org.apache.hc.core5.util.Timeout.ofSeconds(5))
                            .setResponseTimeout(org.apache.hc.core5.util.Timeout.ofSeconds(5)).build())
                    .disableAutomaticRetries().build()) {
                warmUp(http, direct, invocations, warmup);
                loadBefore = loadAverage();
                result = run(http, direct, invocations, rate, seconds);
            }

            String report = result.report(rate, seconds) + "load average before / after: " + loadBefore + " / "
                    + loadAverage() + System.lineSeparator();
            System.out.println(report);
            Files.writeString(Path.of("target", "bench-callout.txt"), report);
            assertThat(result.failures.get()).isZero();
        }
    }

    private record Result(long[] direct, long[] viaService, AtomicInteger failures) {

        String report(int rate, int seconds) {
            Arrays.sort(direct);
            Arrays.sort(viaService);
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT,
                    "callout overhead benchmark: %d calls/s open-loop on each path for %d s (%d + %d calls), "
                            + "%d failed, %d cores%n", rate, seconds, direct.length, viaService.length, failures.get(),
                    Runtime.getRuntime().availableProcessors()));
            out.append(String.format(Locale.ROOT, "%-9s %10s %10s %10s%n", "", "direct", "callout", "overhead"));
            for (double p : new double[] { 50, 90, 99, 99.9 }) {
                double d = percentile(direct, p);
                double s = percentile(viaService, p);
                out.append(String.format(Locale.ROOT, "%-9s %8.3fms %8.3fms %8.3fms%n", "p" + trim(p), d, s, s - d));
            }
            out.append(String.format(Locale.ROOT, "%-9s %8.3fms %8.3fms%n", "max", direct[direct.length - 1] / 1e6,
                    viaService[viaService.length - 1] / 1e6));
            return out.toString();
        }

        private static String trim(double p) {
            return p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p);
        }

        private static double percentile(long[] sorted, double p) {
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /**
     * Closed-loop warm-up: a few callers back to back, so the JIT compiles both paths before the open-loop phase.
     * (Open-loop from a cold start piles up a backlog the interpreter cannot drain on 2 cores.)
     */
    private static void warmUp(CloseableHttpClient http, URI direct, URI invocations, int seconds)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger sequence = new AtomicInteger();
        Thread[] callers = new Thread[4];
        for (int i = 0; i < callers.length; i++) {
            callers[i] = Thread.startVirtualThread(() -> {
                while (System.nanoTime() < end) {
                    timed(http, new HttpGet(direct), System.nanoTime(), failures, false);
                    timed(http, invocation(invocations, sequence.incrementAndGet()), System.nanoTime(), failures, true);
                }
            });
        }
        for (Thread caller : callers) {
            caller.join();
        }
        System.out.println("warm-up: " + sequence.get() + " invocations, " + failures.get() + " failed");
    }

    private static HttpPost invocation(URI invocations, int call) {
        HttpPost invoke = new HttpPost(invocations);
        invoke.setHeader("X-Parley-Internal-Credential", "test-credential");
        invoke.setEntity(new StringEntity(CalloutClient.JSON.writeValueAsString(new InvocationRequest(
                "bench-" + System.nanoTime() + "-" + call, "http", "Fast", java.util.Map.of("id", call), 2_000L)),
                ContentType.APPLICATION_JSON));
        return invoke;
    }

    /** Fires one direct and one service call every 1/rate s (half a period apart), each on its own virtual thread. */
    private static Result run(CloseableHttpClient http, URI direct, URI invocations, int rate, int seconds)
            throws InterruptedException {
        int calls = rate * seconds;
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long[] directLatency = new long[calls];
        long[] serviceLatency = new long[calls];
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(calls * 2);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < calls; i++) {
            int call = i;
            long directAt = start + i * period;
            long serviceAt = directAt + period / 2;
            waitUntil(directAt);
            Thread.startVirtualThread(() -> {
                directLatency[call] = timed(http, new HttpGet(direct), directAt, failures, false);
                done.countDown();
            });
            waitUntil(serviceAt);
            HttpPost invoke = invocation(invocations, call);
            Thread.startVirtualThread(() -> {
                serviceLatency[call] = timed(http, invoke, serviceAt, failures, true);
                done.countDown();
            });
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("calls still running 30 s after the last was sent");
        }
        return new Result(directLatency, serviceLatency, failures);
    }

    private static long timed(CloseableHttpClient http, HttpUriRequestBase request, long scheduledAt,
            AtomicInteger failures, boolean expectSucceeded) {
        try {
            return http.execute(request, response -> {
                String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                long latency = System.nanoTime() - scheduledAt;
                if (response.getCode() != 200 || (expectSucceeded && !body.contains("\"SUCCEEDED\""))) {
                    if (failures.incrementAndGet() == 1) {
                        System.out.println("first failure: " + response.getCode() + " " + body);
                    }
                }
                return latency;
            });
        } catch (IOException e) {
            if (failures.incrementAndGet() == 1) {
                System.out.println("first failure: " + e);
            }
            return System.nanoTime() - scheduledAt;
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void waitUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            if (remaining > 200_000) {
                LockSupport.parkNanos(remaining - 100_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
