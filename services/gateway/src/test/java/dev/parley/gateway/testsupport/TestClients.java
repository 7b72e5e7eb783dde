package dev.parley.gateway.testsupport;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Two connected apps in two orgs, with RSA key pairs generated once per test JVM, the gateway properties that register
 * them, and JWT assertions signed with nimbus the way Salesforce's SDK signs them.
 */
public final class TestClients {

    public static final String PUBLIC_URL = "https://gateway.test";

    public static final String INTERNAL_CREDENTIAL = "test-internal-credential";

    public static final String SIGNING_SECRET = "test-token-signing-secret-0123456789-abcdef";

    public static final Client A = new Client("app-a-key", "app-a-secret", "00DA00000000001AAA", "bot-user@a.example",
            generateKeyPair());

    public static final Client B = new Client("app-b-key", "app-b-secret", "00DB00000000001AAA", "bot-user@b.example",
            generateKeyPair());

    private TestClients() {
    }

    /** Gateway properties registering {@link #A} and {@link #B}. */
    public static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("parley.platform.internal-credential", INTERNAL_CREDENTIAL);
        properties.put("parley.gateway.public-url", PUBLIC_URL);
        properties.put("parley.gateway.oauth.token-signing-secret", SIGNING_SECRET);
        Client[] clients = {A, B};
        for (int i = 0; i < clients.length; i++) {
            String prefix = "parley.gateway.connected-apps[" + i + "].";
            properties.put(prefix + "consumer-key", clients[i].consumerKey());
            properties.put(prefix + "consumer-secret", clients[i].consumerSecret());
            properties.put(prefix + "org-id", clients[i].orgId());
            properties.put(prefix + "public-key-pem", clients[i].publicKeyPem());
            properties.put(prefix + "usernames[0]", clients[i].username());
        }
        return properties;
    }

    /** A fresh RSA-2048 key pair. */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key of {@code keyPair} as PEM {@code PUBLIC KEY}. */
    public static String publicKeyPem(KeyPair keyPair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keyPair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Signs {@code claims} with RS256 and {@code key}. */
    public static String rs256(JWTClaimsSet claims, PrivateKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) key));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code claims} with HS256 and {@code secret}. */
    public static String hs256(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes()));
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned JWT ({@code "alg":"none"}) carrying {@code claims}. */
    public static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + encoder.encodeToString(claims.toString().getBytes()) + ".";
    }

    /** One connected app of one org, with its user and key pair. */
    public record Client(String consumerKey, String consumerSecret, String orgId, String username, KeyPair keyPair) {

        public String publicKeyPem() {
            return TestClients.publicKeyPem(keyPair);
        }

        /** Claims as the SDK sends them: {@code aud} = login URL, {@code iss}, {@code sub}, {@code exp} in 15 min. */
        public JWTClaimsSet.Builder claims() {
            return new JWTClaimsSet.Builder()
                    .audience(PUBLIC_URL)
                    .issuer(consumerKey)
                    .subject(username)
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(15))));
        }

        /** A valid assertion for this client. */
        public String assertion() {
            return rs256(claims().build(), keyPair.getPrivate());
        }
    }

    /** Registers {@link #properties()} before the context binds its configuration. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("gatewayTestClients", properties()));
        }
    }
}
