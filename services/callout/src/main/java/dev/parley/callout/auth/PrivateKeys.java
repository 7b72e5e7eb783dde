package dev.parley.callout.auth;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an RSA private key from PEM: PKCS#8 ({@code PRIVATE KEY}) or PKCS#1 ({@code RSA PRIVATE KEY}). */
public final class PrivateKeys {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

    private PrivateKeys() {
    }

    /**
     * Loads the key.
     *
     * @throws IllegalArgumentException saying what is wrong, never echoing the key
     */
    public static PrivateKey rsa(String pem) {
        Matcher matcher = PEM.matcher(pem == null ? "" : pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("not a PEM private key (no BEGIN/END lines)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM body is not valid base64");
        }
        byte[] pkcs8 = switch (matcher.group(1)) {
            case "PRIVATE KEY" -> der;
            case "RSA PRIVATE KEY" -> pkcs1ToPkcs8(der);
            case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException("encrypted private keys are not supported");
            default -> throw new IllegalArgumentException(
                    "unsupported PEM type '" + matcher.group(1) + "' (expected PRIVATE KEY or RSA PRIVATE KEY)");
        };
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the key does not load as an RSA private key");
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, algorithm, OCTET STRING { RSAPrivateKey } }. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] { 0x02, 0x01, 0x00 });
        body.writeBytes(RSA_ALGORITHM);
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
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xff);
            out.write(length & 0xff);
        }
    }
}
