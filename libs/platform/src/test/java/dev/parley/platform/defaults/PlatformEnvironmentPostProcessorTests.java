package dev.parley.platform.defaults;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.parley.platform.heroku.HerokuEnvironmentPostProcessor;
import dev.parley.platform.heroku.InvalidConfigVarException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Where defaults and Heroku-derived properties rank against the environment and application.yml. */
class PlatformEnvironmentPostProcessorTests {

    @Test
    void isRegisteredUnderBoot4sKey() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
            .load(org.springframework.boot.EnvironmentPostProcessor.class, SpringFactoriesLoader.ArgumentResolver
                .of(org.springframework.boot.logging.DeferredLogFactory.class, new DeferredLogs())))
            .hasAtLeastOneElementOfType(HerokuEnvironmentPostProcessor.class)
            .hasAtLeastOneElementOfType(PlatformDefaultsEnvironmentPostProcessor.class);
    }

    @Test
    void defaultsLoseToApplicationProperties() {
        StandardEnvironment environment = environment(Map.of(), Map.of("server.shutdown", "immediate"));
        new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("immediate");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("25s");
        assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.mvc.problemdetails.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
            .isEqualTo("health,info,prometheus");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
        assertThat(environment.getProperty("management.metrics.observations.ignored-meters"))
            .isEqualTo("long-task-timer");
        assertThat(environment.getProperty("spring.kafka.consumer.properties.allow.auto.create.topics"))
            .isEqualTo("false");
        assertThat(environment.getPropertySources().stream().reduce((a, b) -> b).orElseThrow().getName())
            .isEqualTo(PlatformDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
    }

    @Test
    void logsPlainTextWhenAskedTo() {
        StandardEnvironment environment = environment(Map.of("PARLEY_LOG_FORMAT", "text"), Map.of());
        new PlatformDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
    }

    @Test
    void rejectsAnUnknownLogFormat() {
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformDefaultsEnvironmentPostProcessor.defaults("xml"))
            .withMessageContaining("PARLEY_LOG_FORMAT")
            .withMessageContaining("'xml'");
    }

    @Test
    void configVarsBeatApplicationPropertiesButNotExplicitEnvironmentProperties() {
        StandardEnvironment environment = environment(
                Map.of("DATABASE_URL", "postgres://u:p@db.example.com/app", "PORT", "5000", "SERVER_PORT", "6000"),
                Map.of("spring.datasource.url", "jdbc:postgresql://localhost/local", "spring.datasource.username",
                        "local"));
        new HerokuEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(environment,
                new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.url"))
            .isEqualTo("jdbc:postgresql://db.example.com:5432/app?sslmode=require");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("u");
        assertThat(environment.getProperty("server.port")).isEqualTo("6000");
    }

    @Test
    void failsStartupNamingAMalformedVar() {
        StandardEnvironment environment = environment(Map.of("REDIS_URL", "memcached://:hunter2@h:1"), Map.of());
        assertThatExceptionOfType(InvalidConfigVarException.class)
            .isThrownBy(() -> new HerokuEnvironmentPostProcessor(new DeferredLogs())
                .postProcessEnvironment(environment, new SpringApplication()))
            .withMessageContaining("REDIS_URL")
            .withMessageNotContaining("hunter2");
    }

    private static StandardEnvironment environment(Map<String, Object> osEnvironment, Map<String, Object> application) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources()
            .replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, osEnvironment));
        environment.getPropertySources().addLast(new MapPropertySource("application.yml", application));
        return environment;
    }

}
