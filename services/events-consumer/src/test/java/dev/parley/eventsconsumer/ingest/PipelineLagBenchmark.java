package dev.parley.eventsconsumer.ingest;

import dev.parley.eventsconsumer.EventsConsumerApplication;
import dev.parley.eventsconsumer.TestKafka;
import dev.parley.eventsconsumer.TurnEventStream;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.PostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end lag of the turn-event pipeline at a steady rate of turns: a publisher sends each turn's events (eight per
 * turn, as the runtime emits them for a message turn, keyed by session id, with the runtime's producer settings) to
 * the real in-process Kafka topic (6 partitions) on schedule, the real events-consumer listener (production settings)
 * stores them in the real PostgreSQL, and a poller looks up, every {@link #POLL} ms, whether turns' last events are
 * visible to another connection. Lag = first seen visible (after the lookup returned) - sent, so it includes up to
 * one poll interval and the lookup itself. Run by
 * {@code bin/bench-pipeline-lag [--rate turns/s] [--seconds N] [--warmup N]}.
 */
public final class PipelineLagBenchmark {

    private static final String PREFIX = "lag.";
    private static final String TOPIC = PREFIX + "parley.turn-events";
    private static final int POLL = 25;
    private static final int PROBES = 8;
    private static final int TURNS_PER_SESSION = 6;
    private static final int ACTIVE_SESSIONS = 2_000;

    private PipelineLagBenchmark() {
    }

    /** One turn, ready to send: its records' values, its session and its last event (the one the poller looks for). */
    private record Turn(String sessionId, String[] values, UUID lastEventId) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "25"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        Infrastructure.startAll();
        PostgresServer postgres = Infrastructure.postgres();
        String jdbcUrl = postgres.createDatabase("events_lag_bench");
        String bootstrap = Infrastructure.kafka().bootstrapServers();
        Infrastructure.kafka().createTopic(TOPIC, 6);

        int total = rate * (warmup + seconds);
        Instant planned = Instant.now();
        List<Turn> turns = turns(total, rate, planned);
        System.out.printf(Locale.ROOT, "pipeline lag benchmark: %,d turns/s (%d events each) for %d s after %d s of warm-up"
                + ", %d cores%n", rate, turns.getFirst().values().length, seconds, warmup,
                Runtime.getRuntime().availableProcessors());

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EventsConsumerApplication.class).run(
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + bootstrap, "--parley.platform.kafka-prefix=" + PREFIX,
                "--parley.platform.internal-credential=bench", "--parley.events-consumer.retention.enabled=false",
                "--logging.level.root=WARN");
                // the runtime's producer settings (services/runtime application.yml)
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20),
                        new StringSerializer(), new StringSerializer())) {
            CpuClock.awaitJitQuiet();
            // occurredAt was planned from the generation time; sending starts now (occurredAt only picks metric minutes)
            Instant start = Instant.now().plusMillis(200);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            JdbcClient client = app.getBean(JdbcClient.class);
            AtomicLongArray sent = new AtomicLongArray(total); // written by the publisher, read by the poller
            long[] seen = new long[total];
            Arrays.fill(seen, -1);
            AtomicIntegerArray partitionOf = new AtomicIntegerArray(total); // from the broker's acknowledgements
            for (int i = 0; i < total; i++) {
                partitionOf.set(i, -1);
            }
            int measuredFrom = rate * warmup;
            CpuClock[] cpu = new CpuClock[1];
            @SuppressWarnings("unchecked")
            Map<String, Long>[] threads = new Map[1];
            long[] commits = new long[1];
            String[] loadBefore = new String[1];
            long[] measuredWindow = new long[2];

            Thread publisher = Thread.ofPlatform().name("turn-publisher").start(() -> {
                long t0 = System.nanoTime() + Duration.between(Instant.now(), start).toNanos();
                for (int i = 0; i < total; i++) {
                    long due = t0 + (long) i * 1_000_000_000L / rate;
                    long now;
                    while ((now = System.nanoTime()) < due) {
                        LockSupport.parkNanos(Math.min(due - now, 500_000));
                    }
                    if (i == measuredFrom) {
                        loadBefore[0] = CpuClock.loadAverage();
                        threads[0] = CpuClock.threadTicks();
                        commits[0] = commits(client);
                        cpu[0] = CpuClock.of(client);
                        measuredWindow[0] = System.nanoTime();
                    }
                    Turn turn = turns.get(i);
                    sent.set(i, System.nanoTime());
                    String[] values = turn.values();
                    for (int e = 0; e < values.length - 1; e++) {
                        producer.send(new ProducerRecord<>(TOPIC, turn.sessionId(), values[e]));
                    }
                    int index = i;
                    producer.send(new ProducerRecord<>(TOPIC, turn.sessionId(), values[values.length - 1]),
                            (metadata, failure) -> partitionOf.set(index, failure == null ? metadata.partition() : -2));
                }
                measuredWindow[1] = System.nanoTime();
                producer.flush();
            });

            int outOfOrder = poll(jdbc, turns, partitionOf, seen, publisher);
            if (outOfOrder > 0) {
                System.out.println("warning: " + outOfOrder + " polls saw a partition's turns become visible out of order");
            }
            publisher.join();
            double[] used = cpu[0].seconds();
            String loadAfter = CpuClock.loadAverage();
            report(turns, sent, seen, measuredFrom, measuredWindow, used, loadBefore[0], loadAfter);
            System.out.printf(Locale.ROOT, "PostgreSQL transactions committed meanwhile: %,d%n",
                    commits(client) - commits[0]);
            CpuClock.printThreads(threads[0]);
        }
        System.exit(0);
    }

    /**
     * Finds when each turn became visible, cheaply enough not to slow down what it measures: one partition's events
     * are stored by one consumer, batch after batch, in offset order, so visibility is monotonic per partition. Each
     * poll looks up at most {@link #PROBES} turns per partition, spread over its unseen ones (all when fewer); when a
     * probe is visible, so are all turns before it on that partition. Turns are looked at once the broker acknowledged
     * them (so their partition is known). Gives up a minute after the last send.
     */
    private static int poll(JdbcTemplate jdbc, List<Turn> turns, AtomicIntegerArray partitionOf, long[] seen,
            Thread publisher) {
        int total = turns.size();
        Map<Integer, List<Integer>> unseen = new HashMap<>();
        int acknowledged = 0;
        int remaining = total;
        int outOfOrder = 0;
        long giveUpAt = Long.MAX_VALUE;
        while (remaining > 0 && System.nanoTime() < giveUpAt) {
            LockSupport.parkNanos(POLL * 1_000_000L);
            while (acknowledged < total && partitionOf.get(acknowledged) >= 0) {
                unseen.computeIfAbsent(partitionOf.get(acknowledged), p -> new ArrayList<>()).add(acknowledged);
                acknowledged++;
            }
            Map<UUID, Integer> probes = new HashMap<>();
            for (List<Integer> waiting : unseen.values()) {
                int n = waiting.size();
                for (int k = 0; k < Math.min(n, PROBES); k++) {
                    int position = n <= PROBES ? k : (int) ((long) k * (n - 1) / (PROBES - 1));
                    probes.put(turns.get(waiting.get(position)).lastEventId(), position);
                }
            }
            if (!probes.isEmpty()) {
                java.util.Set<UUID> visible = new java.util.HashSet<>(visible(jdbc, probes.keySet().toArray(UUID[]::new)));
                long now = System.nanoTime();
                for (List<Integer> waiting : unseen.values()) {
                    int highest = -1;
                    int lowestInvisible = Integer.MAX_VALUE;
                    int n = waiting.size();
                    for (int k = 0; k < Math.min(n, PROBES); k++) {
                        int position = n <= PROBES ? k : (int) ((long) k * (n - 1) / (PROBES - 1));
                        if (visible.contains(turns.get(waiting.get(position)).lastEventId())) {
                            highest = Math.max(highest, position);
                        } else {
                            lowestInvisible = Math.min(lowestInvisible, position);
                        }
                    }
                    if (highest > lowestInvisible) {
                        outOfOrder++;
                    }
                    for (int position = 0; position <= highest; position++) {
                        seen[waiting.get(position)] = now;
                    }
                    waiting.subList(0, highest + 1).clear();
                    remaining -= highest + 1;
                }
            }
            if (!publisher.isAlive() && giveUpAt == Long.MAX_VALUE) {
                giveUpAt = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            }
        }
        return outOfOrder;
    }

    private static long commits(JdbcClient client) {
        return client.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
                .query(Long.class).single();
    }

    private static List<UUID> visible(JdbcTemplate jdbc, UUID[] ids) {
        return jdbc.execute((ConnectionCallback<List<UUID>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT event_id FROM turn_event WHERE event_id = ANY(?)")) {
                statement.setArray(1, connection.createArrayOf("uuid", ids));
                List<UUID> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
                return found;
            }
        });
    }

    private static void report(List<Turn> turns, AtomicLongArray sent, long[] seen, int from, long[] window,
            double[] cpu, String loadBefore, String loadAfter) {
        int total = turns.size();
        long[] lags = new long[total - from];
        int missing = 0;
        for (int i = from; i < total; i++) {
            lags[i - from] = seen[i] < 0 ? Long.MAX_VALUE : seen[i] - sent.get(i);
            missing += seen[i] < 0 ? 1 : 0;
        }
        Arrays.sort(lags);
        int events = turns.getFirst().values().length;
        double wall = (window[1] - window[0]) / 1e9;
        int measured = total - from;
        System.out.printf(Locale.ROOT, "sent %,d turns = %,d events in %.2f s: %,.0f turns/s = %,.0f events/s%n",
                measured, measured * events, wall, measured / wall, measured * events / wall);
        System.out.printf(Locale.ROOT, "lag sent -> visible in PostgreSQL (poll every %d ms): p50 %s  p90 %s  p99 %s"
                        + "  max %s%s%n", POLL, ms(lags, 0.50), ms(lags, 0.90), ms(lags, 0.99),
                ms(lags, 1.0), missing == 0 ? "" : "  (" + missing + " turns never seen)");
        double all = cpu[0] + cpu[1];
        System.out.printf(Locale.ROOT, "CPU: JVM (publisher, broker, consumer) %.2f s + PostgreSQL %.2f s = %.1f us/event,"
                        + " %.0f%% of 2 cores%n", cpu[0], cpu[1], all * 1e6 / (measured * (double) events),
                100 * all / (2 * wall));
        System.out.println("load average (1 min): before " + loadBefore + ", after " + loadAfter);
    }

    private static String ms(long[] sorted, double quantile) {
        long value = sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
        return value == Long.MAX_VALUE ? "never" : String.format(Locale.ROOT, "%.0f ms", value / 1e6);
    }

    /**
     * {@code count} turns as the runtime publishes them: {@link #ACTIVE_SESSIONS} sessions interleaved, each of
     * {@link #TURNS_PER_SESSION} turns (a start, message turns, an end; eight events each), every fourth session with
     * private data; {@code occurredAt} is the turn's planned send time.
     */
    private static List<Turn> turns(int count, int rate, Instant start) {
        List<Turn> turns = new ArrayList<>(count);
        String[] sessions = new String[ACTIVE_SESSIONS];
        int[] nextTurn = new int[ACTIVE_SESSIONS];
        int created = 0;
        for (int i = 0; i < count; i++) {
            int slot = i % ACTIVE_SESSIONS;
            if (sessions[slot] == null || nextTurn[slot] > TURNS_PER_SESSION) {
                sessions[slot] = UUID.randomUUID().toString();
                nextTurn[slot] = 1;
                created++;
            }
            int sessionNumber = created;
            Instant at = start.plusNanos((long) i * 1_000_000_000L / rate);
            List<TurnEvent> events = turn(sessionNumber, sessions[slot], nextTurn[slot]++, at);
            String[] values = events.stream().map(TestKafka::json).toArray(String[]::new);
            turns.add(new Turn(sessions[slot], values, events.getLast().eventId()));
        }
        return turns;
    }

    private static List<TurnEvent> turn(int sessionNumber, String sessionId, int turn, Instant at) {
        TurnEventStream stream = TurnEventStream.session("00Dlag" + sessionNumber % 5, "bot" + sessionNumber % 4,
                "0X9" + sessionNumber % 3, sessionId, at, sessionNumber % 4 == 0 ? false : null);
        for (int t = 1; t < turn; t++) {
            stream.turn(); // event ids follow the turn number
        }
        stream.turn();
        if (turn == 1) {
            stream.welcome();
        } else if (turn < TURNS_PER_SESSION) {
            stream.event("MessageReceived", "type", "Text", "text", "where is my order A-" + turn + "?")
                    .event("IntentMatched", "dialog", "Order_Status", "source", "nlu", "utterance",
                            "where is my order?", "intent", "Order_Status", "confidence", 0.92)
                    .event("DialogEntered", "dialog", "Order_Status", "via", "intent")
                    .event("StepExecuted", "dialog", "Order_Status", "step", "o1", "stepType", "VariableOperation")
                    .event("VariableChanged", "dialog", "Order_Status", "step", "o1", "variable", "OrderNumber",
                            "value", "A-" + turn, "previousValue", "A-0000", "source", "Collect")
                    .event("StepExecuted", "dialog", "Order_Status", "step", "o2", "stepType", "Message")
                    .event("MessageSent", "dialog", "Order_Status", "step", "o2", "kind", "text", "text",
                            "Your order has shipped")
                    .event("TurnCompleted", "latencyMs", 20 + turn * 7, "messages", 1, "ended", false);
        } else {
            stream.event("MessageReceived", "type", "Text", "text", "bye")
                    .event("DialogEntered", "dialog", "End_Chat", "via", "intent")
                    .event("StepExecuted", "dialog", "End_Chat", "step", "e1", "stepType", "Message")
                    .event("MessageSent", "dialog", "End_Chat", "step", "e1", "kind", "text", "text", "Goodbye")
                    .event("DialogCompleted", "dialog", "End_Chat")
                    .event("StepExecuted", "dialog", "End_Chat", "step", "e2", "stepType", "SystemMessage")
                    .event("SessionEnded", "reason", "Action")
                    .event("TurnCompleted", "latencyMs", 9, "messages", 1, "ended", true);
        }
        return stream.events().stream().filter(e -> e.turn() == turn).map(e -> new TurnEvent(e.eventId(), e.type(),
                e.schemaVersion(), e.orgId(), e.botId(), e.botVersion(), e.sessionId(), at, e.turn(), e.sequenceId(),
                e.requestId(), e.data())).toList();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --rate, --seconds or --warmup but got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
