package dev.parley.gateway.oauth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The configured connected apps with their RSA keys loaded, looked up by consumer key. */
@Component
class ConnectedApps {

    private static final Logger log = LoggerFactory.getLogger(ConnectedApps.class);

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private static final int MIN_RSA_BITS = 2048;

    private final Map<String, App> byConsumerKey;

    ConnectedApps(OAuthProperties properties) {
        Map<String, App> apps = new LinkedHashMap<>();
        for (int i = 0; i < properties.connectedApps().size(); i++) {
            OAuthProperties.ConnectedApp app = properties.connectedApps().get(i);
            String name = "parley.gateway.connected-apps[" + i + "]";
            RSAPublicKey key = loadKey(name, app);
            apps.put(app.consumerKey(), new App(app.consumerKey(), app.consumerSecret(), app.orgId(), key,
                    Set.copyOf(app.usernames())));
        }
        this.byConsumerKey = Map.copyOf(apps);
        if (apps.isEmpty()) {
            log.warn("No connected apps are configured (parley.gateway.connected-apps): no client can get a token");
        }
        else {
            log.info("Connected apps loaded: {}", apps.keySet());
        }
    }

    Optional<App> find(String consumerKey) {
        return consumerKey == null ? Optional.empty() : Optional.ofNullable(byConsumerKey.get(consumerKey));
    }

    private static RSAPublicKey loadKey(String name, OAuthProperties.ConnectedApp app) {
        String pem;
        String source;
        if (app.publicKeyFile() != null && !app.publicKeyFile().isBlank()) {
            source = name + ".public-key-file";
            try {
                pem = Files.readString(Path.of(app.publicKeyFile().strip()), StandardCharsets.US_ASCII);
            }
            catch (IOException | RuntimeException e) {
                throw new IllegalStateException(source + ": cannot read '" + app.publicKeyFile() + "' ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
        else {
            source = name + ".public-key-pem";
            pem = app.publicKeyPem();
        }
        return parseRsaPublicKey(source, pem);
    }

    /** Parses a PEM {@code PUBLIC KEY} or {@code CERTIFICATE} holding an RSA key of at least 2048 bits. */
    static RSAPublicKey parseRsaPublicKey(String source, String pem) {
        Matcher matcher = PEM.matcher(pem == null ? "" : pem);
        if (!matcher.find()) {
            throw new IllegalStateException(source + " is not PEM: expected '-----BEGIN PUBLIC KEY-----' or "
                    + "'-----BEGIN CERTIFICATE-----'");
        }
        String label = matcher.group(1);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + ": the PEM body is not valid base64", e);
        }
        PublicKey key;
        try {
            key = switch (label) {
                case "PUBLIC KEY" -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
                case "CERTIFICATE" -> CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
                default -> throw new IllegalStateException(source + " holds a PEM '" + label
                        + "'; expected 'PUBLIC KEY' (X.509 SubjectPublicKeyInfo) or 'CERTIFICATE'");
            };
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(source + ": not an RSA " + label.toLowerCase() + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException(source + " holds a " + key.getAlgorithm() + " key; only RSA is supported");
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalStateException(source + " holds a " + rsa.getModulus().bitLength()
                    + "-bit RSA key; at least " + MIN_RSA_BITS + " bits are required");
        }
        return rsa;
    }

    /** A connected app ready for use. */
    record App(String consumerKey, String consumerSecret, String orgId, RSAPublicKey publicKey,
            Set<String> usernames) {

        @Override
        public String toString() {
            return "App[consumerKey=" + consumerKey + ", orgId=" + orgId + "]";
        }
    }
}
