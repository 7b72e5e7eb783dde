package dev.parley.gateway.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.parley.gateway.testsupport.TestClients;
import org.junit.jupiter.api.Test;

class AccessTokensTests {

    static final String SECRET = "0123456789abcdef0123456789abcdef";

    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    static ConnectedApps apps(String username) {
        return new ConnectedApps(new OAuthProperties(URI.create("https://gw.example"),
                new OAuthProperties.OAuth(null, SECRET, Duration.ofHours(2)),
                List.of(new OAuthProperties.ConnectedApp("k1", "s", "00D1", TestClients.A.publicKeyPem(), null,
                        List.of(username)))));
    }

    static AccessTokens tokens(ConnectedApps apps, Instant now) {
        return new AccessTokens(SECRET, Duration.ofHours(2), apps, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anIssuedTokenVerifiesUntilItExpires() {
        ConnectedApps apps = apps("u1");
        AccessToken issued = tokens(apps, NOW).issue(apps.find("k1").orElseThrow(), "u1");
        String wire = tokens(apps, NOW).encode(issued);

        assertThat(tokens(apps, NOW.plus(Duration.ofMinutes(119))).verify(wire)).hasValueSatisfying(token -> {
            assertThat(token.orgId()).isEqualTo("00D1");
            assertThat(token.clientId()).isEqualTo("k1");
            assertThat(token.subject()).isEqualTo("u1");
            assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        });
        assertThat(tokens(apps, NOW.plus(Duration.ofHours(2))).verify(wire)).isEmpty();
    }

    @Test
    void aVerifiedTokenIsRememberedButStillExpiresAndAnAlteredCopyStillFails() {
        ConnectedApps apps = apps("u1");
        Instant[] now = { NOW };
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AccessTokens tokens = new AccessTokens(SECRET, Duration.ofHours(2), apps, clock);
        String wire = tokens.encode(tokens.issue(apps.find("k1").orElseThrow(), "u1"));
        String altered = wire.substring(0, wire.length() - 2) + (wire.endsWith("AA") ? "BB" : "AA");

        assertThat(tokens.verify(wire)).isPresent();
        assertThat(tokens.verify(" " + wire + " ")).isPresent();
        assertThat(tokens.verify(altered)).isEmpty();
        now[0] = NOW.plus(Duration.ofHours(2));
        assertThat(tokens.verify(wire)).isEmpty();
    }

    @Test
    void aTokenStopsWorkingWhenItsUserIsRemovedFromTheApp() {
        ConnectedApps before = apps("u1");
        String wire = tokens(before, NOW).encode(tokens(before, NOW).issue(before.find("k1").orElseThrow(), "u1"));

        assertThat(tokens(apps("someone-else"), NOW).verify(wire)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretDoesNotVerify() {
        ConnectedApps apps = apps("u1");
        AccessTokens other = new AccessTokens("another-secret-0123456789abcdef012345", Duration.ofHours(2), apps,
                Clock.fixed(NOW, ZoneOffset.UTC));
        String wire = other.encode(other.issue(apps.find("k1").orElseThrow(), "u1"));

        assertThat(tokens(apps, NOW).verify(wire)).isEmpty();
    }

    @Test
    void anHs256JwtWithoutOurTypeDoesNotVerify() {
        String foreign = TestClients.hs256(new JWTClaimsSet.Builder().issuer("parley-gateway")
                .subject("u1").claim("org", "00D1").claim("client_id", "k1").claim("scope", "chatbot_api")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(NOW.plusSeconds(60)))
                .build(), SECRET);

        assertThat(tokens(apps("u1"), NOW).verify(foreign)).isEmpty();
    }

    @Test
    void nonsenseDoesNotVerify() {
        AccessTokens tokens = tokens(apps("u1"), NOW);

        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify("a.b.c")).isEmpty();
        assertThat(tokens.verify("x".repeat(5000))).isEmpty();
    }
}
