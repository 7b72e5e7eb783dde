package dev.parley.registry;

import dev.parley.registry.api.BotVersionActivated;
import dev.parley.registry.api.RegistryTopics;
import dev.parley.testkit.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads {@code parley.bot-definitions} from its end at creation, as a runtime replica does. */
final class EventsTap implements AutoCloseable {

    /** An event with its Kafka key. */
    record Received(String key, BotVersionActivated event) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    EventsTap() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(RegistryTopics.BOT_DEFINITIONS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** The events received so far that match, waiting up to {@code timeout} until there are {@code count}. */
    List<Received> await(Predicate<BotVersionActivated> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(filter).size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                received.add(new Received(record.key(), JSON.readValue(record.value(), BotVersionActivated.class)));
            }
        }
        return matching(filter);
    }

    private List<Received> matching(Predicate<BotVersionActivated> filter) {
        return received.stream().filter(r -> filter.test(r.event())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
