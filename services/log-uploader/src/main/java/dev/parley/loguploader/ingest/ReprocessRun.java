package dev.parley.loguploader.ingest;

import dev.parley.loguploader.destination.Destination;
import dev.parley.loguploader.destination.DestinationDirectory;
import dev.parley.loguploader.ingest.ReprocessJob.PartitionRange;
import dev.parley.loguploader.ingest.TurnEventReader.IncomingEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads one job's range of the topic on its own thread and hands it to the batching in reprocess mode. */
final class ReprocessRun {

    private static final Logger log = LoggerFactory.getLogger(ReprocessRun.class);

    private final ReprocessJob job;
    private final Consumer<String, String> consumer;
    private final String topic;
    private final TurnEventReader reader;
    private final DestinationDirectory directory;
    private final BatchWriter writer;
    private final ReprocessJobStore jobs;
    private final Clock clock;
    private final BatchAssembler assembler;
    private volatile boolean stopping;
    private Thread thread;
    private long eventsRead;
    private long resent;
    private long created;

    ReprocessRun(ReprocessJob job, Consumer<String, String> consumer, String topic, TurnEventReader reader,
            DestinationDirectory directory, BatchWriter writer, ReprocessJobStore jobs, IngestProperties properties,
            Clock clock) {
        this.job = job;
        this.consumer = consumer;
        this.topic = topic;
        this.reader = reader;
        this.directory = directory;
        this.writer = writer;
        this.jobs = jobs;
        this.clock = clock;
        this.assembler = new BatchAssembler(properties.maxBatchBytes().toBytes());
    }

    UUID jobId() {
        return job.id();
    }

    synchronized void start() {
        thread = Thread.ofPlatform().name("log-uploader-reprocess").start(this::run);
    }

    synchronized boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
        try {
            Thread current = thread;
            if (current != null) {
                current.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Map<TopicPartition, Long> ends = new HashMap<>();
        try {
            for (PartitionRange range : job.partitions()) {
                if (range.from() < range.to()) {
                    ends.put(new TopicPartition(topic, range.partition()), range.to());
                }
            }
            consumer.assign(ends.keySet());
            for (PartitionRange range : job.partitions()) {
                TopicPartition partition = new TopicPartition(topic, range.partition());
                if (ends.containsKey(partition)) {
                    consumer.seek(partition, range.from());
                }
            }
            long lastReport = System.nanoTime();
            while (!ends.isEmpty() && !stopping) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long end = ends.get(partition);
                    if (end != null && record.offset() < end) {
                        handle(record);
                    }
                }
                for (TopicPartition partition : List.copyOf(ends.keySet())) {
                    if (consumer.position(partition) >= ends.get(partition)) {
                        ends.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
                store(assembler.due(System.nanoTime(), false));
                if (System.nanoTime() - lastReport > 1_000_000_000L) {
                    jobs.progress(job.id(), eventsRead, resent, created, clock.instant());
                    lastReport = System.nanoTime();
                }
            }
            if (stopping) {
                jobs.finish(job.id(), "failed", "stopped: the replica shut down; ask again", clock.instant());
                return;
            }
            store(assembler.due(System.nanoTime(), true));
            jobs.progress(job.id(), eventsRead, resent, created, clock.instant());
            jobs.finish(job.id(), "completed", null, clock.instant());
            log.info("Reprocess job {} completed: {} events read, {} batches re-sent, {} new", job.id(), eventsRead,
                    resent, created);
        } catch (WakeupException e) {
            jobs.finish(job.id(), "failed", "stopped: the replica shut down; ask again", clock.instant());
        } catch (RuntimeException e) {
            log.error("Reprocess job {} failed", job.id(), e);
            try {
                jobs.finish(job.id(), "failed", e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
            } catch (RuntimeException ignored) {
                log.warn("Could not record that reprocess job {} failed", job.id());
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        eventsRead++;
        IncomingEvent event;
        try {
            event = reader.read(record.value());
        } catch (PoisonEventException e) {
            return; // the consumer group already sent it to the dead-letter topic
        }
        if (job.orgId() != null && !job.orgId().equals(event.orgId())) {
            return;
        }
        List<Destination> targets = directory.matching(event.orgId(), event.botId());
        if (targets.isEmpty()) {
            return;
        }
        BufferedEvent buffered = new BufferedEvent(event.eventId(), record.partition(), record.offset(),
                reader.render(event));
        long now = System.nanoTime();
        for (Destination target : targets) {
            assembler.add(target, buffered, now);
        }
    }

    private void store(List<PendingBatch> due) {
        if (due.isEmpty()) {
            return;
        }
        BatchWriter.WriteResult result = writer.write(due, BatchWriter.Mode.REPROCESS);
        resent += result.resent();
        created += result.created();
        assembler.stored(due);
    }
}
