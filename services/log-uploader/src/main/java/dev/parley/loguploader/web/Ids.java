package dev.parley.loguploader.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Checks of the ids that appear in paths, so a malformed one is a precise 400 rather than a miss. */
public final class Ids {

    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Ids() {
    }

    /** The org id from a path, checked. */
    public static String orgId(String orgId) {
        if (orgId == null || !ORG_ID.matcher(orgId).matches()) {
            throw new InvalidRequestException("orgId", "orgId must be 1-64 characters of [A-Za-z0-9_-]");
        }
        return orgId;
    }

    /** A UUID from a path or query, checked. */
    public static UUID uuid(String field, String value) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidRequestException(field, field + " must be a UUID");
    }
}
