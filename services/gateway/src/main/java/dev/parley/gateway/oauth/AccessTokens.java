package dev.parley.gateway.oauth;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the gateway's access tokens. A token is opaque to clients but self-contained: an HS256 JWS
 * signed with {@code parley.gateway.oauth.token-signing-secret}, so every gateway replica verifies it without I/O.
 * A token stops being valid when it expires or when its connected app is removed from the configuration.
 */
@Component
public class AccessTokens {

    /** The only scope the gateway grants. */
    public static final String SCOPE = "chatbot_api";

    static final String ISSUER = "parley-gateway";

    private static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    private final MACSigner signer;

    private final MACVerifier verifier;

    private final Duration ttl;

    private final ConnectedApps connectedApps;

    private final Clock clock;

    /**
     * Tokens whose signature and claims were checked, so a session's every turn does not parse the JWT and compute its
     * HMAC again (about 5% of the gateway's CPU per turn). Expiry and the connected app's grant are still checked on
     * each use; bounded by clearing when full, which only costs a re-verification.
     */
    private final Map<String, AccessToken> verified = new ConcurrentHashMap<>();

    static final int VERIFIED_CACHE_SIZE = 10_000;

    @Autowired
    AccessTokens(OAuthProperties properties, ConnectedApps connectedApps) {
        this(properties.oauth().tokenSigningSecret(), properties.oauth().tokenTtl(), connectedApps,
                Clock.systemUTC());
    }

    AccessTokens(String secret, Duration ttl, ConnectedApps connectedApps, Clock clock) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        }
        catch (JOSEException e) {
            throw new IllegalStateException("parley.gateway.oauth.token-signing-secret is unusable for HS256", e);
        }
        this.ttl = ttl;
        this.connectedApps = connectedApps;
        this.clock = clock;
    }

    /** Issues a token for {@code subject} of {@code app}. */
    AccessToken issue(ConnectedApps.App app, String subject) {
        Instant now = clock.instant();
        return new AccessToken(app.orgId(), app.consumerKey(), subject, now, now.plus(ttl));
    }

    /** The token's wire form. */
    String encode(AccessToken token) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(token.subject())
                .claim("org", token.orgId())
                .claim("client_id", token.clientId())
                .claim("scope", SCOPE)
                .issueTime(Date.from(token.issuedAt()))
                .expirationTime(Date.from(token.expiresAt()))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
        try {
            jwt.sign(signer);
        }
        catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /** The grant of {@code token} if it is one of ours, unexpired, and its connected app still exists; else empty. */
    public Optional<AccessToken> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        String compact = token.strip();
        AccessToken known = verified.get(compact);
        if (known != null) {
            if (known.expiresAt().isAfter(clock.instant()) && stillGranted(known.clientId(), known.orgId(),
                    known.subject())) {
                return Optional.of(known);
            }
            verified.remove(compact);
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
                    || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String orgId = claims.getStringClaim("org");
            String clientId = claims.getStringClaim("client_id");
            Date issuedAt = claims.getIssueTime();
            Date expiresAt = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || !SCOPE.equals(claims.getStringClaim("scope"))
                    || orgId == null || clientId == null || claims.getSubject() == null
                    || issuedAt == null || expiresAt == null || !expiresAt.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            if (!stillGranted(clientId, orgId, claims.getSubject())) {
                return Optional.empty();
            }
            AccessToken accessToken = new AccessToken(orgId, clientId, claims.getSubject(), issuedAt.toInstant(),
                    expiresAt.toInstant());
            if (verified.size() >= VERIFIED_CACHE_SIZE) {
                verified.clear();
            }
            verified.put(compact, accessToken);
            return Optional.of(accessToken);
        }
        catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean stillGranted(String clientId, String orgId, String subject) {
        return connectedApps.find(clientId)
                .filter(app -> app.orgId().equals(orgId) && app.usernames().contains(subject))
                .isPresent();
    }
}
