package dev.parley.gateway.oauth;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The JWT bearer grant (RFC 7523) as Salesforce runs it: the assertion is an RS256 JWT whose {@code iss} is a
 * connected app's consumer key, signed with that app's key, whose {@code sub} is one of the app's users, whose
 * {@code aud} is the login URL, and which has not expired.
 */
@Component
class JwtBearerGrant {

    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /** Tolerated clock difference between the client and the gateway. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Assertions must be short-lived; one expiring further ahead is refused. */
    static final Duration MAX_ASSERTION_LIFETIME = Duration.ofDays(1);

    private static final int MAX_ASSERTION_LENGTH = 16 * 1024;

    private final ConnectedApps connectedApps;

    private final String audience;

    private final Clock clock;

    @Autowired
    JwtBearerGrant(ConnectedApps connectedApps, OAuthProperties properties) {
        this(connectedApps, properties.effectiveAudience(), Clock.systemUTC());
    }

    JwtBearerGrant(ConnectedApps connectedApps, String audience, Clock clock) {
        this.connectedApps = connectedApps;
        this.audience = withoutTrailingSlash(audience);
        this.clock = clock;
    }

    /** The app and user the assertion proves, or an {@link OAuthException} saying why not. */
    Grant verify(String assertion) {
        if (assertion == null || assertion.isBlank()) {
            throw OAuthException.invalidRequest("assertion is required");
        }
        if (assertion.length() > MAX_ASSERTION_LENGTH) {
            throw OAuthException.invalidGrant("invalid assertion: longer than " + MAX_ASSERTION_LENGTH + " characters");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion.strip());
            claims = jwt.getJWTClaimsSet();
        }
        catch (ParseException e) {
            // Also the answer to unsigned ("alg":"none") JWTs, which are not JWS objects.
            throw OAuthException.invalidGrant("invalid assertion: not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw OAuthException.invalidGrant("invalid assertion: algorithm " + jwt.getHeader().getAlgorithm()
                    + " is not allowed, use RS256");
        }
        ConnectedApps.App app = connectedApps.find(claims.getIssuer())
                .orElseThrow(() -> new OAuthException(HttpStatus.BAD_REQUEST, "invalid_client_id",
                        "client identifier invalid"));
        try {
            if (!jwt.verify(new RSASSAVerifier(app.publicKey()))) {
                throw OAuthException.invalidGrant("invalid assertion: signature does not verify");
            }
        }
        catch (JOSEException e) {
            throw OAuthException.invalidGrant("invalid assertion: signature does not verify");
        }
        checkAudience(claims.getAudience());
        checkTimes(claims);
        String subject = claims.getSubject();
        if (subject == null || !app.usernames().contains(subject)) {
            throw OAuthException.invalidGrant("user hasn't approved this consumer");
        }
        return new Grant(app, subject);
    }

    private void checkAudience(List<String> audiences) {
        boolean matches = audiences != null
                && audiences.stream()
                        .anyMatch(aud -> aud != null && audience.equals(withoutTrailingSlash(aud.strip())));
        if (!matches) {
            throw OAuthException.invalidGrant("audience is invalid");
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw OAuthException.invalidGrant("invalid assertion: exp is required");
        }
        if (exp.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            throw OAuthException.invalidGrant("invalid assertion: expired");
        }
        if (exp.toInstant().isAfter(now.plus(MAX_ASSERTION_LIFETIME).plus(CLOCK_SKEW))) {
            throw OAuthException.invalidGrant("invalid assertion: exp is more than "
                    + MAX_ASSERTION_LIFETIME.toHours() + " hours ahead");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw OAuthException.invalidGrant("invalid assertion: not valid yet (nbf)");
        }
    }

    private static String withoutTrailingSlash(String url) {
        String value = url;
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    /** A proven assertion. */
    record Grant(ConnectedApps.App app, String subject) {
    }
}
