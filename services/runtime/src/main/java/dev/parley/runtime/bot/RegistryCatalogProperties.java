package dev.parley.runtime.bot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the registry is ({@code parley.runtime.registry-url}; unset means no registry-backed bots) and how the
 * runtime keeps in step with it ({@code parley.runtime.registry.*}); checked at startup.
 *
 * @param registryUrl the registry's base URL, e.g. {@code http://registry.internal:8083}
 * @param registry    tuning of the registry-backed catalog
 */
@ConfigurationProperties("parley.runtime")
record RegistryCatalogProperties(URI registryUrl, @DefaultValue Registry registry) {

    RegistryCatalogProperties {
        if (registryUrl != null && (!"http".equals(registryUrl.getScheme()) && !"https".equals(registryUrl.getScheme())
                || registryUrl.getHost() == null)) {
            throw new IllegalArgumentException(
                    "parley.runtime.registry-url must be an absolute http(s) URL but was " + registryUrl);
        }
    }

    /**
     * Tuning of the registry-backed catalog.
     *
     * @param timeout         connect and read timeout of calls to the registry
     * @param refreshInterval how often the whole list of active versions is reloaded, besides the events (a safety
     *                        net for anything missed while Kafka was unreachable)
     * @param minRetry        the first wait after a failed load from the registry or Kafka; doubles per failure
     * @param maxRetry        the longest wait between retries
     * @param cacheSize       how many compiled versions that are not active any more stay cached for sessions that
     *                        started on them (active versions are always held)
     * @param pollTimeout     how long one poll for definition events waits; bounds how late a stop is noticed
     */
    record Registry(@DefaultValue("3s") Duration timeout, @DefaultValue("60s") Duration refreshInterval,
            @DefaultValue("1s") Duration minRetry, @DefaultValue("30s") Duration maxRetry,
            @DefaultValue("100") int cacheSize, @DefaultValue("250ms") Duration pollTimeout) {

        Registry {
            positive("timeout", timeout);
            positive("refresh-interval", refreshInterval);
            positive("min-retry", minRetry);
            positive("poll-timeout", pollTimeout);
            if (maxRetry.compareTo(minRetry) < 0) {
                throw new IllegalArgumentException("parley.runtime.registry.max-retry must be at least min-retry ("
                        + minRetry + ") but was " + maxRetry);
            }
            if (cacheSize < 1) {
                throw new IllegalArgumentException(
                        "parley.runtime.registry.cache-size must be positive but was " + cacheSize);
            }
        }

        private static void positive(String name, Duration value) {
            if (value == null || !value.isPositive()) {
                throw new IllegalArgumentException(
                        "parley.runtime.registry." + name + " must be positive but was " + value);
            }
        }
    }
}
