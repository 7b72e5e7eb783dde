package dev.parley.runtime.bot;

import dev.parley.platform.kafka.KafkaNames;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the catalog is wired: configured bots always, the registry's only with a registry URL. */
class RegistryCatalogConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, ConfiguredBotCatalog.class, BotCatalogConfiguration.class)
            .withBean(KafkaNames.class, () -> new KafkaNames(""))
            .withBean(JsonMapper.class, () -> JsonMapper.builder().build())
            .withBean(RestClient.Builder.class, RestClient::builder)
            .withBean(ConsumerFactory.class, () -> new DefaultKafkaConsumerFactory<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + freePort())))
            .withPropertyValues("parley.runtime.bots[0].org-id=" + TestBots.ORG,
                    "parley.runtime.bots[0].bot-id=" + TestBots.BOT,
                    "parley.runtime.bots[0].version-id=" + TestBots.VERSION,
                    "parley.runtime.bots[0].location=classpath:bots/demo");

    @Test
    void withoutARegistryUrlOnlyConfiguredBotsAreServed() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(RegistryBotCatalog.class)
                    .doesNotHaveBean(RegistrySync.class);
            assertThat(context.getBean(BotCatalog.class).find(TestBots.ORG, TestBots.BOT)).isPresent();
        });
    }

    @Test
    void aReplicaStartsWhileTheRegistryAndKafkaAreUnreachableAndHealthSaysSo() {
        runner.withPropertyValues("parley.runtime.registry-url=http://127.0.0.1:" + freePort(),
                        "parley.runtime.registry.timeout=500ms", "parley.runtime.registry.poll-timeout=50ms")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RegistryBotCatalog.class)
                            .hasSingleBean(RegistrySync.class);
                    // configured bots are served meanwhile
                    assertThat(context.getBean(BotCatalog.class).find(TestBots.ORG, TestBots.BOT)).isPresent();
                    RegistryCatalogHealthIndicator health = context.getBean(RegistryCatalogHealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.health().getDetails()).containsEntry("activeBots", 0);
                });
    }

    @Test
    void nothingSyncsInMigrateOnlyMode() {
        runner.withPropertyValues("parley.runtime.registry-url=http://127.0.0.1:1",
                        "parley.platform.migrate-only=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RegistryBotCatalog.class)
                        .doesNotHaveBean(RegistrySync.class));
    }

    @Test
    void aRegistryUrlThatIsNotHttpIsRefusedWithTheValue() {
        runner.withPropertyValues("parley.runtime.registry-url=ftp://registry")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("parley.runtime.registry-url").hasMessageContaining("ftp://registry"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({BotCatalogProperties.class, RegistryCatalogProperties.class})
    static class Properties {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
