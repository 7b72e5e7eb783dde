package dev.parley.gateway.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationContext;

/** Mints access tokens at a chosen time (e.g. already expired) with the context's connected apps. */
public final class TestAccessTokens {

    private TestAccessTokens() {
    }

    /** A token for {@code subject} of {@code consumerKey}, issued at {@code issuedAt}, valid for {@code ttl}. */
    public static String issue(ApplicationContext context, String secret, String consumerKey, String subject,
            Instant issuedAt, Duration ttl) {
        ConnectedApps apps = context.getBean(ConnectedApps.class);
        AccessTokens tokens = new AccessTokens(secret, ttl, apps, Clock.fixed(issuedAt, ZoneOffset.UTC));
        return tokens.encode(tokens.issue(apps.find(consumerKey).orElseThrow(), subject));
    }
}
