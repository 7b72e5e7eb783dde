package dev.parley.loguploader.ingest;

import dev.parley.loguploader.destination.Destination;
import dev.parley.loguploader.destination.DestinationDirectory;
import dev.parley.loguploader.ingest.TurnEventReader.IncomingEvent;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of the {@code log-uploader} group: reads turn events, batches them per destination, stores the
 * batches, and only then commits the offsets they came from. A crash anywhere loses nothing: what was not stored is
 * read again, and what was stored but not committed is recognised by its offsets and not batched twice.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final long MAX_BACKOFF_NANOS = Duration.ofSeconds(30).toNanos();

    private static final long RESTART_PAUSE_MILLIS = 2_000;

    private final String name;
    private final Supplier<Consumer<String, String>> consumers;
    private volatile Consumer<String, String> consumer;
    private final String topic;
    private final TurnEventReader reader;
    private final DestinationDirectory directory;
    private final BatchWriter writer;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final IngestProperties properties;
    private final BatchAssembler assembler;
    /** Per partition, the offset after the last record handled. */
    private final Map<TopicPartition, Long> handled = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private volatile boolean running = true;
    private long lastCommitNanos = System.nanoTime();
    private long backoffNanos;
    private long retryAtNanos;
    private boolean paused;

    ConsumerLoop(String name, Supplier<Consumer<String, String>> consumers, String topic, TurnEventReader reader,
            DestinationDirectory directory, BatchWriter writer, DeadLetters deadLetters, IngestMetrics metrics,
            IngestProperties properties) {
        this.name = name;
        this.consumers = consumers;
        this.topic = topic;
        this.reader = reader;
        this.directory = directory;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
        this.assembler = new BatchAssembler(properties.maxBatchBytes().toBytes());
    }

    @Override
    public void run() {
        while (running) {
            consumer = consumers.get();
            try {
                consumer.subscribe(List.of(topic), new Rebalance());
                while (running) {
                    ConsumerRecords<String, String> records = consumer.poll(pollWait());
                    for (ConsumerRecord<String, String> record : records) {
                        handle(record);
                    }
                    metrics.consumed(records.count());
                    updateLag();
                    storeDue(false);
                    commitIfDue(false);
                }
                shutDown();
            } catch (WakeupException e) {
                // stop() woke the poll
                shutDown();
            } catch (RuntimeException e) {
                // a record half handled: start over from the committed offsets, which cover only stored events
                log.error("Consumer {} failed; it rejoins from the committed offsets in {} ms", name,
                        RESTART_PAUSE_MILLIS, e);
                abandon();
                pauseBeforeRestart();
            }
        }
    }

    private void abandon() {
        assembler.drop(handled.keySet().stream().map(TopicPartition::partition).collect(Collectors.toSet()));
        handled.clear();
        committed.clear();
        backoffNanos = 0;
        paused = false;
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.debug("Closing the failed consumer {} failed too: {}", name, e.toString());
        }
    }

    private void pauseBeforeRestart() {
        try {
            Thread.sleep(RESTART_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Asks the loop to store what it holds, commit and leave the group. */
    void stop() {
        running = false;
        Consumer<String, String> current = consumer;
        if (current != null) {
            try {
                current.wakeup();
            } catch (RuntimeException e) {
                // closed while restarting: the loop sees running=false anyway
            }
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        handled.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        IncomingEvent event;
        try {
            event = reader.read(record.value());
        } catch (PoisonEventException e) {
            deadLetters.send(record, e.getMessage());
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

    /** Stores due batches; on failure pauses reading and retries with a growing pause. Answers whether all stored. */
    private boolean storeDue(boolean all) {
        long now = System.nanoTime();
        if (backoffNanos > 0 && now < retryAtNanos && !all) {
            return false;
        }
        List<PendingBatch> due = assembler.due(now, all);
        if (due.isEmpty()) {
            resumeIfPaused();
            return true;
        }
        try {
            BatchWriter.WriteResult result = writer.write(due, BatchWriter.Mode.CONSUME);
            metrics.stored(result, due.stream().mapToInt(b -> b.events().size()).sum());
            assembler.stored(due);
            backoffNanos = 0;
            resumeIfPaused();
            return true;
        } catch (RuntimeException e) {
            backoffNanos = backoffNanos == 0 ? Duration.ofMillis(500).toNanos() : Math.min(backoffNanos * 2, MAX_BACKOFF_NANOS);
            retryAtNanos = System.nanoTime() + backoffNanos;
            log.warn("Consumer {} could not store {} batches; pausing reads, retrying in {} ms", name, due.size(),
                    backoffNanos / 1_000_000, e);
            pause();
            return false;
        }
    }

    private void pause() {
        if (!paused) {
            consumer.pause(consumer.assignment());
            paused = true;
        }
    }

    private void resumeIfPaused() {
        if (assembler.bufferedEvents() >= properties.maxBufferedEvents()) {
            pause();
        } else if (paused) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    private Duration pollWait() {
        long max = properties.maxPollWait().toNanos();
        long untilDeadline = assembler.nextDeadlineNanos() - System.nanoTime();
        if (backoffNanos > 0) {
            untilDeadline = Math.min(untilDeadline, retryAtNanos - System.nanoTime());
        }
        return Duration.ofNanos(Math.max(0, Math.min(max, untilDeadline)));
    }

    private void commitIfDue(boolean force) {
        if (!force && System.nanoTime() - lastCommitNanos < properties.commitInterval().toNanos()) {
            return;
        }
        lastCommitNanos = System.nanoTime();
        commit(handled.keySet(), force);
    }

    /** Commits, per partition, the offset before which every record is stored (or needed no storing). */
    private void commit(Collection<TopicPartition> partitions, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = handled.get(partition);
            if (next == null) {
                continue;
            }
            OptionalLong buffered = assembler.lowestBufferedOffset(partition.partition());
            long safe = buffered.isPresent() ? Math.min(buffered.getAsLong(), next) : next;
            if (!Long.valueOf(safe).equals(committed.get(partition))) {
                offsets.put(partition, new OffsetAndMetadata(safe));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        } else {
            consumer.commitAsync(offsets, (done, error) -> {
                if (error == null) {
                    done.forEach((partition, offset) -> committed.put(partition, offset.offset()));
                } else {
                    log.warn("Consumer {} could not commit offsets; they are committed again later: {}", name,
                            error.toString());
                }
            });
        }
    }

    private void updateLag() {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        metrics.lag(name, total);
    }

    private void shutDown() {
        try {
            if (storeDue(true)) {
                commit(handled.keySet(), true);
            }
        } catch (RuntimeException e) {
            log.warn("Consumer {} could not commit while stopping; the records are read again", name, e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("Consumer {} did not close cleanly: {}", name, e.toString());
            }
        }
    }

    /** Stores and commits what revoked partitions produced, or forgets it for their next owner to read again. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            try {
                if (storeDue(true)) {
                    commit(partitions, true);
                }
            } catch (RuntimeException e) {
                log.warn("Consumer {} could not commit revoked partitions; their next owner reads them again: {}",
                        name, e.toString());
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            Set<Integer> numbers = partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
            assembler.drop(numbers);
            partitions.forEach(partition -> {
                handled.remove(partition);
                committed.remove(partition);
            });
        }
    }
}
