package dev.parley.runtime.bot;

import dev.parley.platform.kafka.KafkaNames;
import dev.parley.registry.api.RegistryTopics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The catalog turns use: the configured bots, plus the registry's when {@code parley.runtime.registry-url} is set.
 */
@Configuration(proxyBeanMethods = false)
class BotCatalogConfiguration {

    @Bean
    @Primary
    BotCatalog botCatalog(ConfiguredBotCatalog configured, ObjectProvider<RegistryBotCatalog> registry) {
        List<BotCatalog> catalogs = new ArrayList<>();
        catalogs.add(configured);
        registry.ifAvailable(catalogs::add);
        return new CompositeBotCatalog(catalogs);
    }

    /** The registry-backed catalog. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("parley.runtime.registry-url")
    static class RegistryCatalogConfiguration {

        @Bean
        HttpRegistryClient registryClient(RestClient.Builder http, RegistryCatalogProperties properties) {
            return new HttpRegistryClient(http.clone(), properties);
        }

        @Bean
        RegistryBotCatalog registryBotCatalog(HttpRegistryClient registry, RegistryCatalogProperties properties,
                BotCatalogProperties bots) {
            return new RegistryBotCatalog(registry, bots.sessionIdleTimeout(), properties.registry().cacheSize());
        }
    }

    /** What keeps the registry-backed catalog current: not started in migrate-only mode. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("parley.runtime.registry-url")
    @ConditionalOnProperty(name = "parley.platform.migrate-only", havingValue = "false", matchIfMissing = true)
    static class RegistrySyncConfiguration {

        @Bean
        RegistrySync registrySync(RegistryBotCatalog catalog, HttpRegistryClient registry,
                RegistryCatalogProperties properties, ConsumerFactory<?, ?> consumerFactory, KafkaNames names,
                JsonMapper json) {
            return new RegistrySync(catalog, registry, consumers(consumerFactory),
                    names.topic(RegistryTopics.BOT_DEFINITIONS), json, properties.registry());
        }

        @Bean
        RegistryCatalogHealthIndicator botRegistryHealthIndicator(RegistrySync sync, RegistryBotCatalog catalog) {
            return new RegistryCatalogHealthIndicator(sync, catalog);
        }

        /**
         * Consumers with Boot's connection settings (bootstrap servers, TLS) but no group: each is assigned the
         * partitions itself, so every replica reads every event and nothing is committed.
         */
        static Supplier<Consumer<String, String>> consumers(ConsumerFactory<?, ?> factory) {
            return () -> {
                Map<String, Object> config = new HashMap<>(factory.getConfigurationProperties());
                config.remove(ConsumerConfig.GROUP_ID_CONFIG);
                config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
                config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
                config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
                config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
                config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
                config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
                config.put(ConsumerConfig.CLIENT_ID_CONFIG, "runtime-bot-definitions-" + UUID.randomUUID());
                return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
            };
        }
    }
}
