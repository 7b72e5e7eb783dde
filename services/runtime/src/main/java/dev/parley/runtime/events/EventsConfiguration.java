package dev.parley.runtime.events;

import dev.parley.platform.kafka.KafkaNames;
import dev.parley.runtime.api.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates the turn-events topic at startup when it is missing. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

    @Bean
    NewTopic turnEventsTopic(KafkaNames names, EventsProperties properties) {
        return TopicBuilder.name(names.topic(Topics.TURN_EVENTS))
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .build();
    }
}
