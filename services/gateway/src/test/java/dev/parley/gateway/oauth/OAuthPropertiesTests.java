package dev.parley.gateway.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;

import dev.parley.gateway.GatewayApplication;
import dev.parley.gateway.testsupport.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

class OAuthPropertiesTests {

    static final String SECRET = "0123456789abcdef0123456789abcdef";

    static OAuthProperties.OAuth oauth() {
        return new OAuthProperties.OAuth(null, SECRET, Duration.ofHours(2));
    }

    static OAuthProperties.ConnectedApp app(String key, String orgId) {
        return new OAuthProperties.ConnectedApp(key, "secret", orgId, TestClients.A.publicKeyPem(), null,
                List.of("user@example.com"));
    }

    static OAuthProperties properties(OAuthProperties.ConnectedApp... apps) {
        return new OAuthProperties(URI.create("https://gw.example"), oauth(), List.of(apps));
    }

    @Test
    void aValidConfigurationBinds() {
        OAuthProperties properties = properties(app("k1", "00D1"), app("k2", "00D2"));

        assertThat(properties.effectiveAudience()).isEqualTo("https://gw.example");
        assertThat(new ConnectedApps(properties).find("k2")).hasValueSatisfying(
                found -> assertThat(found.orgId()).isEqualTo("00D2"));
    }

    @Test
    void aShortSigningSecretIsRefusedWithoutPrintingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OAuthProperties.OAuth(null, "short-secret", Duration.ofHours(2)))
                .withMessageContaining("parley.gateway.oauth.token-signing-secret must be at least 32 bytes")
                .withMessageNotContaining("short-secret");
    }

    @Test
    void aMissingSigningSecretIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OAuthProperties.OAuth(null, " ", Duration.ofHours(2)))
                .withMessageContaining("parley.gateway.oauth.token-signing-secret").withMessageContaining("required");
    }

    @Test
    void anOutOfRangeTokenTtlIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OAuthProperties.OAuth(null, SECRET,
                Duration.ofDays(2))).withMessageContaining("parley.gateway.oauth.token-ttl").withMessageContaining("PT48H");
    }

    @Test
    void anAudienceThatIsNotAUrlIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OAuthProperties.OAuth("login", SECRET,
                Duration.ofHours(2))).withMessageContaining("parley.gateway.oauth.audience").withMessageContaining("'login'");
    }

    @Test
    void theConfiguredAudienceWinsOverThePublicUrl() {
        OAuthProperties properties = new OAuthProperties(URI.create("https://gw.example"),
                new OAuthProperties.OAuth("https://login.example/", SECRET, Duration.ofHours(2)), List.of());

        assertThat(properties.effectiveAudience()).isEqualTo("https://login.example/");
    }

    @Test
    void aPublicUrlThatIsNotHttpIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OAuthProperties(URI.create("ftp://gw.example"), oauth(), List.of()))
                .withMessageContaining("parley.gateway.public-url").withMessageContaining("ftp://gw.example");
    }

    @Test
    void aDuplicateConsumerKeyIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(app("k1", "00D1"), app("k1", "00D2")))
                .withMessageContaining("parley.gateway.connected-apps[1].consumer-key 'k1'");
    }

    @Test
    void aBadOrgIdIsNamed() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(app("k1", "00D 1")))
                .withMessageContaining("parley.gateway.connected-apps[0].org-id").withMessageContaining("'00D 1'");
    }

    @Test
    void anAppWithoutSecretIsRefusedWithoutLeakingAnything() {
        OAuthProperties.ConnectedApp app = new OAuthProperties.ConnectedApp("k1", null, "00D1",
                TestClients.A.publicKeyPem(), null, List.of("u"));

        assertThatIllegalArgumentException().isThrownBy(() -> properties(app))
                .withMessageContaining("parley.gateway.connected-apps[0].consumer-secret is required");
    }

    @Test
    void anAppNeedsExactlyOneKeySource() {
        OAuthProperties.ConnectedApp both = new OAuthProperties.ConnectedApp("k1", "s", "00D1",
                TestClients.A.publicKeyPem(), "/some/file.pem", List.of("u"));

        assertThatIllegalArgumentException().isThrownBy(() -> properties(both))
                .withMessageContaining("exactly one of public-key-pem and public-key-file");
    }

    @Test
    void anAppNeedsUsers() {
        OAuthProperties.ConnectedApp noUsers = new OAuthProperties.ConnectedApp("k1", "s", "00D1",
                TestClients.A.publicKeyPem(), null, List.of());

        assertThatIllegalArgumentException().isThrownBy(() -> properties(noUsers))
                .withMessageContaining("parley.gateway.connected-apps[0].usernames");
    }

    @Test
    void secretsNeverAppearInToString() {
        OAuthProperties properties = properties(app("k1", "00D1"));

        assertThat(properties.toString()).doesNotContain(SECRET, "secret,").contains("<redacted>");
    }

    @Test
    void aPublicKeyFileIsRead(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("key.pem"), TestClients.B.publicKeyPem());
        OAuthProperties.ConnectedApp app = new OAuthProperties.ConnectedApp("k1", "s", "00D1", null,
                file.toString(), List.of("u"));

        assertThat(new ConnectedApps(properties(app)).find("k1").orElseThrow().publicKey())
                .isEqualTo(TestClients.B.keyPair().getPublic());
    }

    @Test
    void anUnreadablePublicKeyFileIsNamed(@TempDir Path dir) {
        OAuthProperties.ConnectedApp app = new OAuthProperties.ConnectedApp("k1", "s", "00D1", null,
                dir.resolve("missing.pem").toString(), List.of("u"));

        assertThatIllegalStateException().isThrownBy(() -> new ConnectedApps(properties(app)))
                .withMessageContaining("parley.gateway.connected-apps[0].public-key-file")
                .withMessageContaining("missing.pem");
    }

    @Test
    void aPemThatIsNotAPublicKeyIsNamed() {
        OAuthProperties.ConnectedApp app = new OAuthProperties.ConnectedApp("k1", "s", "00D1",
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", null, List.of("u"));

        assertThatIllegalStateException().isThrownBy(() -> new ConnectedApps(properties(app)))
                .withMessageContaining("parley.gateway.connected-apps[0].public-key-pem")
                .withMessageContaining("PRIVATE KEY");
    }

    @Test
    void textThatIsNotPemIsNamed() {
        assertThatIllegalStateException().isThrownBy(() -> ConnectedApps.parseRsaPublicKey("src", "hello"))
                .withMessageContaining("src is not PEM");
    }

    @Test
    void aShortRsaKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String pem = TestClients.publicKeyPem(generator.generateKeyPair());

        assertThatIllegalStateException().isThrownBy(() -> ConnectedApps.parseRsaPublicKey("src", pem))
                .withMessageContaining("1024-bit");
    }

    @Test
    void anEcKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String pem = TestClients.publicKeyPem(generator.generateKeyPair());

        assertThatIllegalStateException().isThrownBy(() -> ConnectedApps.parseRsaPublicKey("src", pem))
                .withMessageContaining("src");
    }

    @Test
    void theGatewayRefusesToStartWithoutASigningSecretAndSaysWhich() {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run(
                        "--parley.platform.internal-credential=x", "--parley.gateway.oauth.token-signing-secret=",
                        "--spring.main.banner-mode=off"))
                .rootCause().hasMessageContaining("parley.gateway.oauth.token-signing-secret");
    }
}
