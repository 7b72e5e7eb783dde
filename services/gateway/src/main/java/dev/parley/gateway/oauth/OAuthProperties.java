package dev.parley.gateway.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OAuth settings of the gateway, bound from {@code parley.gateway.*} and validated at startup. Error messages name the
 * offending property and value, except for secrets, which are never printed.
 *
 * @param publicUrl     the gateway's public base URL ({@code parley.gateway.public-url}); the default audience and
 *                      the token response's {@code instance_url}
 * @param oauth         token settings ({@code parley.gateway.oauth.*})
 * @param connectedApps the API clients allowed to get tokens ({@code parley.gateway.connected-apps[i].*})
 */
@ConfigurationProperties("parley.gateway")
public record OAuthProperties(
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue OAuth oauth,
        @DefaultValue List<ConnectedApp> connectedApps) {

    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public OAuthProperties {
        requireHttpUrl("parley.gateway.public-url", publicUrl);
        connectedApps = connectedApps == null ? List.of() : List.copyOf(connectedApps);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < connectedApps.size(); i++) {
            ConnectedApp app = connectedApps.get(i);
            app.validate("parley.gateway.connected-apps[" + i + "]");
            if (!keys.add(app.consumerKey())) {
                throw new IllegalArgumentException("parley.gateway.connected-apps[" + i + "].consumer-key '"
                        + app.consumerKey() + "' is used by more than one connected app");
            }
        }
    }

    /** The audience a JWT assertion must name: {@code oauth.audience}, or the public URL when that is blank. */
    public String effectiveAudience() {
        String audience = oauth.audience();
        return audience == null || audience.isBlank() ? publicUrl.toString() : audience.strip();
    }

    static void requireHttpUrl(String name, URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getQuery() != null || url.getFragment() != null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL without query or fragment, "
                    + "was '" + url + "'");
        }
    }

    /**
     * Access token settings.
     *
     * @param audience           the login URL JWT assertions must name in {@code aud}
     *                           ({@code parley.gateway.oauth.audience}); blank means {@code public-url}
     * @param tokenSigningSecret HMAC-SHA256 key for access tokens, at least 32 bytes, the same on every gateway
     *                           replica ({@code parley.gateway.oauth.token-signing-secret})
     * @param tokenTtl           how long an access token is valid ({@code parley.gateway.oauth.token-ttl})
     */
    public record OAuth(String audience, String tokenSigningSecret, @DefaultValue("2h") Duration tokenTtl) {

        public OAuth {
            if (audience != null && !audience.isBlank()) {
                requireHttpUrl("parley.gateway.oauth.audience", URI.create(audience.strip()));
            }
            if (tokenSigningSecret == null || tokenSigningSecret.isBlank()) {
                throw new IllegalArgumentException("parley.gateway.oauth.token-signing-secret "
                        + "(env PARLEY_GATEWAY_OAUTH_TOKEN_SIGNING_SECRET) is required: at least 32 bytes, "
                        + "the same on every gateway replica");
            }
            int length = tokenSigningSecret.getBytes(StandardCharsets.UTF_8).length;
            if (length < 32) {
                throw new IllegalArgumentException("parley.gateway.oauth.token-signing-secret must be at least 32 "
                        + "bytes, was " + length + " bytes");
            }
            if (tokenTtl == null || tokenTtl.compareTo(Duration.ofMinutes(10)) < 0
                    || tokenTtl.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("parley.gateway.oauth.token-ttl must be between 10m and 24h, was "
                        + tokenTtl);
            }
        }

        @Override
        public String toString() {
            return "OAuth[audience=" + audience + ", tokenSigningSecret=<redacted>, tokenTtl=" + tokenTtl + "]";
        }
    }

    /**
     * One API client (a Salesforce "connected app").
     *
     * @param consumerKey    the client id; the {@code iss} of its JWT assertions
     * @param consumerSecret the client secret, for HTTP Basic on the introspection endpoint
     * @param orgId          the org its tokens are valid for
     * @param publicKeyPem   the RSA key that verifies its assertions: a PEM {@code PUBLIC KEY} (X.509
     *                       SubjectPublicKeyInfo) or {@code CERTIFICATE}
     * @param publicKeyFile  a file holding that PEM instead of {@code public-key-pem}
     * @param usernames      the users ({@code sub}) it may get tokens for
     */
    public record ConnectedApp(String consumerKey, String consumerSecret, String orgId, String publicKeyPem,
            String publicKeyFile, @DefaultValue List<String> usernames) {

        public ConnectedApp {
            consumerKey = consumerKey == null ? null : consumerKey.strip();
            orgId = orgId == null ? null : orgId.strip();
            usernames = usernames == null ? List.of()
                    : usernames.stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
        }

        void validate(String name) {
            if (consumerKey == null || consumerKey.isEmpty()) {
                throw new IllegalArgumentException(name + ".consumer-key is required");
            }
            if (consumerSecret == null || consumerSecret.isBlank()) {
                throw new IllegalArgumentException(name + ".consumer-secret is required (connected app '"
                        + consumerKey + "')");
            }
            if (orgId == null || !ORG_ID.matcher(orgId).matches()) {
                throw new IllegalArgumentException(name + ".org-id must be 1-64 characters of [A-Za-z0-9_-], was '"
                        + orgId + "'");
            }
            boolean hasPem = publicKeyPem != null && !publicKeyPem.isBlank();
            boolean hasFile = publicKeyFile != null && !publicKeyFile.isBlank();
            if (hasPem == hasFile) {
                throw new IllegalArgumentException(name + " (connected app '" + consumerKey
                        + "') needs exactly one of public-key-pem and public-key-file");
            }
            if (usernames.isEmpty()) {
                throw new IllegalArgumentException(name + ".usernames must list at least one user (connected app '"
                        + consumerKey + "')");
            }
        }

        @Override
        public String toString() {
            return "ConnectedApp[consumerKey=" + consumerKey + ", consumerSecret=<redacted>, orgId=" + orgId
                    + ", publicKeyFile=" + publicKeyFile + ", usernames=" + usernames + "]";
        }
    }
}
