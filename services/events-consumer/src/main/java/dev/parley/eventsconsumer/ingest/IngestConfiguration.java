package dev.parley.eventsconsumer.ingest;

import dev.parley.platform.kafka.KafkaNames;
import dev.parley.runtime.api.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The failure path of the turn-events listener: unreadable events go to the dead-letter topic at once, events the
 * database rejects after {@code rejected-retries} attempts with back-off, and while the database is unavailable the
 * same records are retried with back-off for as long as it takes (never dead-lettered). Also creates the topics.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    /** The dead-letter topic's name before {@code KAFKA_PREFIX}. */
    static final String DEAD_LETTER_TOPIC = Topics.TURN_EVENTS + ".dlt";

    private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

    @Bean
    DefaultErrorHandler turnEventsErrorHandler(KafkaOperations<Object, Object> kafka, KafkaNames names,
            IngestProperties properties, MeterRegistry meters) {
        String deadLetters = names.topic(DEAD_LETTER_TOPIC);
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
                // a negative partition lets the producer pick one by key, so the dead-letter topic may differ in size
                (record, failure) -> new TopicPartition(deadLetters, -1));
        Counter deadLettered = Counter.builder("parley.events-consumer.dead-lettered")
                .description("Turn events sent to the dead-letter topic").register(meters);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            publisher.accept(record, failure);
            deadLettered.increment();
            log.warn("Turn event at {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    deadLetters, rootMessage(failure));
        }, rejectedBackOff(properties));
        handler.setBackOffFunction((record, failure) -> switch (failure) {
            case IngestFailures.PoisonEvent poison -> new FixedBackOff(0, 0);
            case IngestFailures.StoreUnavailable unavailable -> unavailableBackOff(properties);
            default -> null;
        });
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    private static BackOff rejectedBackOff(IngestProperties properties) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.rejectedRetries());
        backOff.setInitialInterval(properties.rejectedBackoff().toMillis());
        backOff.setMultiplier(2);
        backOff.setMaxInterval(properties.rejectedBackoffMax().toMillis());
        return backOff;
    }

    private static BackOff unavailableBackOff(IngestProperties properties) {
        // no limit: a database outage must delay events, never lose them to the dead-letter topic
        ExponentialBackOff backOff = new ExponentialBackOff(properties.unavailableBackoff().toMillis(), 2);
        backOff.setMaxInterval(properties.unavailableBackoffMax().toMillis());
        return backOff;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** Topic creation at startup; skipped in migrate-only runs, which must not need Kafka. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "parley.platform.migrate-only", havingValue = "false", matchIfMissing = true)
    static class TopicCreation {

        @Bean
        NewTopic turnEventsTopic(KafkaNames names, IngestProperties properties) {
            return TopicBuilder.name(names.topic(dev.parley.runtime.api.Topics.TURN_EVENTS))
                    .partitions(properties.topicPartitions()).replicas(properties.topicReplicas()).build();
        }

        @Bean
        NewTopic turnEventsDeadLetterTopic(KafkaNames names, IngestProperties properties) {
            return TopicBuilder.name(names.topic(DEAD_LETTER_TOPIC))
                    .partitions(properties.deadLetterPartitions()).replicas(properties.topicReplicas()).build();
        }
    }
}
