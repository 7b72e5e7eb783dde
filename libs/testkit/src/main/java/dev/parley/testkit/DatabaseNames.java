package dev.parley.testkit;

import java.util.regex.Pattern;

/** The database names {@link PostgresServer#createDatabase(String)} accepts: safe to splice into SQL unquoted. */
final class DatabaseNames {

    static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseNames() {
    }

}
