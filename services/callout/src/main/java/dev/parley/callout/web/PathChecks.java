package dev.parley.callout.web;

import java.util.regex.Pattern;

/** Checks of the path variables every route shares. */
public final class PathChecks {

    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,79}");

    private PathChecks() {
    }

    public static void orgId(String orgId) {
        if (orgId == null || !ORG_ID.matcher(orgId).matches()) {
            throw new InvalidRequestException("orgId", orgId, "must be 1..64 of A-Za-z0-9_-");
        }
    }

    public static void endpointName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", name,
                    "must start with a letter and hold at most 80 letters, digits, '_', '.' or '-'");
        }
    }
}
