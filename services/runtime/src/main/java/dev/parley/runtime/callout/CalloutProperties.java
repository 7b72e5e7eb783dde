package dev.parley.runtime.callout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where the callout service is and how much of a turn callouts may take; checked at startup.
 *
 * @param url            base URL of the callout service ({@code parley.runtime.callout.url}); without it every effect
 *                       fails with {@code CALLOUT_NOT_CONFIGURED} and the bot's ErrorHandling dialog runs
 * @param turnBudget     the time all callouts of one turn may take together (the per-turn budget)
 * @param connectTimeout connect timeout to the callout service
 */
@ConfigurationProperties("parley.runtime.callout")
public record CalloutProperties(URI url, @DefaultValue("10s") Duration turnBudget,
        @DefaultValue("1s") Duration connectTimeout) {

    public CalloutProperties {
        if (url != null && (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())
                || url.getHost() == null)) {
            throw new IllegalArgumentException(
                    "parley.runtime.callout.url must be an absolute http(s) URL but was " + url);
        }
        if (turnBudget.compareTo(Duration.ofMillis(1)) < 0 || turnBudget.compareTo(Duration.ofSeconds(15)) > 0) {
            throw new IllegalArgumentException(
                    "parley.runtime.callout.turn-budget must be within 1ms..15s but was " + turnBudget);
        }
        if (!connectTimeout.isPositive()) {
            throw new IllegalArgumentException(
                    "parley.runtime.callout.connect-timeout must be positive but was " + connectTimeout);
        }
    }
}
