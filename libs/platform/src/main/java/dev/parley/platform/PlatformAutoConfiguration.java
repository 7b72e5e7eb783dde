package dev.parley.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.lettuce.core.SslVerifyMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.web.client.RestClient;

import dev.parley.platform.client.PlatformRestClientCustomizer;
import dev.parley.platform.errors.PlatformExceptionHandler;
import dev.parley.platform.kafka.KafkaGroupPrefixCustomizer;
import dev.parley.platform.kafka.KafkaNames;
import dev.parley.platform.release.MigrateOnlyEnvironmentPostProcessor;
import dev.parley.platform.release.MigrateOnlyExit;
import dev.parley.platform.web.PlatformWebConfiguration;

/**
 * The auto-configuration every Parley service gets from {@code dev.parley:platform}: request ids, internal auth,
 * problem-detail errors, metric tags, Kafka names, Heroku Redis TLS. Environment defaults and Heroku config vars are
 * handled earlier by the platform's {@code EnvironmentPostProcessor}s.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@EnableConfigurationProperties(PlatformProperties.class)
@Import({ PlatformWebConfiguration.class, PlatformAutoConfiguration.ErrorsConfiguration.class,
        PlatformAutoConfiguration.RestClientConfiguration.class, PlatformAutoConfiguration.MetricsConfiguration.class,
        PlatformAutoConfiguration.KafkaConfiguration.class, PlatformAutoConfiguration.RedisConfiguration.class })
public class PlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformAutoConfiguration.class);

    @Bean
    @ConditionalOnBooleanProperty(name = MigrateOnlyEnvironmentPostProcessor.PROPERTY)
    @ConditionalOnMissingBean
    static MigrateOnlyExit migrateOnlyExit() {
        return new MigrateOnlyExit();
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaNames kafkaNames(PlatformProperties properties) {
        return new KafkaNames(properties.kafkaPrefix());
    }

    @Bean
    InitializingBean parleyPlatformStartupReport(PlatformProperties properties, Environment environment) {
        return () -> {
            if (!properties.internalAuthEnabled()) {
                log.warn("Internal endpoints are NOT authenticated (parley.platform.allow-unauthenticated-internal="
                        + "true); never run like this outside local development");
            }
            log.info("Parley platform active: service={}, region={}, kafkaPrefix='{}'",
                    environment.getProperty("spring.application.name", "unknown"), properties.region(),
                    properties.kafkaPrefix());
        };
    }

    /** Problem-detail error handling, registered before Boot's so that Boot's own handler backs off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class ErrorsConfiguration {

        @Bean
        PlatformExceptionHandler parleyPlatformExceptionHandler() {
            return new PlatformExceptionHandler();
        }

    }

    /** Request id and internal credential on outgoing calls made with the injected {@code RestClient.Builder}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
    static class RestClientConfiguration {

        @Bean
        PlatformRestClientCustomizer parleyPlatformRestClientCustomizer(PlatformProperties properties) {
            return new PlatformRestClientCustomizer(properties);
        }

    }

    /** {@code service} and {@code region} tags on every meter. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ MeterRegistry.class, MeterRegistryCustomizer.class })
    static class MetricsConfiguration {

        @Bean
        MeterRegistryCustomizer<MeterRegistry> parleyCommonTags(PlatformProperties properties,
                Environment environment) {
            String service = environment.getProperty("spring.application.name", "unknown");
            return registry -> registry.config().commonTags("service", service, "region", properties.region());
        }

    }

    /** Prefixes the default consumer factory's group id. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ DefaultKafkaConsumerFactory.class, DefaultKafkaConsumerFactoryCustomizer.class })
    static class KafkaConfiguration {

        @Bean
        DefaultKafkaConsumerFactoryCustomizer parleyKafkaGroupPrefix(KafkaNames kafkaNames) {
            return new KafkaGroupPrefixCustomizer(kafkaNames);
        }

    }

    /** Heroku Redis ({@code rediss://}) presents a self-signed certificate: skip peer verification for it only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ LettuceClientConfigurationBuilderCustomizer.class, SslVerifyMode.class })
    @ConditionalOnBooleanProperty(name = "parley.platform.redis.verify-peer", havingValue = false)
    static class RedisConfiguration {

        @Bean
        LettuceClientConfigurationBuilderCustomizer parleyRedisSkipPeerVerification() {
            return builder -> builder.useSsl().verifyPeer(SslVerifyMode.NONE);
        }

    }

}
