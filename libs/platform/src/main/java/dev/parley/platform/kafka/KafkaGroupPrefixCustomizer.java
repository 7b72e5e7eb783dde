package dev.parley.platform.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/** Applies the Kafka prefix to the group id of Spring Kafka's default consumer factory when one is configured. */
public final class KafkaGroupPrefixCustomizer implements DefaultKafkaConsumerFactoryCustomizer {

    private final KafkaNames kafkaNames;

    public KafkaGroupPrefixCustomizer(KafkaNames kafkaNames) {
        this.kafkaNames = kafkaNames;
    }

    @Override
    public void customize(DefaultKafkaConsumerFactory<?, ?> consumerFactory) {
        Object group = consumerFactory.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
        if (group instanceof String name && !name.isBlank() && !this.kafkaNames.prefix().isEmpty()
                && !name.startsWith(this.kafkaNames.prefix())) {
            consumerFactory.updateConfigs(Map.of(ConsumerConfig.GROUP_ID_CONFIG, this.kafkaNames.group(name)));
        }
    }

}
