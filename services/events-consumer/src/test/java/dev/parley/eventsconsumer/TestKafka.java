package dev.parley.eventsconsumer;

import dev.parley.runtime.api.TurnEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Publishes to and reads from the real test broker, and waits for a consumer group to catch up. */
public final class TestKafka implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;
    private final Admin admin;

    public TestKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new StringSerializer());
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public static String json(TurnEvent event) {
        return JSON.writeValueAsString(event);
    }

    /** Publishes the events as the runtime does (JSON, keyed by session id) and waits for the broker's acks. */
    public void publish(String topic, List<TurnEvent> events) {
        for (TurnEvent event : events) {
            producer.send(new ProducerRecord<>(topic, event.sessionId(), json(event)));
        }
        producer.flush();
    }

    /** Publishes raw values with a key. */
    public void publishRaw(String topic, String key, List<String> values) {
        try {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing to " + topic + " failed", e);
        }
    }

    /** Waits until {@code group} has committed the end offset of every partition of {@code topic}. */
    public void awaitCaughtUp(String group, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> lag = Map.of();
        while (System.nanoTime() < deadline) {
            lag = lag(group, topic);
            if (lag.values().stream().allMatch(l -> l == 0)) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("group " + group + " did not catch up on " + topic + " within " + timeout
                + "; lag " + lag);
    }

    /** Per partition, how far the group's committed offset is behind the end. */
    public Map<TopicPartition, Long> lag(String group, String topic) {
        try {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(Function.identity(), p -> OffsetSpec.latest())))
                    .all().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            return partitions.stream().collect(Collectors.toMap(Function.identity(), p -> {
                OffsetAndMetadata at = committed.get(p);
                return ends.get(p).offset() - (at == null ? 0 : at.offset());
            }));
        } catch (Exception e) {
            throw new IllegalStateException("reading the lag of " + group + " failed", e);
        }
    }

    /** Moves the (idle) group back to the start of every partition of the topic. */
    public void rewind(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> start = lag(group, topic).keySet().stream()
                    .collect(Collectors.toMap(Function.identity(), p -> new OffsetAndMetadata(0)));
            admin.alterConsumerGroupOffsets(group, start).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("rewinding " + group + " failed", e);
        }
    }

    /** Every record of the topic now, read by a throw-away consumer. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
