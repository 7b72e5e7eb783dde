package dev.parley.registry.events;

import dev.parley.platform.kafka.KafkaNames;
import dev.parley.registry.api.RegistryTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates the bot-definitions topic at startup when it is missing (not in migrate-only mode: no Kafka there). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "parley.platform.migrate-only", havingValue = "false", matchIfMissing = true)
class EventsConfiguration {

    @Bean
    NewTopic botDefinitionsTopic(KafkaNames names, EventsProperties properties) {
        return TopicBuilder.name(names.topic(RegistryTopics.BOT_DEFINITIONS))
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .build();
    }
}
