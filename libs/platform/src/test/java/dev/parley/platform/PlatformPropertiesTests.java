package dev.parley.platform;

import java.util.List;

import io.lettuce.core.SslVerifyMode;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Startup validation and conditional parts of the auto-configuration, without a server. */
class PlatformPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class));

    @Test
    void refusesToStartWithoutACredential() {
        new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class))
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(rootMessage(context.getStartupFailure()))
                    .contains("parley.platform.internal-credential")
                    .contains("PARLEY_INTERNAL_CREDENTIAL")
                    .contains("allow-unauthenticated-internal");
            });
    }

    @Test
    void startsWithoutACredentialOnlyWhenExplicitlyAllowed() {
        this.runner.withPropertyValues("parley.platform.allow-unauthenticated-internal=true").run(context -> {
            assertThat(context).hasNotFailed();
            PlatformProperties properties = context.getBean(PlatformProperties.class);
            assertThat(properties.internalAuthEnabled()).isFalse();
            assertThat(properties.region()).isEqualTo("local");
            assertThat(properties.kafkaPrefix()).isEmpty();
        });
    }

    @Test
    void namesABadRegionInTheFailure() {
        this.runner.withPropertyValues("parley.platform.internal-credential=c", "parley.platform.region=eu west")
            .run(context -> assertThat(rootMessage(context.getStartupFailure())).contains("parley.platform.region")
                .contains("'eu west'"));
    }

    @Test
    void namesABadKafkaPrefixInTheFailure() {
        this.runner.withPropertyValues("parley.platform.internal-credential=c", "parley.platform.kafka-prefix=a/b")
            .run(context -> assertThat(rootMessage(context.getStartupFailure())).contains("KAFKA_PREFIX")
                .contains("'a/b'"));
    }

    @Test
    void neverPrintsTheCredential() {
        PlatformProperties properties = new PlatformProperties("eu", "hunter2", false, "", List.of());
        assertThat(properties.toString()).doesNotContain("hunter2").contains("<redacted>");
    }

    @Test
    void skipsPeerVerificationForHerokuRedisOnly() {
        ApplicationContextRunner redis = this.runner
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
            .withPropertyValues("parley.platform.allow-unauthenticated-internal=true");
        redis.withPropertyValues("spring.data.redis.url=rediss://:pw@redis.example.com:6380",
                "spring.data.redis.ssl.enabled=true", "parley.platform.redis.verify-peer=false")
            .run(context -> {
                var configuration = context.getBean(LettuceConnectionFactory.class).getClientConfiguration();
                assertThat(configuration.isUseSsl()).isTrue();
                assertThat(configuration.getVerifyMode()).isEqualTo(SslVerifyMode.NONE);
            });
        redis.withPropertyValues("spring.data.redis.url=rediss://:pw@redis.example.com:6380",
                "spring.data.redis.ssl.enabled=true")
            .run(context -> assertThat(
                    context.getBean(LettuceConnectionFactory.class).getClientConfiguration().getVerifyMode())
                .isEqualTo(SslVerifyMode.FULL));
    }

    private static String rootMessage(Throwable failure) {
        assertThat(failure).isNotNull();
        Throwable cause = failure;
        StringBuilder messages = new StringBuilder();
        while (cause != null) {
            messages.append(cause.getMessage()).append('\n');
            cause = cause.getCause();
        }
        return messages.toString();
    }

}
