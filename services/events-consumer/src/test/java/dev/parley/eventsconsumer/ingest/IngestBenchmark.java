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
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Measures ingest throughput into a real PostgreSQL: (1) the ingest path fed directly with polled-batch-sized lists of
 * records (parse, redact, insert, aggregate, commit), one thread; (2) end to end: N events already on a 6-partition
 * topic, from listener start until the group has committed them all; (3) a replay (all duplicates). Both paths are
 * warmed up first. Run by {@code bin/bench-events-consumer [N]} ({@code BENCH_THREADS=1} adds CPU per thread).
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
        System.out.printf(Locale.ROOT, "events-consumer ingest benchmark: %,d events per run, %d cores, load average %s%n",
                target, Runtime.getRuntime().availableProcessors(), CpuClock.loadAverage());
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

            // warm-up of both paths (JIT, PostgreSQL caches), so that the figures are a running service's
            int warmup = Math.max(40_000, target / 2);
            direct(ingestor, records(events("warm", warmup)));
            List<ConsumerRecord<String, String>> records = records(events("direct", target));
            CpuClock.awaitJitQuiet();
            CpuClock cpu = CpuClock.of(jdbc);
            var threads = CpuClock.threadTicks();
            long started = System.nanoTime();
            direct(ingestor, records);
            report("direct ingest (parse + store, 1 thread, batches of " + BATCH + ")", records.size(), started);
            System.out.println("  load average (1 min) after: " + CpuClock.loadAverage());
            cpu.report(records.size());
            CpuClock.printThreads(threads);

            MessageListenerContainer listener = app.getBean(KafkaListenerEndpointRegistry.class)
                    .getListenerContainer(TurnEventsListener.ID);
            kafka.publish(PREFIX + "parley.turn-events", events("kafkawarm", warmup));
            listener.start();
            kafka.awaitCaughtUp(PREFIX + "events-consumer", PREFIX + "parley.turn-events", Duration.ofMinutes(10));
            listener.stop();

            List<TurnEvent> published = events("kafka", target);
            long producing = System.nanoTime();
            kafka.publish(PREFIX + "parley.turn-events", published);
            report("publishing to Kafka (test producer, not part of ingest)", published.size(), producing);
            long before = count(jdbc);
            CpuClock.awaitJitQuiet();
            CpuClock e2eCpu = CpuClock.of(jdbc);
            var e2eThreads = CpuClock.threadTicks();
            long consuming = System.nanoTime();
            listener.start();
            kafka.awaitCaughtUp(PREFIX + "events-consumer", PREFIX + "parley.turn-events", Duration.ofMinutes(10));
            report("end to end from Kafka (listener, concurrency 2, commit after each batch)",
                    count(jdbc) - before, consuming);
            e2eCpu.report(count(jdbc) - before);
            CpuClock.printThreads(e2eThreads);
            System.out.println("  load average (1 min) after: " + CpuClock.loadAverage());

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

    private static long count(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM turn_event").query(Long.class).single();
    }

    private static void report(String what, long events, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-78s %,10d events in %6.2f s = %,9.0f events/s%n", what, events, seconds,
                events / seconds);
    }
}
