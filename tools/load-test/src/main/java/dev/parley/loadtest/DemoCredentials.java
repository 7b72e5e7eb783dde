package dev.parley.loadtest;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo org, bot and connected app that the local platform writes to {@code <state-dir>/demo/credentials.properties},
 * and the JWT-bearer token exchange that turns them into an access token.
 */
final class DemoCredentials {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Properties values = new Properties();
    private final Path directory;
    private final String gatewayUrl;

    DemoCredentials(LoadTestOptions options) throws IOException {
        this.directory = options.stateDir().resolve("demo");
        this.gatewayUrl = options.gatewayUrl();
        Path file = directory.resolve("credentials.properties");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No demo credentials at " + file
                    + ": start the platform first with ./parley-local (or pass --state-dir)");
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            values.load(reader);
        }
    }

    String orgId() {
        return require("org-id");
    }

    String botId() {
        return require("bot-id");
    }

    /** Signs an RS256 assertion with the demo private key and exchanges it at the gateway's token endpoint. */
    String accessToken(HttpClient http) throws IOException, InterruptedException, GeneralSecurityException {
        String assertion = assertion();
        String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher matcher = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException("token request failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return matcher.group(1);
    }

    private String assertion() throws IOException, GeneralSecurityException {
        String pem = Files.readString(directory.resolve(require("private-key-file")));
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        RSAPrivateKey key = (RSAPrivateKey) KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(require("consumer-key"))
                .subject(require("username"))
                .audience(require("login-url"))
                .expirationTime(Date.from(Instant.now().plusSeconds(180)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new GeneralSecurityException("could not sign the JWT assertion", e);
        }
        return jwt.serialize();
    }

    private String require(String name) {
        String value = values.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("credentials.properties in " + directory + " has no " + name);
        }
        return value.trim();
    }
}
