package dev.parley.registry.auth;

import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Finds the admin a bearer token belongs to, comparing SHA-256 digests in constant time. */
@Component
class AdminAuthenticator {

    private record Entry(byte[] digest, Admin admin) {
    }

    private final List<Entry> entries;

    AdminAuthenticator(AdminProperties properties) {
        this.entries = properties.admins().stream()
                .map(a -> new Entry(HexFormat.of().parseHex(a.tokenSha256()), new Admin(a.orgId(), a.name())))
                .toList();
    }

    /** The admin holding this token, or empty when no configured token matches. */
    Optional<Admin> authenticate(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        Admin found = null;
        // every entry is compared, so the time taken does not tell which (or whether one) matched
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(presented, entry.digest()) & found == null) {
                found = entry.admin();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
