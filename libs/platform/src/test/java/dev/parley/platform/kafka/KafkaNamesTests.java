package dev.parley.platform.kafka;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import dev.parley.platform.PlatformAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaNamesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, PlatformAutoConfiguration.class))
        .withPropertyValues("parley.platform.allow-unauthenticated-internal=true");

    @Test
    void prefixesTopicsAndGroups() {
        KafkaNames names = new KafkaNames("wisconsin-123.");
        assertThat(names.topic("parley.turn-events")).isEqualTo("wisconsin-123.parley.turn-events");
        assertThat(names.group("runtime")).isEqualTo("wisconsin-123.runtime");
        assertThat(new KafkaNames("").topic("parley.turn-events")).isEqualTo("parley.turn-events");
    }

    @Test
    void rejectsBlankNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KafkaNames("p.").topic(" "))
            .withMessageContaining("topic");
    }

    @Test
    void prefixesTheDefaultConsumerFactoryGroup() {
        this.runner
            .withPropertyValues("parley.platform.kafka-prefix=pfx.", "spring.kafka.consumer.group-id=runtime")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(KafkaNames.class).topic("t")).isEqualTo("pfx.t");
                assertThat(context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties())
                    .containsEntry("group.id", "pfx.runtime");
            });
    }

    @Test
    void leavesTheGroupAloneWithoutAPrefix() {
        this.runner.withPropertyValues("spring.kafka.consumer.group-id=runtime")
            .run(context -> assertThat(context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties())
                .containsEntry("group.id", "runtime"));
    }

}
