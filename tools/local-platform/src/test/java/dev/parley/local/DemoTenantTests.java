package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTenantTests {

    @TempDir
    Path stateDir;

    @Test
    void generatesAKeyPairWhosePublicHalfVerifiesWhatThePrivateHalfSigns() throws Exception {
        DemoTenant tenant = DemoTenant.prepare(stateDir, "http://localhost:8080");

        byte[] message = "assertion".getBytes();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(
                Files.readString(tenant.privateKeyFile()), "PRIVATE KEY"))));
        signer.update(message);
        byte[] signature = signer.sign();

        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(der(tenant.publicKeyPem(), "PUBLIC KEY")));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(Files.getPosixFilePermissions(tenant.privateKeyFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void keepsItsKeyAndSecretAcrossRunsAndWritesTheCredentialsClientsRead() throws Exception {
        DemoTenant first = DemoTenant.prepare(stateDir, "http://localhost:8080");
        DemoTenant second = DemoTenant.prepare(stateDir, "http://localhost:9090");

        assertThat(second.publicKeyPem()).isEqualTo(first.publicKeyPem());
        assertThat(second.tokenSigningSecret()).isEqualTo(first.tokenSigningSecret()).hasSizeGreaterThanOrEqualTo(64);
        Properties credentials = credentials();
        assertThat(credentials.getProperty("login-url")).isEqualTo("http://localhost:9090");
        assertThat(credentials.getProperty("org-id")).isEqualTo(DemoTenant.ORG_ID).hasSize(18);
        assertThat(credentials.getProperty("bot-id")).isEqualTo(DemoTenant.BOT_ID).hasSize(18);
        assertThat(stateDir.resolve("demo").resolve(credentials.getProperty("private-key-file"))).isRegularFile();
    }

    private Properties credentials() throws Exception {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(stateDir.resolve("demo").resolve("credentials.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static byte[] der(String pem, String type) {
        return Base64.getMimeDecoder().decode(pem.replace("-----BEGIN " + type + "-----", "")
                .replace("-----END " + type + "-----", "").trim());
    }
}
