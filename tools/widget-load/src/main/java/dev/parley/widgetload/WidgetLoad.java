package dev.parley.widgetload;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The widget load benchmark: opens {@code --connections} widget WebSockets against a running gateway (most idle,
 * answering the server's pings), measures the gateway's memory per idle connection, then lets {@code --active} of
 * them chat with think time and reports their turn latency (message sent to {@code ack} received, the bot's reply
 * included). Exits 1 when connections failed, were dropped, or turns failed.
 */
public final class WidgetLoad {

    private static final int MAX_OPENING = 256;

    private static final Duration WARM_UP = Duration.ofSeconds(10);

    private static final String CHILD_OPENED = "idle-child opened ";

    private static final String CHILD_DONE = "idle-child still-open ";

    private WidgetLoad() {
    }

    public static void main(String[] args) throws Exception {
        WidgetLoadOptions options;
        try {
            options = WidgetLoadOptions.parse(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println("bin/widget-load: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(WidgetLoadOptions.USAGE);
            return;
        }
        System.exit((options.idleChild() ? holdIdle(options) : new WidgetLoad().run(options)) ? 0 : 1);
    }

    /** The child's part: open idle connections, say how many, hold them for the duration, say how many stayed. */
    private static boolean holdIdle(WidgetLoadOptions options) throws InterruptedException {
        ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor();
        List<HttpClient> clients = clients(options, callbacks);
        List<WidgetSession> sessions = new ArrayList<>(options.connections());
        int failed = open(options, clients, sessions, false);
        int open = (int) sessions.stream().filter(WidgetSession::isOpen).count();
        System.out.println(CHILD_OPENED + open + " " + failed);
        Thread.sleep(TimeUnit.SECONDS.toMillis(options.durationSeconds()));
        int stillOpen = (int) sessions.stream().filter(WidgetSession::isOpen).count();
        double pings = sessions.stream().mapToInt(WidgetSession::pings).average().orElse(Double.NaN);
        System.out.println(CHILD_DONE + stillOpen + " " + pings);
        sessions.forEach(WidgetSession::close);
        callbacks.shutdownNow();
        return stillOpen == open && failed == 0;
    }

    private static List<HttpClient> clients(WidgetLoadOptions options, ExecutorService callbacks) {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            clients.add(HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(20)).build());
        }
        return clients;
    }

    /** The idle connections in a child JVM of the same jar; completes with (opened, failed) once they are open. */
    private static IdleChild startIdleChild(WidgetLoadOptions options, int idle, int holdSeconds) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-XX:+UseSerialGC", "-jar", ownJar(), "--idle-child",
                "--gateway-url", options.gatewayUrl().toString(), "--org-id", options.orgId(), "--bot-id",
                options.botId(), "--origin", options.origin(), "--connections", Integer.toString(idle), "--active", "0",
                "--duration", Integer.toString(holdSeconds), "--ramp", Integer.toString(options.rampPerSecond()),
                "--clients", Integer.toString(options.clients())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        IdleChild child = new IdleChild(process);
        Thread.ofPlatform().daemon().name("idle-child-output").start(child::pump);
        return child;
    }

    private static String ownJar() {
        List<String> arguments = List.of(ProcessHandle.current().info().arguments().orElse(new String[0]));
        int jar = arguments.indexOf("-jar");
        if (jar < 0 || jar + 1 >= arguments.size()) {
            throw new IllegalStateException("run from the jar (bin/widget-load) to hold idle connections in a child,"
                    + " or pass --same-process");
        }
        return Path.of(arguments.get(jar + 1)).toAbsolutePath().toString();
    }

    /** The child JVM holding idle connections, and what it reported. */
    private static final class IdleChild {

        final Process process;

        final CompletableFuture<int[]> opened = new CompletableFuture<>();

        final CompletableFuture<double[]> done = new CompletableFuture<>();

        IdleChild(Process process) {
            this.process = process;
        }

        void pump() {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(CHILD_OPENED)) {
                        String[] parts = line.substring(CHILD_OPENED.length()).split(" ");
                        opened.complete(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
                    }
                    else if (line.startsWith(CHILD_DONE)) {
                        String[] parts = line.substring(CHILD_DONE.length()).split(" ");
                        done.complete(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
                    }
                    else if (!line.contains("connections requested")) {
                        System.out.println("  [idle child] " + line);
                    }
                }
            }
            catch (IOException e) {
                // the child ended
            }
            opened.completeExceptionally(new IllegalStateException("the idle child ended before opening"));
            done.completeExceptionally(new IllegalStateException("the idle child ended early"));
        }

        void stop() {
            process.destroy();
        }
    }

    private boolean run(WidgetLoadOptions options) throws Exception {
        Long pid = options.gatewayPid() != null ? options.gatewayPid()
                : GatewayProcess.find(options.gatewayUrl().getPort() == -1 ? 80 : options.gatewayUrl().getPort())
                        .orElse(null);
        GatewayProcess gateway = new GatewayProcess(pid, options.gatewayUrl());
        System.out.printf(Locale.ROOT, "Parley widget load: %d connections (%d active, %d idle) against %s%n",
                options.connections(), options.active(), options.idle(), options.socketUri());
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; gateway pid %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), pid == null ? "not found (no RSS, no forced GC)" : pid);

        long heapBefore = gateway.heapAfterGcBytes();
        long rssBefore = gateway.rssBytes();

        ExecutorService callbacks = Executors.newVirtualThreadPerTaskExecutor();
        List<HttpClient> clients = clients(options, callbacks);
        List<WidgetSession> sessions = new ArrayList<>(options.connections());
        long openStarted = System.nanoTime();
        int inChild = options.idleInChild() ? options.idle() : 0;
        IdleChild child = null;
        int childOpen = 0;
        int failedOpens = 0;
        if (inChild > 0) {
            System.out.printf(Locale.ROOT, "a child JVM holds the %d idle connections%n", inChild);
            child = startIdleChild(options, inChild, (int) (WARM_UP.toSeconds() + options.durationSeconds() + 30));
            int[] opened = child.opened.get(inChild / Math.max(1, options.rampPerSecond()) + 120, TimeUnit.SECONDS);
            childOpen = opened[0];
            failedOpens += opened[1];
        }
        failedOpens += open(options, clients, sessions, true);
        double openSeconds = (System.nanoTime() - openStarted) / 1e9;
        int ownOpen = (int) sessions.stream().filter(WidgetSession::isOpen).count();
        int open = ownOpen + childOpen;
        System.out.printf(Locale.ROOT, "opened %d of %d connections in %.1f s (%d failed)%n", open,
                options.connections(), openSeconds, failedOpens);

        Thread.sleep(3000);
        long heapConnected = gateway.heapAfterGcBytes();
        long rssConnected = gateway.rssBytes();
        double heapPerConnection = heapBefore > 0 && heapConnected > 0 && open > 0
                ? (double) (heapConnected - heapBefore) / open : Double.NaN;
        double rssPerConnection = rssBefore > 0 && rssConnected > 0 && open > 0
                ? (double) (rssConnected - rssBefore) / open : Double.NaN;
        System.out.printf(Locale.ROOT, "gateway heap after GC: %s -> %s (%.1f KB per connection)%n",
                mb(heapBefore), mb(heapConnected), heapPerConnection / 1024);
        System.out.printf(Locale.ROOT, "gateway RSS:           %s -> %s (%.1f KB per connection)%n",
                mb(rssBefore), mb(rssConnected), rssPerConnection / 1024);

        Latencies latencies = new Latencies();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        LongAdder turns = new LongAdder();
        List<WidgetSession> active = sessions.subList(0, Math.min(options.active(), sessions.size()));
        long chatStarted = System.nanoTime();
        long measureFrom = chatStarted + WARM_UP.toNanos();
        long deadline = measureFrom + TimeUnit.SECONDS.toNanos(options.durationSeconds());
        System.out.printf(Locale.ROOT, "%d active sessions chat for %d s after a %d s warm-up, think time ~%d ms%n",
                active.size(), options.durationSeconds(), WARM_UP.toSeconds(), options.thinkMillis());
        List<Thread> visitors = new ArrayList<>();
        for (WidgetSession session : active) {
            visitors.add(Thread.ofVirtual().start(() -> chat(session, options, measureFrom, deadline, latencies,
                    errors, turns)));
        }
        long measuredTurnsBefore = 0;
        while (System.nanoTime() < deadline) {
            Thread.sleep(10_000);
            long open10 = sessions.stream().filter(WidgetSession::isOpen).count() + childOpen;
            long done = turns.sum();
            System.out.printf(Locale.ROOT, "  %3.0f s: %d turns measured (%d in the last 10 s), p99 so far %.1f ms, "
                    + "%d connections open (the child's counted as opened)%n", (System.nanoTime() - chatStarted) / 1e9, latencies.count(),
                    done - measuredTurnsBefore, latencies.percentileMillis(99), open10);
            measuredTurnsBefore = done;
        }
        for (Thread visitor : visitors) {
            visitor.join(60_000);
        }
        double chatSeconds = options.durationSeconds();
        int stillOpen = (int) sessions.stream().filter(WidgetSession::isOpen).count();
        double pingsPerIdle = sessions.subList(active.size(), sessions.size()).stream()
                .mapToInt(WidgetSession::pings).average().orElse(Double.NaN);
        if (child != null) {
            try {
                double[] done = child.done.get(90, TimeUnit.SECONDS);
                stillOpen += (int) done[0];
                pingsPerIdle = done[1];
            }
            catch (Exception e) {
                System.out.println("  the idle child did not report: " + e.getMessage());
            }
            finally {
                child.stop();
            }
        }
        long rssEnd = gateway.rssBytes();

        System.out.println();
        System.out.printf(Locale.ROOT, "connections: %d opened, %d failed to open, %d still open at the end%n", open,
                failedOpens, stillOpen);
        System.out.printf(Locale.ROOT, "turns: %d measured, %.1f turns/s, errors %s%n", latencies.count(),
                latencies.count() / chatSeconds, errors.isEmpty() ? "none" : errors);
        System.out.printf(Locale.ROOT, "turn latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n",
                latencies.percentileMillis(50), latencies.percentileMillis(90), latencies.percentileMillis(99),
                latencies.percentileMillis(100));
        System.out.printf(Locale.ROOT, "heartbeat: %.1f server pings per idle connection in %.0f s%n", pingsPerIdle,
                (System.nanoTime() - openStarted) / 1e9);
        System.out.printf(Locale.ROOT, "gateway memory per idle connection: heap %.1f KB, RSS %.1f KB "
                + "(RSS at the end %s)%n", heapPerConnection / 1024, rssPerConnection / 1024, mb(rssEnd));
        boolean target = open >= 10_000 && latencies.percentileMillis(99) < 100;
        System.out.printf(Locale.ROOT, "target (10,000 concurrent sessions, active p99 < 100 ms): %s%n",
                open >= 10_000 ? (latencies.percentileMillis(99) < 100 ? "met" : "NOT met (p99)")
                        : "not tried at this size (" + open + " connections)");

        if (options.reportFile() != null) {
            Files.writeString(Path.of(options.reportFile()), String.format(Locale.ROOT, """
                    {"connections":%d,"opened":%d,"failedOpens":%d,"stillOpen":%d,"active":%d,"durationSeconds":%d,\
                    "thinkMillis":%d,"turns":%d,"errors":%d,"p50Ms":%.2f,"p90Ms":%.2f,"p99Ms":%.2f,"maxMs":%.2f,\
                    "heapBytesPerConnection":%.0f,"rssBytesPerConnection":%.0f,"targetMet":%s}
                    """, options.connections(), open, failedOpens, stillOpen, active.size(),
                    options.durationSeconds(), options.thinkMillis(), latencies.count(),
                    errors.values().stream().mapToLong(LongAdder::sum).sum(), latencies.percentileMillis(50),
                    latencies.percentileMillis(90), latencies.percentileMillis(99), latencies.percentileMillis(100),
                    heapPerConnection, rssPerConnection, target));
        }
        sessions.forEach(WidgetSession::close);
        callbacks.shutdownNow();
        return failedOpens == 0 && stillOpen == open && errors.isEmpty() && latencies.count() > 0
                || options.active() == 0 && failedOpens == 0 && stillOpen == open;
    }

    /** Opens the connections at the ramp rate, at most {@value #MAX_OPENING} handshakes at a time. */
    private static int open(WidgetLoadOptions options, List<HttpClient> clients, List<WidgetSession> sessions,
            boolean measuring) throws InterruptedException {
        int count = measuring && options.idleInChild() ? options.active() : options.connections();
        Semaphore opening = new Semaphore(MAX_OPENING);
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / options.rampPerSecond();
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += interval;
            opening.acquire();
            WidgetSession session = new WidgetSession();
            sessions.add(session);
            CompletableFuture<Void> welcomed = session.open(clients.get(i % clients.size()), options.socketUri(),
                    options.origin())
                    .orTimeout(30, TimeUnit.SECONDS)
                    .whenComplete((ok, failure) -> {
                        opening.release();
                        if (failure != null && failed.incrementAndGet() <= 5) {
                            System.out.println("  connection failed: " + failure);
                        }
                    });
            all.add(welcomed.exceptionally(e -> null));
            if ((i + 1) % 1000 == 0) {
                System.out.printf(Locale.ROOT, "  %d connections requested%n", i + 1);
            }
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return failed.get();
    }

    /** One visitor: starts the chat, then answers the bot like a person, never ending the chat on purpose. */
    private static void chat(WidgetSession session, WidgetLoadOptions options, long measureFrom, long deadline,
            Latencies latencies, Map<String, LongAdder> errors, LongAdder turns) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            // staggered, so the visitors do not all type at the same moment
            Thread.sleep(random.nextLong(Math.max(1, options.thinkMillis())));
            turn(session, "start", null, measureFrom, latencies, errors, turns);
            while (System.nanoTime() < deadline && session.isOpen()) {
                Thread.sleep((long) (options.thinkMillis() * (0.5 + random.nextDouble())));
                if (System.nanoTime() >= deadline) {
                    break;
                }
                if (session.ended()) {
                    turn(session, "start", null, measureFrom, latencies, errors, turns);
                    continue;
                }
                List<Map<String, Object>> choices = session.lastChoices().stream()
                        .filter(c -> !"End Chat".equals(c.get("label"))).toList();
                if (!choices.isEmpty() && random.nextInt(4) != 0) {
                    Map<String, Object> choice = choices.get(random.nextInt(choices.size()));
                    turn(session, "choice", choice, measureFrom, latencies, errors, turns);
                }
                else {
                    turn(session, "message", null, measureFrom, latencies, errors, turns);
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void turn(WidgetSession session, String type, Map<String, Object> choice, long measureFrom,
            Latencies latencies, Map<String, LongAdder> errors, LongAdder turns) {
        String id = UUID.randomUUID().toString();
        String frame = switch (type) {
            case "start" -> "{\"type\":\"start\",\"id\":\"" + id + "\"}";
            case "choice" -> "{\"type\":\"choice\",\"id\":\"" + id + "\",\"choiceId\":\"" + choice.get("id")
                    + "\",\"label\":\"" + String.valueOf(choice.get("label")).replace("\"", "") + "\"}";
            default -> "{\"type\":\"message\",\"id\":\"" + id + "\",\"text\":\"order "
                    + ThreadLocalRandom.current().nextInt(10_000, 99_999) + "\"}";
        };
        long started = System.nanoTime();
        Map<String, Object> answer;
        try {
            answer = session.request(id, frame).get(30, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            errors.computeIfAbsent("no-ack", k -> new LongAdder()).increment();
            return;
        }
        long micros = (System.nanoTime() - started) / 1000;
        if ("error".equals(answer.get("type"))) {
            errors.computeIfAbsent(String.valueOf(answer.get("code")), k -> new LongAdder()).increment();
            return;
        }
        turns.increment();
        session.acknowledge();
        if (started >= measureFrom && !"start".equals(type)) {
            latencies.record(micros);
        }
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
