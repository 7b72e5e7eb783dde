package dev.parley.loguploader.ingest;

import dev.parley.loguploader.destination.DestinationDirectory;
import dev.parley.loguploader.ingest.ReprocessJob.PartitionRange;
import dev.parley.loguploader.web.ConflictException;
import dev.parley.loguploader.web.Ids;
import dev.parley.loguploader.web.InvalidRequestException;
import dev.parley.loguploader.web.InvalidRequestException.FieldError;
import dev.parley.loguploader.web.NotFoundException;
import dev.parley.platform.kafka.KafkaNames;
import dev.parley.runtime.api.Topics;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts and reports reprocess jobs: a consumer outside the {@code log-uploader} group (it commits nothing, so the
 * group's own position is untouched) reads the asked range and hands it to the same batching as normal reads, in
 * {@link BatchWriter.Mode#REPROCESS}: batches that already hold the events are sent again under their ids, and
 * destinations that honour {@code Idempotency-Key} see no duplicates. One job at a time per replica.
 */
@Service
class ReprocessService {

    private static final Logger log = LoggerFactory.getLogger(ReprocessService.class);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaNames names;
    private final ReprocessJobStore jobs;
    private final TurnEventReader reader;
    private final DestinationDirectory directory;
    private final BatchWriter writer;
    private final IngestProperties properties;
    private final Clock clock;
    private final AtomicReference<ReprocessRun> running = new AtomicReference<>();

    ReprocessService(ConsumerFactory<String, String> consumers, KafkaNames names, ReprocessJobStore jobs,
            TurnEventReader reader, DestinationDirectory directory, BatchWriter writer, IngestProperties properties,
            Clock clock) {
        this.consumers = consumers;
        this.names = names;
        this.jobs = jobs;
        this.reader = reader;
        this.directory = directory;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
    }

    ReprocessJob start(ReprocessRequest request, String startedBy) {
        if (request == null) {
            throw new InvalidRequestException("body", "request body is required");
        }
        String orgId = request.orgId() == null ? null : Ids.orgId(request.orgId());
        if ((request.from() == null) == (request.fromTimestamp() == null)) {
            throw new InvalidRequestException("from", "give exactly one of from (per partition) and fromTimestamp");
        }
        if (request.from() != null && request.from().isEmpty()) {
            throw new InvalidRequestException("from", "from must name at least one partition");
        }
        Instant now = clock.instant();
        Instant fromTimestamp = request.fromTimestamp() == null ? null
                : instant("fromTimestamp", request.fromTimestamp(), now);
        ReprocessRun current = running.get();
        if (current != null && current.isAlive()) {
            throw new ConflictException("REPROCESS_RUNNING", "reprocess job " + current.jobId()
                    + " is still running on this replica");
        }
        String topic = names.topic(Topics.TURN_EVENTS);
        Consumer<String, String> consumer = consumers.createConsumer(null, "log-uploader-reprocess", "",
                noGroup());
        boolean handedOver = false;
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new ConflictException("TOPIC_MISSING", "topic " + topic + " has no partitions to reprocess");
            }
            Map<TopicPartition, Long> starts = starts(request, fromTimestamp, infos, topic, consumer, now);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(starts.keySet(), Duration.ofSeconds(10));
            Map<TopicPartition, Long> ends = consumer.endOffsets(starts.keySet(), Duration.ofSeconds(10));
            List<PartitionRange> ranges = new ArrayList<>();
            for (Map.Entry<TopicPartition, Long> start : starts.entrySet()) {
                long end = ends.get(start.getKey());
                // what the topic no longer retains cannot be read; what is past its end does not exist yet
                long from = Math.min(Math.max(start.getValue(), beginnings.get(start.getKey())), end);
                ranges.add(new PartitionRange(start.getKey().partition(), from, end));
            }
            ranges.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            Instant created = now.truncatedTo(ChronoUnit.MICROS);
            ReprocessJob job = new ReprocessJob(UUID.randomUUID(), "running", orgId, List.copyOf(ranges), 0, 0, 0,
                    null, created, created, null);
            jobs.insert(job, startedBy);
            ReprocessRun run = new ReprocessRun(job, consumer, topic, reader, directory, writer, jobs, properties,
                    clock);
            if (!running.compareAndSet(current, run)) {
                jobs.finish(job.id(), "failed", "another job started at the same time", clock.instant());
                throw new ConflictException("REPROCESS_RUNNING", "another reprocess job started at the same time");
            }
            handedOver = true;
            run.start();
            log.info("Reprocess job {} started for {} (org {})", job.id(), ranges, orgId == null ? "all" : orgId);
            return job;
        } finally {
            if (!handedOver) {
                consumer.close(Duration.ofSeconds(2));
            }
        }
    }

    ReprocessJob find(UUID id) {
        return jobs.find(id).orElseThrow(() -> new NotFoundException("reprocess job " + id + " does not exist"));
    }

    @PreDestroy
    void stop() {
        ReprocessRun run = running.get();
        if (run != null) {
            run.stop();
        }
    }

    private Map<TopicPartition, Long> starts(ReprocessRequest request, Instant fromTimestamp, List<PartitionInfo> infos,
            String topic, Consumer<String, String> consumer, Instant now) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, Long> byTime = new HashMap<>();
        if (fromTimestamp != null) {
            infos.forEach(info -> byTime.put(new TopicPartition(topic, info.partition()), fromTimestamp.toEpochMilli()));
        } else {
            List<FieldError> errors = new ArrayList<>();
            for (Map.Entry<String, Object> entry : request.from().entrySet()) {
                String field = "from." + entry.getKey();
                int partition;
                try {
                    partition = Integer.parseInt(entry.getKey());
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(field, "from keys must be partition numbers"));
                    continue;
                }
                if (partition < 0 || partition >= infos.size()) {
                    errors.add(new FieldError(field, "partition " + partition + " does not exist; the topic has "
                            + infos.size() + " partitions"));
                    continue;
                }
                TopicPartition key = new TopicPartition(topic, partition);
                Object value = entry.getValue();
                if (value instanceof Integer || value instanceof Long) {
                    long offset = ((Number) value).longValue();
                    if (offset < 0) {
                        errors.add(new FieldError(field, field + " must not be negative"));
                    } else {
                        offsets.put(key, offset);
                    }
                } else if (value instanceof String text) {
                    try {
                        byTime.put(key, instant(field, text, now).toEpochMilli());
                    } catch (InvalidRequestException e) {
                        errors.addAll(e.errors());
                    }
                } else {
                    errors.add(new FieldError(field, field + " must be an offset or an ISO-8601 instant"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidRequestException(errors);
            }
        }
        if (!byTime.isEmpty()) {
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(byTime, Duration.ofSeconds(10));
            Map<TopicPartition, Long> ends = consumer.endOffsets(byTime.keySet(), Duration.ofSeconds(10));
            for (TopicPartition partition : byTime.keySet()) {
                OffsetAndTimestamp at = found.get(partition);
                // no record at or after the instant: nothing of this partition is in the range
                offsets.put(partition, at == null ? ends.get(partition) : at.offset());
            }
        }
        return offsets;
    }

    private static Instant instant(String field, String text, Instant now) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, field + " must be an ISO-8601 instant such as 2025-01-31T08:00:00Z");
        }
        if (instant.isAfter(now.plusSeconds(60))) {
            throw new InvalidRequestException(field, field + " is in the future");
        }
        return instant;
    }

    private static Properties noGroup() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return overrides;
    }
}
