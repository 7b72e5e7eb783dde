package dev.parley.callout.endpoint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How replicas follow the endpoint registry.
 *
 * @param refreshInterval how old a replica's copy of an endpoint may get before the next invocation checks its
 *                        version in PostgreSQL (changes made through another replica show up within this)
 */
@ConfigurationProperties("parley.callout.registry")
public record RegistryProperties(@DefaultValue("5s") Duration refreshInterval) {

    public RegistryProperties {
        if (refreshInterval.compareTo(Duration.ofMillis(100)) < 0 || refreshInterval.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(
                    "parley.callout.registry.refresh-interval must be within 100ms..10m, was " + refreshInterval);
        }
    }
}
