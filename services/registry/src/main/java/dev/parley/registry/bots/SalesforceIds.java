package dev.parley.registry.bots;

import dev.parley.registry.api.RegistryIds;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Mints 18-character Salesforce-style ids: a 3-character key prefix, 12 random base-62 characters, and the 3-character
 * suffix Salesforce derives from the letter case of the first 15, so the ids look and check like real ones. 71 random
 * bits make a collision negligible; the primary keys catch one anyway.
 */
@Component
class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final Pattern ID18 = Pattern.compile("[A-Za-z0-9]{18}");

    private final SecureRandom random = new SecureRandom();

    /** A new bot id ({@code 0Xx...}). */
    String newBotId() {
        return mint(RegistryIds.BOT_PREFIX);
    }

    /** A new version id ({@code 0X9...}). */
    String newVersionId() {
        return mint(RegistryIds.VERSION_PREFIX);
    }

    private String mint(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        while (id.length() < 15) {
            id.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return id + checksum(id.toString());
    }

    /** The 3-character case-checksum suffix of a 15-character id. */
    static String checksum(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int flags = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << i;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(flags));
        }
        return suffix.toString();
    }

    /** Whether the value is an 18-character id with the given prefix and a correct suffix. */
    static boolean isValid(String value, String prefix) {
        return value != null && ID18.matcher(value).matches() && value.startsWith(prefix)
                && checksum(value.substring(0, 15)).equals(value.substring(15));
    }
}
