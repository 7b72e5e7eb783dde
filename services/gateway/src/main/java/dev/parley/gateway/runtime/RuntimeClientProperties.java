package dev.parley.gateway.runtime;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway reaches the runtime service, bound from {@code parley.gateway.*}.
 *
 * @param runtimeUrl            base URL of the runtime service ({@code parley.gateway.runtime-url})
 * @param runtimeConnectTimeout how long to wait for a TCP connection ({@code parley.gateway.runtime-connect-timeout})
 * @param runtimeReadTimeout    how long to wait for a turn's answer ({@code parley.gateway.runtime-read-timeout})
 */
@ConfigurationProperties("parley.gateway")
public record RuntimeClientProperties(
        @DefaultValue("http://localhost:8081") URI runtimeUrl,
        @DefaultValue("1s") Duration runtimeConnectTimeout,
        @DefaultValue("15s") Duration runtimeReadTimeout) {

    public RuntimeClientProperties {
        if (runtimeUrl == null || !runtimeUrl.isAbsolute() || runtimeUrl.getHost() == null
                || !("http".equals(runtimeUrl.getScheme()) || "https".equals(runtimeUrl.getScheme()))) {
            throw new IllegalArgumentException(
                    "parley.gateway.runtime-url must be an absolute http(s) URL, was '" + runtimeUrl + "'");
        }
        requireWithin("parley.gateway.runtime-connect-timeout", runtimeConnectTimeout, Duration.ofMillis(50),
                Duration.ofSeconds(10));
        // A turn must fit Heroku's 30 s router limit with room for the gateway's own work.
        requireWithin("parley.gateway.runtime-read-timeout", runtimeReadTimeout, Duration.ofMillis(100),
                Duration.ofSeconds(25));
    }

    private static void requireWithin(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
