package dev.parley.platform.heroku;

import java.io.ByteArrayOutputStream;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a PEM private key into the PKCS#8 PEM that Kafka's PEM key store accepts. Heroku Kafka may hand out PKCS#1
 * (PEM type {@code RSA PRIVATE KEY}) keys; those are wrapped in a PKCS#8 {@code PrivateKeyInfo} with plain JDK code.
 */
public final class PemKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM_IDENTIFIER = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48,
            (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

    private PemKeys() {
    }

    /**
     * Returns {@code pem} as a PKCS#8 PEM private key.
     * @param variable the config var the PEM came from, named in errors
     * @param pem a PKCS#1 RSA or unencrypted PKCS#8 private key in PEM form
     * @throws InvalidConfigVarException if it is neither, or the key does not load
     */
    static String toPkcs8Pem(String variable, String pem) {
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new InvalidConfigVarException(variable, "not a PEM private key (no BEGIN/END lines)");
        }
        String type = matcher.group(1);
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidConfigVarException(variable, "the PEM body is not valid base64");
        }
        byte[] pkcs8 = switch (type) {
            case "RSA PRIVATE KEY" -> pkcs1ToPkcs8(der);
            case "PRIVATE KEY" -> der;
            case "ENCRYPTED PRIVATE KEY" ->
                throw new InvalidConfigVarException(variable, "encrypted private keys are not supported");
            default -> throw new InvalidConfigVarException(variable,
                    "unsupported PEM type '" + type + "' (expected RSA PRIVATE KEY or PRIVATE KEY)");
        };
        if (!loads(pkcs8)) {
            throw new InvalidConfigVarException(variable, "the private key does not load as an RSA or EC key");
        }
        return pem(PKCS8_TYPE, pkcs8);
    }

    /**
     * Wraps a PKCS#1 {@code RSAPrivateKey} DER in a PKCS#8 {@code PrivateKeyInfo}:
     * {@code SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }}.
     */
    public static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] { 0x02, 0x01, 0x00 });
        body.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        body.write(0x04);
        writeLength(body, pkcs1.length);
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        writeLength(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
        out.write(0x80 | bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((length >>> (8 * i)) & 0xff);
        }
    }

    private static boolean loads(byte[] pkcs8) {
        for (String algorithm : new String[] { "RSA", "EC" }) {
            try {
                KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                return true;
            }
            catch (Exception ex) {
                // try the next algorithm
            }
        }
        return false;
    }

    private static final String PKCS8_TYPE = "PRIVATE KEY";

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
