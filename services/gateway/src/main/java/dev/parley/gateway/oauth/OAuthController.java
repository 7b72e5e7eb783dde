package dev.parley.gateway.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import dev.parley.gateway.oauth.OAuthResponses.IntrospectionResponse;
import dev.parley.gateway.oauth.OAuthResponses.TokenResponse;
import dev.parley.platform.logging.MdcKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Salesforce-style OAuth endpoints for Bot API clients: the JWT bearer token grant and token introspection. */
@RestController
class OAuthController {

    static final String TOKEN_PATH = "/services/oauth2/token";

    static final String INTROSPECT_PATH = "/services/oauth2/introspect";

    private static final Logger log = LoggerFactory.getLogger(OAuthController.class);

    private final JwtBearerGrant jwtBearerGrant;

    private final AccessTokens accessTokens;

    private final ConnectedApps connectedApps;

    private final String instanceUrl;

    OAuthController(JwtBearerGrant jwtBearerGrant, AccessTokens accessTokens, ConnectedApps connectedApps,
            OAuthProperties properties) {
        this.jwtBearerGrant = jwtBearerGrant;
        this.accessTokens = accessTokens;
        this.connectedApps = connectedApps;
        String url = properties.publicUrl().toString();
        this.instanceUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @PostMapping(TOKEN_PATH)
    ResponseEntity<TokenResponse> token(HttpServletRequest request) {
        OAuthParameters parameters = OAuthParameters.read(request);
        String grantType = parameters.get("grant_type");
        if (grantType == null) {
            throw OAuthException.invalidRequest("grant_type is required");
        }
        if (!JwtBearerGrant.GRANT_TYPE.equals(grantType)) {
            throw new OAuthException(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "grant type not supported");
        }
        JwtBearerGrant.Grant grant = jwtBearerGrant.verify(parameters.get("assertion"));
        AccessToken token = accessTokens.issue(grant.app(), grant.subject());
        MDC.put(MdcKeys.ORG_ID, token.orgId());
        log.info("Issued an access token to connected app {}", token.clientId());
        String id = instanceUrl + "/id/" + encode(token.orgId()) + "/" + encode(token.subject());
        return noStore().body(new TokenResponse(accessTokens.encode(token), AccessTokens.SCOPE, instanceUrl, id,
                "Bearer", Long.toString(token.issuedAt().toEpochMilli())));
    }

    @PostMapping(INTROSPECT_PATH)
    ResponseEntity<IntrospectionResponse> introspect(HttpServletRequest request) {
        OAuthParameters parameters = OAuthParameters.read(request);
        ConnectedApps.App caller = authenticateClient(request.getHeader(HttpHeaders.AUTHORIZATION), parameters);
        String token = parameters.get("token");
        if (token == null) {
            throw OAuthException.invalidRequest("token is required");
        }
        // A client may only learn about its own tokens.
        IntrospectionResponse answer = accessTokens.verify(token)
                .filter(granted -> granted.clientId().equals(caller.consumerKey()))
                .map(granted -> new IntrospectionResponse(true, AccessTokens.SCOPE, granted.clientId(),
                        granted.subject(), granted.expiresAt().getEpochSecond(), "access_token"))
                .orElseGet(IntrospectionResponse::inactive);
        return noStore().body(answer);
    }

    /** Any other route or method under {@code /services/oauth2}, answered in OAuth's error format too. */
    @RequestMapping("/services/oauth2/**")
    ResponseEntity<Void> unknownRoute(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (TOKEN_PATH.equals(path) || INTROSPECT_PATH.equals(path)) {
            throw new OAuthException(HttpStatus.METHOD_NOT_ALLOWED, "invalid_request",
                    "method " + request.getMethod() + " is not supported, use POST");
        }
        throw new OAuthException(HttpStatus.NOT_FOUND, "invalid_request", "no OAuth endpoint at " + path);
    }

    /** HTTP Basic with consumer key and secret, or {@code client_id} and {@code client_secret} in the body. */
    private ConnectedApps.App authenticateClient(String authorization, OAuthParameters parameters) {
        String clientId;
        String clientSecret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
            }
            catch (IllegalArgumentException e) {
                throw invalidClient();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw invalidClient();
            }
            clientId = decoded.substring(0, colon);
            clientSecret = decoded.substring(colon + 1);
        }
        else {
            clientId = parameters.get("client_id");
            clientSecret = parameters.get("client_secret");
        }
        Optional<ConnectedApps.App> app = connectedApps.find(clientId);
        byte[] expected = app.map(a -> a.consumerSecret().getBytes(StandardCharsets.UTF_8)).orElse(new byte[32]);
        byte[] given = clientSecret == null ? new byte[0] : clientSecret.getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison, also when the client id is unknown.
        boolean secretMatches = MessageDigest.isEqual(expected, given);
        if (app.isEmpty() || !secretMatches) {
            throw invalidClient();
        }
        return app.get();
    }

    private static OAuthException invalidClient() {
        return new OAuthException(HttpStatus.UNAUTHORIZED, "invalid_client", "invalid client credentials");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ResponseEntity.BodyBuilder noStore() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache");
    }
}
