package dev.parley.registry.api;

/** Key prefixes of the 18-character Salesforce-style ids the registry mints. */
public final class RegistryIds {

    /** Bots: the Bot Runtime API's {@code botId}. */
    public static final String BOT_PREFIX = "0Xx";

    /** Bot versions: the Bot Runtime API's {@code botVersion}. */
    public static final String VERSION_PREFIX = "0X9";

    /** Length of every id the registry mints (15 case-sensitive characters plus a 3-character checksum). */
    public static final int LENGTH = 18;

    private RegistryIds() {
    }
}
