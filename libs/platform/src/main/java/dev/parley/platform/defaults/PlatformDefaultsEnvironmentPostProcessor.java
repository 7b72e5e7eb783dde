package dev.parley.platform.defaults;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds Parley's default Spring properties as the lowest-priority property source, so {@code application.yml}, the
 * environment and tests override any of them: JSON logs, graceful shutdown, virtual threads, problem details,
 * actuator exposure, no in-flight request timers, Kafka consumers that never create topics.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Name of the property source this adds. */
    public static final String PROPERTY_SOURCE_NAME = "parleyPlatformDefaults";

    /** Environment variable choosing the log format: {@code json} (default) or {@code text}. */
    public static final String LOG_FORMAT = "PARLEY_LOG_FORMAT";

    @Override
    public int getOrder() {
        // After config data, so that adding last really puts these below every other source.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
        Map<String, Object> defaults = defaults(environment.getProperty(LOG_FORMAT));
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }

    static Map<String, Object> defaults(String logFormat) {
        String format = (logFormat == null || logFormat.isBlank()) ? "json" : logFormat.strip().toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("text")) {
            throw new IllegalArgumentException(
                    "Config var " + LOG_FORMAT + " must be 'json' or 'text', was '" + logFormat + "'");
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "25s");
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.include-exception", "false");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // http.server.requests stays; its in-flight long-task timer (http.server.requests.active) is registered and
        // looked up again on every request: about 3% of the runtime's and session-store's CPU on the turn path
        defaults.put("management.metrics.observations.ignored-meters", "long-task-timer");
        // Topics are created by the services that own them, with their partition counts. A consumer (or a
        // partitionsFor) that got there first would otherwise create a one-partition topic that the owner then
        // cannot resize; the consumer now waits for the topic instead.
        defaults.put("spring.kafka.consumer.properties.allow.auto.create.topics", "false");
        if (format.equals("json")) {
            defaults.put("logging.structured.format.console", "logstash");
            defaults.put("logging.structured.json.add.service", "${spring.application.name:unknown}");
            defaults.put("logging.structured.json.add.region", "${parley.platform.region:local}");
            // The banner is multi-line plain text; stdout must stay one JSON object per line.
            defaults.put("spring.main.banner-mode", "off");
        }
        return defaults;
    }

}
