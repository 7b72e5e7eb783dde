package dev.parley.callout.auth;

import dev.parley.callout.CalloutFailure;
import dev.parley.callout.http.GuardedHttpClient;
import dev.parley.callout.http.OutboundRequest;
import dev.parley.callout.http.OutboundResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Salesforce OAuth 2.0: the JWT bearer flow (an RS256 assertion signed with the connected app's key) or the client
 * credentials flow. Tokens are cached in {@link AccessTokens} per org and connection; a 401 drops the token so the
 * next call fetches a fresh one.
 */
public final class OAuthAuthenticator implements Authenticator {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** Form body parameters of one grant; built per fetch because a JWT assertion expires. */
    private interface Grant {
        Map<String, String> parameters();
    }

    private final String connection;
    private final URI tokenUrl;
    private final Grant grant;
    private final GuardedHttpClient http;
    private final AccessTokens tokens;
    private final JsonMapper json;
    private final long maxResponseBytes;

    private OAuthAuthenticator(String connection, URI tokenUrl, Grant grant, GuardedHttpClient http,
            AccessTokens tokens, JsonMapper json, long maxResponseBytes) {
        this.connection = connection;
        this.tokenUrl = tokenUrl;
        this.grant = grant;
        this.http = http;
        this.tokens = tokens;
        this.json = json;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** The JWT bearer flow. */
    public static OAuthAuthenticator jwtBearer(String orgId, URI tokenUrl, String consumerKey, String username,
            String audience, String privateKeyPem, GuardedHttpClient http, AccessTokens tokens, JsonMapper json,
            long maxResponseBytes) {
        PrivateKey key = PrivateKeys.rsa(privateKeyPem);
        String connection = connectionKey(orgId, "jwt", tokenUrl.toString(), consumerKey, username, audience,
                privateKeyPem);
        Grant grant = () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
            form.put("assertion", assertion(key, consumerKey, username, audience, json));
            return form;
        };
        return new OAuthAuthenticator(connection, tokenUrl, grant, http, tokens, json, maxResponseBytes);
    }

    /** The client credentials flow. */
    public static OAuthAuthenticator clientCredentials(String orgId, URI tokenUrl, String clientId,
            String clientSecret, GuardedHttpClient http, AccessTokens tokens, JsonMapper json, long maxResponseBytes) {
        String connection = connectionKey(orgId, "cc", tokenUrl.toString(), clientId, clientSecret);
        Grant grant = () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "client_credentials");
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
            return form;
        };
        return new OAuthAuthenticator(connection, tokenUrl, grant, http, tokens, json, maxResponseBytes);
    }

    @Override
    public String authorization(long deadlineNanos, long limitMillis) {
        return "Bearer " + tokens.get(connection, () -> fetch(deadlineNanos, limitMillis), deadlineNanos, limitMillis);
    }

    @Override
    public boolean rejected(String usedAuthorization) {
        if (usedAuthorization != null && usedAuthorization.startsWith("Bearer ")) {
            tokens.rejected(connection, usedAuthorization.substring("Bearer ".length()));
        }
        return true;
    }

    private String fetch(long deadlineNanos, long limitMillis) {
        StringBuilder form = new StringBuilder();
        grant.parameters().forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        OutboundResponse response;
        try {
            response = http.exchange(new OutboundRequest("POST", tokenUrl, headers,
                    form.toString().getBytes(StandardCharsets.UTF_8)), deadlineNanos, limitMillis, maxResponseBytes);
        } catch (CalloutFailure failure) {
            if (failure.code().equals(dev.parley.callout.api.CalloutErrorCodes.TIMEOUT)
                    || failure.code().equals(dev.parley.callout.api.CalloutErrorCodes.TARGET_BLOCKED)) {
                throw failure;
            }
            throw CalloutFailure.auth("the token endpoint could not be used: " + failure.getMessage(),
                    failure.httpStatus());
        }
        JsonNode body = parse(response.body());
        if (!response.successful()) {
            String error = body == null ? "" : ": " + text(body, "error") + " (" + text(body, "error_description") + ")";
            throw CalloutFailure.auth("the token endpoint answered " + response.status() + error, response.status());
        }
        String token = body == null ? null : text(body, "access_token");
        if (token == null || token.isBlank()) {
            throw CalloutFailure.auth("the token endpoint's answer has no access_token", response.status());
        }
        return token;
    }

    private JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static String assertion(PrivateKey key, String consumerKey, String username, String audience, JsonMapper json) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", consumerKey);
        claims.put("sub", username);
        claims.put("aud", audience);
        claims.put("exp", System.currentTimeMillis() / 1000 + 180);
        String signingInput = BASE64URL.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(json.writeValueAsBytes(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw CalloutFailure.auth("the JWT assertion could not be signed: " + e.getClass().getSimpleName(), null);
        }
    }

    /** Identifies a connection without keeping its secrets in the key: a digest of everything that makes it up. */
    private static String connectionKey(String orgId, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return orgId + ":" + HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
