package dev.parley.runtime.sessionstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Where session-store is and how long the runtime waits for it; checked at startup.
 *
 * @param sessionStoreUrl          base URL ({@code parley.runtime.session-store-url})
 * @param sessionStoreTimeout      connect and read timeout of commits, releases and outbox calls
 * @param sessionStoreLeaseTimeout read timeout of lease calls, which wait server-side for earlier turns; must exceed
 *                                 the turn's lease wait
 */
@ConfigurationProperties("parley.runtime")
record SessionStoreProperties(@DefaultValue("http://localhost:8082") URI sessionStoreUrl,
        @DefaultValue("3s") Duration sessionStoreTimeout, @DefaultValue("9s") Duration sessionStoreLeaseTimeout) {

    SessionStoreProperties {
        String scheme = sessionStoreUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || sessionStoreUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "parley.runtime.session-store-url must be an absolute http(s) URL but was " + sessionStoreUrl);
        }
        if (!sessionStoreTimeout.isPositive()) {
            throw new IllegalArgumentException(
                    "parley.runtime.session-store-timeout must be positive but was " + sessionStoreTimeout);
        }
        if (sessionStoreLeaseTimeout.compareTo(sessionStoreTimeout) < 0) {
            throw new IllegalArgumentException("parley.runtime.session-store-lease-timeout must be at least "
                    + "parley.runtime.session-store-timeout but was " + sessionStoreLeaseTimeout);
        }
    }
}
