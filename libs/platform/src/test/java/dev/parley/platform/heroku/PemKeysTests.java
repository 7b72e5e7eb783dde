package dev.parley.platform.heroku;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PemKeysTests {

    @Test
    void convertsPkcs1ToAPkcs8KeyTheJdkLoads() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] pkcs1 = pkcs1Of(pkcs8);

        String converted = PemKeys.toPkcs8Pem("KAFKA_CLIENT_CERT_KEY", pem("RSA PRIVATE KEY", pkcs1));

        assertThat(converted).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        byte[] der = derOf(converted);
        assertThat(der).isEqualTo(pkcs8);
        PrivateKey loaded = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        assertThat(loaded).isEqualTo(pair.getPrivate());
    }

    @Test
    void encodesLongLengthsForOtherKeySizes() throws Exception {
        for (int bits : new int[] { 1024 }) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            assertThat(PemKeys.pkcs1ToPkcs8(pkcs1Of(pkcs8))).as("%d bits", bits).isEqualTo(pkcs8);
        }
    }

    @Test
    void convertsTheOpensslFixtureToTheKeyOfItsCertificate() throws Exception {
        String pkcs1Pem = resource("heroku/client-key-pkcs1.pem");
        assertThat(pkcs1Pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(derOf(PemKeys.toPkcs8Pem("K", pkcs1Pem))));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(resource("heroku/client-cert.pem").getBytes()));
        assertThat(key.getModulus()).isEqualTo(((RSAPublicKey) certificate.getPublicKey()).getModulus());
    }

    @Test
    void passesPkcs8Through() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        assertThat(derOf(PemKeys.toPkcs8Pem("K", pem("PRIVATE KEY", pkcs8)))).isEqualTo(pkcs8);
    }

    @Test
    void rejectsWhatIsNotAnUnencryptedPrivateKeyNamingTheVariable() {
        assertThatExceptionOfType(InvalidConfigVarException.class)
            .isThrownBy(() -> PemKeys.toPkcs8Pem("KAFKA_CLIENT_CERT_KEY", "MIIEsecret"))
            .withMessageContaining("KAFKA_CLIENT_CERT_KEY")
            .withMessageNotContaining("MIIEsecret");
        assertThatExceptionOfType(InvalidConfigVarException.class)
            .isThrownBy(() -> PemKeys.toPkcs8Pem("KAFKA_CLIENT_CERT_KEY", pem("ENCRYPTED PRIVATE KEY", new byte[8])))
            .withMessageContaining("encrypted");
        assertThatExceptionOfType(InvalidConfigVarException.class)
            .isThrownBy(() -> PemKeys.toPkcs8Pem("KAFKA_CLIENT_CERT_KEY", pem("RSA PRIVATE KEY", new byte[40])))
            .withMessageContaining("does not load");
    }

    /** The PKCS#1 key is the content of the OCTET STRING that ends a PKCS#8 PrivateKeyInfo. */
    static byte[] pkcs1Of(byte[] pkcs8) {
        int[] position = { 0 };
        expect(pkcs8, position, 0x30);
        readLength(pkcs8, position);
        expect(pkcs8, position, 0x02); // version
        int versionLength = readLength(pkcs8, position);
        position[0] += versionLength;
        expect(pkcs8, position, 0x30); // algorithm identifier
        int algorithmLength = readLength(pkcs8, position);
        position[0] += algorithmLength;
        expect(pkcs8, position, 0x04);
        int length = readLength(pkcs8, position);
        return Arrays.copyOfRange(pkcs8, position[0], position[0] + length);
    }

    private static void expect(byte[] der, int[] position, int tag) {
        assertThat(der[position[0]++] & 0xff).isEqualTo(tag);
    }

    private static int readLength(byte[] der, int[] position) {
        int first = der[position[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[position[0]++] & 0xff);
        }
        return length;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] derOf(String pem) {
        return Base64.getMimeDecoder()
            .decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
    }

    static String resource(String path) throws IOException {
        return new ClassPathResource(path).getContentAsString(StandardCharsets.US_ASCII);
    }

}
