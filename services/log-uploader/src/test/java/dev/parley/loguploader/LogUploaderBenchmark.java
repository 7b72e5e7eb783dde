package dev.parley.loguploader;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.runtime.api.Topics;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.KafkaBroker;
import dev.parley.testkit.PostgresServer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throughput of the log uploader to a healthy local destination, with production settings (batch size 200, linger
 * 1 s) against the testkit's PostgreSQL and Kafka. Not part of the build (its name does not end in Tests): run it
 * with {@code bin/bench-log-uploader}. Phase 1 drains a backlog already in Kafka (events/s delivered); phase 2 feeds
 * events at a fixed rate and measures the lag from publish to receipt.
 */
class LogUploaderBenchmark {

    private static final String PREFIX = "bench.";
    private static final String ORG = "orgbench";
    private static final String CREDENTIAL = "bench-credential";

    private final JsonMapper json = JsonMapper.builder().build();
    private final int backlog = Integer.getInteger("bench.events", 200_000);
    private final int rate = Integer.getInteger("bench.rate", 10_000);
    private final int seconds = Integer.getInteger("bench.seconds", 10);
    private final int batchSize = Integer.getInteger("bench.batchSize", 200);

    @Test
    void measure() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        KafkaBroker kafka = Infrastructure.kafka();
        String jdbcUrl = postgres.createDatabase("loguploader_bench");
        kafka.createTopic(PREFIX + Topics.TURN_EVENTS, 6);
        List<String> args = List.of("--server.port=0", "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--parley.platform.kafka-prefix=" + PREFIX, "--parley.platform.internal-credential=" + CREDENTIAL,
                "--parley.log-uploader.destinations.allow-http=true",
                "--parley.log-uploader.destinations.allow-private-network=true",
                "--logging.level.dev.parley=WARN");
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "log-uploader benchmark %s, %d cores, batch size %d%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), batchSize));

        try (Destination destination = new Destination();
                TurnEventsProducer producer = new TurnEventsProducer(kafka.bootstrapServers(),
                        PREFIX + Topics.TURN_EVENTS, json)) {
            // the destination must exist before events are read, so the backlog is published while the service is down
            try (ConfigurableApplicationContext setup = start(args)) {
                new AdminApi(port(setup), CREDENTIAL, json).createDestination(ORG, Map.of("name", "bench",
                        "url", destination.url(), "authHeaderValue", "Bearer bench", "batchSize", batchSize));
            }
            long produceStart = System.nanoTime();
            List<TurnEvent> events = events(backlog, 0);
            for (int i = 0; i < events.size(); i += 10_000) {
                producer.sendAll(events.subList(i, Math.min(events.size(), i + 10_000)));
            }
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
            report.append(String.format(Locale.ROOT, "published %,d events (%d bytes each on average) in %.1f s%n",
                    backlog, events.stream().mapToInt(e -> json.writeValueAsString(e).length()).sum() / backlog,
                    produceSeconds));

            long started = System.nanoTime();
            try (ConfigurableApplicationContext app = start(args)) {
                long ready = System.nanoTime();
                Duration jvmCpuBefore = jvmCpu();
                Duration pgCpuBefore = postgresCpu(postgres.port());
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                long storedAt = 0;
                while (destination.events.get() < backlog) {
                    if (storedAt == 0 && stored(jdbc) >= backlog) {
                        storedAt = System.nanoTime();
                    }
                    Thread.sleep(100);
                    assertThat(System.nanoTime() - ready).as("draining the backlog").isLessThan(Duration.ofMinutes(5).toNanos());
                }
                long done = System.nanoTime();
                Duration jvmCpu = jvmCpu().minus(jvmCpuBefore);
                Duration pgCpu = postgresCpu(postgres.port()).minus(pgCpuBefore);
                storedAt = storedAt == 0 ? done : storedAt;
                double drain = (done - ready) / 1e9;
                double deliveryWindow = (destination.lastNanos.get() - destination.firstNanos.get()) / 1e9;
                report.append(String.format(Locale.ROOT, "phase 1, backlog drain: service started in %.1f s, then "
                        + "%,d events delivered in %.2f s = %,.0f events/s (stored in batches after %.2f s; "
                        + "first to last delivery %.2f s = %,.0f events/s); %d requests, %d duplicates%n",
                        (ready - started) / 1e9, backlog, drain, backlog / drain, (storedAt - ready) / 1e9,
                        deliveryWindow, backlog / deliveryWindow, destination.requests.get(),
                        destination.requests.get() - destination.keys.size()));
                report.append(String.format(Locale.ROOT, "         CPU while draining: %.1f s in this JVM (uploader, "
                        + "in-process Kafka broker, destination), %.1f s in PostgreSQL = %.0f µs per event; "
                        + "load average %.1f%n", jvmCpu.toMillis() / 1e3, pgCpu.toMillis() / 1e3,
                        (jvmCpu.toNanos() + pgCpu.toNanos()) / 1e3 / backlog,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

                // phase 2: a steady stream, lag from publish to receipt
                destination.reset();
                int total = rate * seconds;
                List<TurnEvent> stream = events(total, 1);
                long streamStart = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = streamStart + (long) (i * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 1_000_000) {
                        Thread.sleep(wait / 1_000_000);
                    }
                    TurnEvent event = stream.get(i);
                    destination.sentAt.put(event.eventId().toString(), System.nanoTime());
                    producer.send(event);
                }
                producer.flush();
                double publishSeconds = (System.nanoTime() - streamStart) / 1e9;
                while (destination.events.get() < total) {
                    Thread.sleep(50);
                    assertThat(System.nanoTime() - streamStart).as("the steady phase").isLessThan(Duration.ofMinutes(3).toNanos());
                }
                List<Long> lags = new ArrayList<>(destination.lagMillis);
                lags.sort(Long::compare);
                report.append(String.format(Locale.ROOT, "phase 2, steady %,d events/s for %d s (published in "
                        + "%.1f s): delivered %,d, lag publish->receipt p50 %d ms, p99 %d ms, max %d ms%n", rate,
                        seconds, publishSeconds, destination.events.get(), percentile(lags, 0.5),
                        percentile(lags, 0.99), lags.getLast()));
            }
        }
        System.out.print(report);
        Path out = Path.of("target", "bench-log-uploader.txt");
        Files.writeString(out, report.toString());
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(LogUploaderApplication.class).main(LogUploaderApplication.class)
                .run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static Duration jvmCpu() {
        return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime());
    }

