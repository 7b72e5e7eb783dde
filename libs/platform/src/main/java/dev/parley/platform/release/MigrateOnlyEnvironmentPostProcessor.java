package dev.parley.platform.release;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Heroku {@code release} phase runs a service with {@code --parley.platform.migrate-only=true}: the app then starts
 * without a web server and without Kafka listeners, so the release dyno does nothing but what the context does at
 * start (Flyway migrations), and {@link MigrateOnlyExit} ends the process once the context is up.
 */
public class MigrateOnlyEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The property that selects the mode. */
    public static final String PROPERTY = "parley.platform.migrate-only";

    /** Name of the property source this adds in that mode. */
    public static final String PROPERTY_SOURCE_NAME = "parleyMigrateOnly";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isMigrateOnly(environment)) {
            return;
        }
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("spring.main.web-application-type", "none");
        overrides.put("spring.kafka.listener.auto-startup", "false");
        overrides.put("spring.flyway.enabled", "true");
        // first, so nothing (not even the release dyno's own env) turns listeners or the server back on
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, overrides));
        application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
    }

    static boolean isMigrateOnly(ConfigurableEnvironment environment) {
        String value = environment.getProperty(PROPERTY);
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(PROPERTY + " must be 'true' or 'false', was '" + value + "'");
    }
}
