package dev.parley.gateway.channels;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC signatures of the platforms, compared in constant time. */
public final class Signatures {

    private Signatures() {
    }

    /** HMAC-SHA256 of {@code data} with {@code secret}. */
    public static byte[] hmacSha256(String secret, byte[] data) {
        return hmac("HmacSHA256", secret, data);
    }

    /** HMAC-SHA1 of {@code data} with {@code secret}. */
    public static byte[] hmacSha1(String secret, byte[] data) {
        return hmac("HmacSHA1", secret, data);
    }

    /** Compares the expected and the presented signature text in time independent of where they differ. */
    public static boolean matches(String expected, String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
