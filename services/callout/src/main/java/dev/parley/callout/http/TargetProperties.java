package dev.parley.callout.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service-wide limits on what endpoints may reach.
 *
 * @param privateNetworkAllowed whether an endpoint may set {@code allowPrivateNetwork} at all. Off in production:
 *                              inside a private space it would let an org admin reach Parley's own internal apps.
 *                              On for tests and the local run, whose fake endpoints listen on loopback
 * @param maxRedirects          redirects followed per attempt (each hop is checked again), 0..10
 */
@ConfigurationProperties("parley.callout.targets")
public record TargetProperties(@DefaultValue("false") boolean privateNetworkAllowed,
        @DefaultValue("3") int maxRedirects) {

    public TargetProperties {
        if (maxRedirects < 0 || maxRedirects > 10) {
            throw new IllegalArgumentException(
                    "parley.callout.targets.max-redirects must be within 0..10, was " + maxRedirects);
        }
    }
}
