package dev.parley.eventsconsumer.ingest;

import dev.parley.eventsconsumer.EventsConsumerApplication;
import dev.parley.eventsconsumer.TestKafka;
import dev.parley.eventsconsumer.TurnEventStream;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures ingest throughput into a real PostgreSQL: (1) the ingest path fed directly with polled-batch-sized lists of
 * records (parse, redact, insert, aggregate, commit), one thread; (2) end to end: N events already on a 6-partition
 * topic, from listener start until the group has committed them all. Run by {@code bin/bench-events-consumer [N]}.
 */
public final class IngestBenchmark {

    private static final String PREFIX = "bench.";
    private static final int BATCH = 2_000;

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int target = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Infrastructure.startAll();
        PostgresServer postgres = Infrastructure.postgres();
        String jdbcUrl = postgres.createDatabase("events_bench");
        String bootstrap = Infrastructure.kafka().bootstrapServers();
        Infrastructure.kafka().createTopic(PREFIX + "parley.turn-events", 6);
        System.out.printf(Locale.ROOT, "events-consumer ingest benchmark: %,d events per run, %d cores%n", target,
                Runtime.getRuntime().availableProcessors());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EventsConsumerApplication.class).run(
                "--spring.main.web-application-type=none",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + bootstrap, "--parley.platform.kafka-prefix=" + PREFIX,
                "--parley.platform.internal-credential=bench", "--parley.events-consumer.retention.enabled=false",
                "--spring.kafka.listener.auto-startup=false", "--logging.level.root=WARN");
                TestKafka kafka = new TestKafka(bootstrap)) {
            EventIngestor ingestor = app.getBean(EventIngestor.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            // warm-up: JIT and PostgreSQL caches
            direct(ingestor, records(events("warm", Math.min(target, 40_000))));
            List<ConsumerRecord<String, String>> records = records(events("direct", target));
            CpuClock cpu = CpuClock.of(jdbc);
            long started = System.nanoTime();
            direct(ingestor, records);
            report("direct ingest (parse + store, 1 thread, batches of " + BATCH + ")", records.size(), started);
            cpu.report(records.size());

            List<TurnEvent> published = events("kafka", target);
            long producing = System.nanoTime();
            kafka.publish(PREFIX + "parley.turn-events", published);
            report("publishing to Kafka (test producer, not part of ingest)", published.size(), producing);
            long before = count(jdbc);
            CpuClock e2eCpu = CpuClock.of(jdbc);
            long consuming = System.nanoTime();
            app.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(TurnEventsListener.ID).start();
            kafka.awaitCaughtUp(PREFIX + "events-consumer", PREFIX + "parley.turn-events", Duration.ofMinutes(10));
            report("end to end from Kafka (listener, concurrency 2, commit after each batch)",
                    count(jdbc) - before, consuming);
            e2eCpu.report(count(jdbc) - before);

            long replaying = System.nanoTime();
            direct(ingestor, records);
            report("replay of already stored events (all duplicates)", records.size(), replaying);
        }
        System.exit(0);
    }

    private static List<TurnEvent> events(String label, int target) {
        Instant start = Instant.now().minus(Duration.ofHours(2));
        List<TurnEvent> events = new ArrayList<>(target + 64);
        int session = 0;
        while (events.size() < target) {
            String org = "00D" + label + (session % 5);
            String version = "0X9" + (session % 3);
            events.addAll(TurnEventStream.conversation(org, "bot" + (session % 4), version,
                    UUID.randomUUID().toString(), start.plusMillis(session * 37L), session % 4 == 0 ? false : null));
            session++;
        }
        return events.subList(0, target);
    }

    private static List<ConsumerRecord<String, String>> records(List<TurnEvent> events) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            TurnEvent event = events.get(i);
            records.add(new ConsumerRecord<>("bench", Math.floorMod(event.sessionId().hashCode(), 6), i,
                    event.sessionId(), TestKafka.json(event)));
        }
        return records;
    }

    private static void direct(EventIngestor ingestor, List<ConsumerRecord<String, String>> records) {
        for (int from = 0; from < records.size(); from += BATCH) {
            ingestor.ingest(records.subList(from, Math.min(records.size(), from + BATCH)));
        }
    }

    /**
     * CPU time used by this JVM and by the PostgreSQL server (postmaster and its children, read from /proc), so that
     * figures taken on a busy shared machine can be turned into what two idle cores would do.
     */
    private record CpuClock(long postmaster, long jvmNanos, long postgresTicks) {

        static CpuClock of(JdbcClient jdbc) {
            long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
            long postmaster = Long.parseLong(stat(backend)[3]);
            return new CpuClock(postmaster, jvmCpu(), postgresTicks(postmaster));
        }

        void report(long events) {
            double jvm = (jvmCpu() - jvmNanos) / 1e9;
            double postgres = (postgresTicks(postmaster) - postgresTicks) / 100.0;
            System.out.printf(Locale.ROOT, "%-78s JVM %.2f s + PostgreSQL %.2f s CPU = %.1f us/event -> %,.0f events/s"
                    + " on 2 idle cores%n", "  CPU used", jvm, postgres, (jvm + postgres) * 1e6 / events,
                    2 * events / (jvm + postgres));
        }

        private static long jvmCpu() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        private static long postgresTicks(long postmaster) {
            long ticks = 0;
            try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (var dir : processes.toList()) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] stat = stat(Long.parseLong(name));
                    if (stat.length > 15 && (name.equals(String.valueOf(postmaster))
                            || stat[3].equals(String.valueOf(postmaster)))) {
                        ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                    }
                }
            } catch (java.io.IOException e) {
                return 0;
            }
            return ticks;
        }

        private static String[] stat(long pid) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
                // the command name is in parentheses and may hold spaces: split after it
                return ("x x " + stat.substring(stat.lastIndexOf(')') + 2)).split(" ");
            } catch (java.io.IOException | RuntimeException e) {
                return new String[0];
            }
        }
    }

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM turn_event").query(Long.class).single();
    }

    private static void report(String what, long events, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-78s %,10d events in %6.2f s = %,9.0f events/s%n", what, events, seconds,
                events / seconds);
    }
}