    /** CPU used so far by the PostgreSQL server on this port and its backends. */
    private static Duration postgresCpu(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("bin/postgres") && c.contains("-p " + port + " "))
                        .orElse(false))
                .findFirst()
                .map(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
                                postmaster.descendants())
                        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus))
                .orElse(Duration.ZERO);
    }

    private static long stored(JdbcTemplate jdbc) {
        Long stored = jdbc.queryForObject("select coalesce(sum(event_count), 0) from delivery_batch", Long.class);
        return stored == null ? 0 : stored;
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    /** Turn events shaped like a real turn's: steps, variable changes, messages, spread over 2,000 sessions. */
    private static List<TurnEvent> events(int count, int run) {
        List<TurnEvent> events = new ArrayList<>(count);
        String[] types = {"StepExecuted", "VariableChanged", "MessageSent", "DialogEntered"};
        for (int i = 0; i < count; i++) {
            String session = ORG + "-r" + run + "-s" + (i % 2000);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("dialog", "Order_Status");
            data.put("step", "step-" + (i % 17));
            data.put("stepType", "Message");
            data.put("variable", "OrderNumber");
            data.put("value", "00" + (100_000 + i));
            data.put("text", "Your order is on its way and should arrive within three working days.");
            data.put("logPrivateConversationData", true);
            events.add(TurnEventsProducer.event(ORG, "bot-bench", session, 1 + i / 2000, 0, types[i % 4], data));
        }
        return events;
    }

    /** A healthy endpoint that counts events cheaply, dedupes by key, and notes when each event arrived. */
    private static final class Destination implements AutoCloseable {

        private static final byte[] EVENT_ID = "\"eventId\":\"".getBytes(StandardCharsets.UTF_8);

        final AtomicLong events = new AtomicLong();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong firstNanos = new AtomicLong();
        final AtomicLong lastNanos = new AtomicLong();
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final List<Long> lagMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        private final HttpServer server;

        Destination() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body;
                    try (InputStream in = exchange.getRequestBody()) {
                        body = in.readAllBytes();
                    }
                    long now = System.nanoTime();
                    requests.incrementAndGet();
                    if (keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"))) {
                        int count = 0;
                        for (int i = indexOf(body, 0); i >= 0; i = indexOf(body, i + EVENT_ID.length)) {
                            count++;
                            if (!sentAt.isEmpty()) {
                                Long sent = sentAt.get(new String(body, i + EVENT_ID.length, 36, StandardCharsets.UTF_8));
                                if (sent != null) {
                                    lagMillis.add((now - sent) / 1_000_000);
                                }
                            }
                        }
                        firstNanos.compareAndSet(0, now);
                        lastNanos.set(now);
                        events.addAndGet(count);
                    }
                    exchange.sendResponseHeaders(200, -1);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/ingest";
        }

        void reset() {
            events.set(0);
            keys.clear();
            requests.set(0);
        }

        private static int indexOf(byte[] body, int from) {
            outer:
            for (int i = from; i <= body.length - EVENT_ID.length; i++) {
                for (int j = 0; j < EVENT_ID.length; j++) {
                    if (body[i + j] != EVENT_ID[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
