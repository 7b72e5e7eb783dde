package dev.parley.loguploader.ingest;

import dev.parley.platform.kafka.KafkaNames;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates the dead-letter topic at startup when it is missing. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    NewTopic logUploaderDeadLetterTopic(KafkaNames names, IngestProperties properties) {
        return TopicBuilder.name(names.topic(IngestProperties.DEAD_LETTER_TOPIC))
                .partitions(1)
                .replicas(properties.dltReplicas())
                .build();
    }
}
