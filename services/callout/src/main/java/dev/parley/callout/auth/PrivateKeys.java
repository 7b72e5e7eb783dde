package dev.parley.callout.auth;

import dev.parley.platform.heroku.PemKeys;

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
            case "RSA PRIVATE KEY" -> PemKeys.pkcs1ToPkcs8(der);
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
}
