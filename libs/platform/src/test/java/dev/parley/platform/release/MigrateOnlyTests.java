package dev.parley.platform.release;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.parley.platform.testapp.PlatformTestApplication;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MigrateOnlyTests {

    @Test
    void startsWithoutWebServerAndExitsZeroOnceStarted() {
        AtomicInteger exitStatus = new AtomicInteger(-1);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PlatformTestApplication.class)
                .initializers(ctx -> ctx.getBeanFactory()
                        .registerSingleton("migrateOnlyExit", new MigrateOnlyExit(exitStatus::set)))
                .run("--parley.platform.migrate-only=true", "--parley.platform.allow-unauthenticated-internal=true",
                        "--server.port=0");

        assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(context.getEnvironment().getProperty("spring.kafka.listener.auto-startup")).isEqualTo("false");
        assertThat(exitStatus).hasValue(0);
        assertThat(context.isActive()).isFalse();
    }

    @Test
    void isOffUnlessAskedFor() {
        StandardEnvironment environment = new StandardEnvironment();
        assertThat(MigrateOnlyEnvironmentPostProcessor.isMigrateOnly(environment)).isFalse();
        environment.getPropertySources().addFirst(new MapPropertySource("t", Map.of(
                MigrateOnlyEnvironmentPostProcessor.PROPERTY, "false")));
        assertThat(MigrateOnlyEnvironmentPostProcessor.isMigrateOnly(environment)).isFalse();
    }

    @Test
    void rejectsAValueThatIsNotABoolean() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("t", Map.of(
                MigrateOnlyEnvironmentPostProcessor.PROPERTY, "yes please")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> MigrateOnlyEnvironmentPostProcessor.isMigrateOnly(environment))
                .withMessageContaining("'yes please'");
    }
}
