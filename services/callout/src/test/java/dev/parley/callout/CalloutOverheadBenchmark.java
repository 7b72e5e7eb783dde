package dev.parley.callout;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import dev.parley.callout.api.InvocationRequest;
import dev.parley.testkit.RealInfrastructure;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The service's own latency and CPU: the same fast local endpoint called directly and through the callout service
 * (its full path: registry lookup, bulkhead, retry, breaker, SSRF-guarded pooled client, output mapping, metrics), in
 * the same run, by the same client, open-loop at a fixed rate. Latency counts from each call's scheduled start, so a
 * stall is not hidden by the generator waiting for it.
 *
 * <p>By default the two paths are interleaved, each at the full rate: a direct call, half a period later a call
 * through the service, and so on, so both see the same machine and the service runs steadily at the stated rate.
 * {@code bench.mode=alternate} gives each path the machine to itself in turns of {@code bench.slice-ms} (1 s direct, 1 s
 * through the service, ...) and reads the JVM's CPU time at every slice boundary: CPU per call through the service
 * minus CPU per direct call is the service's own CPU per call (endpoint, client and generator cost the same on both
 * paths). Its latencies are not the steady state: the service idles through every direct slice, and the first calls
 * after that pause are the slowest. Every measured call's latency is also written to
 * {@code target/bench-callout-calls.csv}.
 *
 * <p>Not part of the suite: run it with {@code bin/bench-callout}. System properties: {@code bench.rate} (calls/s,
 * 500), {@code bench.seconds} (measured seconds per path, 30), {@code bench.warmup-pairs} (closed-loop call pairs
 * before measuring, 30000, then 4 s open-loop at the rate), {@code bench.warmup} (the closed loop's longest, 180 s),
 * {@code bench.slice-ms} (1000), {@code bench.mode} ({@code interleaved} or {@code alternate}), {@code bench.workers}
 * (client threads, 64).
 */
@RealInfrastructure(database = "callout_bench", redis = false, kafka = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.dev.parley.callout=WARN")
@ActiveProfiles("test")
class CalloutOverheadBenchmark {

    private static final String ORG = "org-bench";
    private static final String ANSWER = "{\"order\":{\"id\":\"o-1\",\"status\":\"Shipped\"},\"ok\":true}";

    private static final int DIRECT = 0;
    private static final int SERVICE = 1;
    private static final int BOTH = 2;

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Test
    void overheadAgainstCallingTheEndpointDirectly() throws Exception {
        int rate = Integer.getInteger("bench.rate", 500);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmup = Integer.getInteger("bench.warmup", 180);
        int warmupPairs = Integer.getInteger("bench.warmup-pairs", 30_000);
        int sliceMillis = Integer.getInteger("bench.slice-ms", 1000);
        String mode = System.getProperty("bench.mode", "interleaved");
        if (!mode.equals("interleaved") && !mode.equals("alternate")) {
            throw new IllegalArgumentException("bench.mode must be interleaved or alternate, was " + mode);
        }
        boolean alternate = mode.equals("alternate");
        int workers = Integer.getInteger("bench.workers", 64);

        try (BenchEndpoint endpoint = new BenchEndpoint(ANSWER)) {
            new CalloutClient(port).define(ORG, "Fast", """
                    {"kind":"http","allowHttp":true,"allowPrivateNetwork":true,"bulkhead":{"maxConcurrentCalls":200},
                     "circuitBreaker":{"minimumNumberOfCalls":1000,"slidingWindowSize":1000},
                     "timeouts":{"callMs":2000},"http":{"urlTemplate":"%s/fast?id={!id}"},
                     "outputs":{"status":"$.order.status"}}""".formatted(endpoint.url()));
            Load load = new Load(URI.create(endpoint.url() + "/fast?id=42"),
                    URI.create("http://127.0.0.1:" + port + "/internal/v1/orgs/" + ORG + "/invocations"), workers);
            Run measured;
            String loadBefore;
            String warmUp;
            try (load) {
                warmUp = load.closedLoop(4, warmupPairs, warmup);
                Run settle = load.run(slices(rate, 4, sliceMillis, alternate));
                warmUp += ", then " + settle.calls(SERVICE) + " open-loop calls per path (" + settle.failures
                        + " failed)";
                System.out.println("warm-up: " + warmUp);
                loadBefore = loadAverage();
                measured = load.run(slices(rate, seconds, sliceMillis, alternate));
            }
            String report = report(measured, rate, seconds, sliceMillis, alternate, workers, loadBefore,
                    endpoint.requests()) + "warm-up: " + warmUp + System.lineSeparator();
            System.out.println(report);
            Files.writeString(Path.of("target", "bench-callout.txt"), report);
            writeCalls(measured, Path.of("target", "bench-callout-calls.csv"));
            assertThat(measured.failures).isZero();
        }
    }

    /** One stretch of the schedule: calls on {@code path} every 1/rate s for {@code millis}. */
    private record Slice(int path, int rate, int millis) {
    }

    private static List<Slice> slices(int rate, int seconds, int sliceMillis, boolean alternate) {
        List<Slice> slices = new ArrayList<>();
        int count = Math.max(1, (int) ((seconds * 1000L) / sliceMillis));
        for (int i = 0; i < count; i++) {
            if (alternate) {
                slices.add(new Slice(DIRECT, rate, sliceMillis));
                slices.add(new Slice(SERVICE, rate, sliceMillis));
            } else {
                slices.add(new Slice(BOTH, rate, sliceMillis));
            }
        }
        return slices;
    }

    /** What one run measured: latencies per path, and this JVM's CPU time spent during each path's slices. */
    private static final class Run {
        final long[][] latencies = new long[2][];
        final int[] counts = new int[2];
        final long[] cpuNanos = new long[2];
        final long[] wallNanos = new long[2];
        final long[] serviceThreadNanos = new long[2];
        final long[] harnessThreadNanos = new long[2];
        final long[] allocatedBytes = new long[2];
        final long[][] scheduledAt = new long[2][];
        long allocatedTotal;
        long cpuTotal;
        long wallTotal;
        int failures;
        long machineBusyTicks;
        long machineTotalTicks;
        long gcCount;
        long gcMillis;
        long compileMillis;

        int calls(int path) {
            return counts[path];
        }

        long[] sorted(int path) {
            long[] copy = Arrays.copyOf(latencies[path], counts[path]);
            Arrays.sort(copy);
            return copy;
        }
    }

    /** The open-loop generator: a scheduler thread hands each call at its time to a pool of blocking workers. */
    private static final class Load implements AutoCloseable {

        private final URI direct;
        private final URI invocations;
        private final CloseableHttpClient http;
        private final ThreadPoolExecutor workers;
        private final AtomicLong sequence = new AtomicLong();
        private final String runId = Long.toString(System.nanoTime(), 36);

        Load(URI direct, URI invocations, int workerCount) {
            this.direct = direct;
            this.invocations = invocations;
            // one pooled keep-alive client for both paths, on platform threads (blocking reads, no poller round trip)
            // no stale-connection check (it blocks 1 ms on a live connection): idle connections are closed after 5 s
            // instead, well before Tomcat's keep-alive timeout, and the endpoint never closes one
            this.http = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(workerCount).setMaxConnTotal(workerCount * 2)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setValidateAfterInactivity(TimeValue.NEG_ONE_MILLISECOND).build())
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setConnectionRequestTimeout(Timeout.ofSeconds(5))
                            .setResponseTimeout(Timeout.ofSeconds(5)).build())
                    .disableAutomaticRetries()
                    .disableContentCompression()
                    .disableCookieManagement()
                    .evictIdleConnections(TimeValue.ofSeconds(5))
                    .build();
            this.workers = new ThreadPoolExecutor(workerCount, workerCount, 1, TimeUnit.MINUTES,
                    new LinkedBlockingQueue<>(), runnable -> Thread.ofPlatform().daemon().name("bench-client")
                            .unstarted(runnable));
            workers.prestartAllCoreThreads();
        }

        /**
         * Closed-loop warm-up: {@code callers} threads call both paths back to back until {@code minPairs} call pairs
         * are done and the JIT has gone quiet (under 100 ms of compiling in the last 2 s), or {@code maxSeconds} have
         * passed. Counting calls rather than seconds gives runs on busy and quiet machines the same compiled code; an
         * open-loop start on a cold JVM piles up a backlog the interpreter cannot drain.
         *
         * @return a line describing the warm-up
         */
        String closedLoop(int callers, int minPairs, int maxSeconds) throws InterruptedException {
            long started = System.nanoTime();
            long end = started + TimeUnit.SECONDS.toNanos(maxSeconds);
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            AtomicInteger pairs = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            Thread[] threads = new Thread[callers];
            for (int i = 0; i < callers; i++) {
                threads[i] = Thread.ofPlatform().name("bench-warmup").start(() -> {
                    while (!stop.get()) {
                        timed(new HttpGet(direct), System.nanoTime(), false, failures);
                        timed(invocation(), System.nanoTime(), true, failures);
                        pairs.incrementAndGet();
                    }
                });
            }
            var jit = ManagementFactory.getCompilationMXBean();
            long compiled = jit.getTotalCompilationTime();
            while (System.nanoTime() < end) {
                Thread.sleep(2_000);
                long now = jit.getTotalCompilationTime();
                boolean quiet = now - compiled < 100;
                compiled = now;
                if (pairs.get() >= minPairs && quiet) {
                    break;
                }
            }
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            return String.format(Locale.ROOT, "%d closed-loop call pairs in %.0f s (%d failed)", pairs.get(),
                    (System.nanoTime() - started) / 1e9, failures.get());
        }

        Run run(List<Slice> slices) throws InterruptedException {
            Run run = new Run();
            int[] capacity = new int[2];
            for (Slice slice : slices) {
                int calls = (int) ((long) slice.rate * slice.millis / 1000);
                if (slice.path != SERVICE) {
                    capacity[DIRECT] += calls;
                }
                if (slice.path != DIRECT) {
                    capacity[SERVICE] += calls;
                }
            }
            run.latencies[DIRECT] = new long[capacity[DIRECT]];
            run.latencies[SERVICE] = new long[capacity[SERVICE]];
            run.scheduledAt[DIRECT] = new long[capacity[DIRECT]];
            run.scheduledAt[SERVICE] = new long[capacity[SERVICE]];
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger pending = new AtomicInteger();
            long[] machineBefore = machineTicks();
            long gcCountBefore = gcCount();
            long gcMillisBefore = gcMillis();
            long compileBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            long cpuStart = OS.getProcessCpuTime();
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            long sliceStart = start;
            long cpuMark = cpuStart;
            long allocatedStart = allocated();
            long allocatedMark = allocatedStart;
            ThreadCpu threads = new ThreadCpu();
            for (Slice slice : slices) {
                long period = TimeUnit.SECONDS.toNanos(1) / slice.rate;
                int calls = (int) ((long) slice.rate * slice.millis / 1000);
                for (int i = 0; i < calls; i++) {
                    long at = sliceStart + i * period;
                    if (slice.path == BOTH) {
                        fire(run, DIRECT, at, failures, pending);
                        fire(run, SERVICE, at + period / 2, failures, pending);
                    } else {
                        fire(run, slice.path, at, failures, pending);
                    }
                }
                sliceStart += TimeUnit.MILLISECONDS.toNanos(slice.millis);
                waitUntil(sliceStart);
                long cpu = OS.getProcessCpuTime();
                long[] byGroup = threads.sinceLast();
                long allocatedNow = allocated();
                if (slice.path != BOTH) {
                    run.cpuNanos[slice.path] += cpu - cpuMark;
                    run.wallNanos[slice.path] += TimeUnit.MILLISECONDS.toNanos(slice.millis);
                    run.serviceThreadNanos[slice.path] += byGroup[0];
                    run.harnessThreadNanos[slice.path] += byGroup[1];
                    run.allocatedBytes[slice.path] += allocatedNow - allocatedMark;
                } else {
                    run.serviceThreadNanos[SERVICE] += byGroup[0]; // only service calls keep those threads busy
                }
                cpuMark = cpu;
                allocatedMark = allocatedNow;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (pending.get() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(pending.get()
                            + " calls still running 2 min after the last was sent");
                }
                Thread.sleep(5);
            }
            run.cpuTotal = OS.getProcessCpuTime() - cpuStart;
            run.allocatedTotal = allocated() - allocatedStart;
            run.wallTotal = System.nanoTime() - start;
            long[] machineAfter = machineTicks();
            run.machineBusyTicks = machineAfter[0] - machineBefore[0];
            run.machineTotalTicks = machineAfter[1] - machineBefore[1];
            run.gcCount = gcCount() - gcCountBefore;
            run.gcMillis = gcMillis() - gcMillisBefore;
            run.compileMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compileBefore;
            run.failures = failures.get();
            return run;
        }

        private void fire(Run run, int path, long at, AtomicInteger failures, AtomicInteger pending) {
            waitUntil(at);
            int index = run.counts[path]++;
            run.scheduledAt[path][index] = at;
            pending.incrementAndGet();
            workers.execute(() -> {
                try {
                    HttpUriRequestBase request = path == DIRECT ? new HttpGet(direct) : invocation();
                    run.latencies[path][index] = timed(request, at, path == SERVICE, failures);
                } finally {
                    pending.decrementAndGet();
                }
            });
        }

        private HttpPost invocation() {
            long call = sequence.incrementAndGet();
            HttpPost invoke = new HttpPost(invocations);
            invoke.setHeader("X-Parley-Internal-Credential", "test-credential");
            invoke.setEntity(new ByteArrayEntity(CalloutClient.JSON.writeValueAsBytes(new InvocationRequest(
                    "bench-" + runId + "-" + call, "http", "Fast", Map.of("id", call), 2_000L)),
                    ContentType.APPLICATION_JSON));
            return invoke;
        }

        private long timed(HttpUriRequestBase request, long scheduledAt, boolean expectSucceeded,
                AtomicInteger failures) {
            try {
                return http.execute(request, response -> {
                    // bytes, not a String: a reader's buffers were most of the harness's garbage
                    byte[] bytes = EntityUtils.toByteArray(response.getEntity());
                    long latency = System.nanoTime() - scheduledAt;
                    String body = expectSucceeded || response.getCode() != 200
                            ? new String(bytes, StandardCharsets.UTF_8) : "";
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

        @Override
        public void close() {
            workers.shutdownNow();
            http.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
        }
    }

    /**
     * CPU time of this JVM's Java threads by group since the last call: the service's (Tomcat, its virtual threads'
     * carriers and the JDK's I/O pollers, the deadline timer, Hikari) and the harness's (client and endpoint threads).
     * JIT compiler and GC threads are not Java threads and count in neither.
     */
    private static final class ThreadCpu {
        private final java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> last = new java.util.HashMap<>();

        ThreadCpu() {
            sinceLast();
        }

        long[] sinceLast() {
            long[] byGroup = new long[3];
            Map<Long, Long> now = new java.util.HashMap<>();
            for (java.lang.management.ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                if (cpu < 0) {
                    continue;
                }
                now.put(info.getThreadId(), cpu);
                long delta = cpu - last.getOrDefault(info.getThreadId(), 0L);
                byGroup[group(info.getThreadName())] += delta;
            }
            last.clear();
            last.putAll(now);
            return byGroup;
        }

        private static int group(String name) {
            if (name.startsWith("bench-")) {
                return 1;
            }
            if (name.startsWith("ForkJoinPool-") || name.startsWith("http-nio-") || name.contains("Poller")
                    || name.startsWith("callout-") || name.startsWith("Catalina-") || name.startsWith("HikariPool")
                    || name.startsWith("tomcat-")) {
                return 0;
            }
            return 2;
        }
    }

    private String report(Run run, int rate, int seconds, int sliceMillis, boolean alternate, int workers,
            String loadBefore, long endpointRequests) {
        long[] direct = run.sorted(DIRECT);
        long[] service = run.sorted(SERVICE);
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "callout overhead benchmark, %s, %d cores, Java %s, GC %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), cores, Runtime.version(), gcNames()));
        out.append(String.format(Locale.ROOT, "schedule: open-loop, %d calls/s per path, %s, %d s measured per path "
                        + "(%d direct + %d via callout), %d client threads, Tomcat on %s threads%n", rate,
                alternate ? "paths alternating in " + sliceMillis + " ms slices" : "paths interleaved",
                seconds, direct.length, service.length, workers,
                environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false) ? "virtual"
                        : "platform"));
        out.append(String.format(Locale.ROOT, "failed: %d; the endpoint answered %d requests in all, warm-up "
                + "included%n", run.failures, endpointRequests));
        out.append(String.format(Locale.ROOT, "%-9s %11s %11s %11s%n", "latency", "direct", "callout", "overhead"));
        for (double p : new double[] { 50, 90, 99, 99.9 }) {
            double d = percentile(direct, p);
            double s = percentile(service, p);
            out.append(String.format(Locale.ROOT, "%-9s %9.3fms %9.3fms %9.3fms%n", "p" + trim(p), d, s, s - d));
        }
        out.append(String.format(Locale.ROOT, "%-9s %9.3fms %9.3fms%n", "max", direct[direct.length - 1] / 1e6,
                service[service.length - 1] / 1e6));
        double overhead99 = percentile(service, 99) - percentile(direct, 99);
        double machineBusy = run.machineTotalTicks == 0 ? Double.NaN
                : (double) run.machineBusyTicks / run.machineTotalTicks * cores;
        double jvmBusy = (double) run.cpuTotal / run.wallTotal;
        double others = machineBusy - jvmBusy;
        // other processes' CPU shows up as scheduling delay on both paths, more on the one with more hops
        String verdict = others >= 0.5 ? String.format(Locale.ROOT,
                "INCONCLUSIVE (other processes kept %.2f of %d cores busy; rerun on a quiet machine)", others, cores)
                : (overhead99 < 2.0 ? "MET" : "NOT MET") + (Double.isNaN(others) ? " (machine load unknown)" : "");
        out.append(String.format(Locale.ROOT, "target p99 overhead < 2 ms at %d calls/s: %s (p99 overhead %.3f ms)%n",
                rate, verdict, overhead99));
        if (alternate) {
            double directCpu = run.cpuNanos[DIRECT] / 1e3 / Math.max(1, direct.length);
            double serviceCpu = run.cpuNanos[SERVICE] / 1e3 / Math.max(1, service.length);
            double own = serviceCpu - directCpu;
            out.append(String.format(Locale.ROOT, "JVM CPU per call (generator + endpoint + service): direct %.0f us, "
                    + "via callout %.0f us%n", directCpu, serviceCpu));
            out.append(String.format(Locale.ROOT, "the service's own CPU per call: %.0f us = %.1f%% of one core at "
                    + "%d calls/s (capacity of one idle core: ~%.0f calls/s)%n", own, own * rate / 1e4, rate,
                    own > 0 ? 1e6 / own : Double.NaN));
            out.append(String.format(Locale.ROOT, "service threads' CPU per call (Tomcat, carriers, pollers; "
                    + "no JIT/GC): %.0f us (during direct slices: %.0f us per direct call); harness threads: "
                    + "direct %.0f us, via callout %.0f us%n",
                    run.serviceThreadNanos[SERVICE] / 1e3 / Math.max(1, service.length),
                    run.serviceThreadNanos[DIRECT] / 1e3 / Math.max(1, direct.length),
                    run.harnessThreadNanos[DIRECT] / 1e3 / Math.max(1, direct.length),
                    run.harnessThreadNanos[SERVICE] / 1e3 / Math.max(1, service.length)));
            double directKb = run.allocatedBytes[DIRECT] / 1024.0 / Math.max(1, direct.length);
            double serviceKb = run.allocatedBytes[SERVICE] / 1024.0 / Math.max(1, service.length);
            out.append(String.format(Locale.ROOT, "heap allocated per call (all threads): direct %.1f KB, via callout "
                    + "%.1f KB, the service's own %.1f KB%n", directKb, serviceKb, serviceKb - directKb));
            out.append(String.format(Locale.ROOT, "JVM CPU use during slices: direct %.2f cores, via callout %.2f "
                    + "cores%n", (double) run.cpuNanos[DIRECT] / Math.max(1, run.wallNanos[DIRECT]),
                    (double) run.cpuNanos[SERVICE] / Math.max(1, run.wallNanos[SERVICE])));
        } else {
            out.append(String.format(Locale.ROOT, "JVM CPU per call pair (direct + via callout): %.0f us; service "
                    + "threads' CPU per call (Tomcat, carriers, pollers; no JIT/GC): %.0f us%n",
                    run.cpuTotal / 1e3 / Math.max(1, service.length),
                    run.serviceThreadNanos[SERVICE] / 1e3 / Math.max(1, service.length)));
            out.append(String.format(Locale.ROOT, "heap allocated per call pair (all threads): %.1f KB%n",
                    run.allocatedTotal / 1024.0 / Math.max(1, service.length)));
        }
        out.append(String.format(Locale.ROOT, "machine: %.2f of %d cores busy on average, this JVM %.2f, everything "
                + "else %.2f; GC: %d collections, %d ms; JIT compiling: %d ms%n", machineBusy, cores, jvmBusy,
                others, run.gcCount, run.gcMillis, run.compileMillis));
        out.append("load average before / after: " + loadBefore + " / " + loadAverage() + System.lineSeparator());
        return out.toString();
    }

    private static String trim(double p) {
        return p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** Busy and total CPU ticks of the whole machine from /proc/stat; zeros where there is none. */
    private static long[] machineTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new long[] { total - idle, total };
        } catch (IOException | RuntimeException e) {
            return new long[] { 0, 0 };
        }
    }

    /** Heap allocated by all threads so far (virtual threads' allocations count on their carriers). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    /** One line per measured call, for looking at when the slow ones happened. */
    private static void writeCalls(Run run, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("path,scheduled_ms,latency_us\n");
        long start = Math.min(run.counts[DIRECT] > 0 ? run.scheduledAt[DIRECT][0] : Long.MAX_VALUE,
                run.counts[SERVICE] > 0 ? run.scheduledAt[SERVICE][0] : Long.MAX_VALUE);
        for (int path : new int[] { DIRECT, SERVICE }) {
            for (int i = 0; i < run.counts[path]; i++) {
                csv.append(path == DIRECT ? "direct" : "callout").append(',')
                        .append(String.format(Locale.ROOT, "%.3f", (run.scheduledAt[path][i] - start) / 1e6)).append(',')
                        .append(run.latencies[path][i] / 1000).append('\n');
            }
        }
        Files.writeString(file, csv);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
    }

    /** Parks until {@code deadline}; a late wake-up is counted in the call's latency, not hidden. */
    private static void waitUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
