package dev.parley.registry.web;

/** An org (for this admin), bot or version that does not exist; answered 404 alike, so absence and denial look same. */
public class NotFoundException extends RuntimeException {

    private NotFoundException(String message) {
        super(message);
    }

    /** The org is not the admin's (or does not exist). */
    public static NotFoundException org(String orgId) {
        return new NotFoundException("Org " + orgId + " not found");
    }

    /** The org has no such bot. */
    public static NotFoundException bot(String orgId, String botId) {
        return new NotFoundException("Org " + orgId + " has no bot " + botId);
    }

    /** The bot has no such version. */
    public static NotFoundException version(String botId, String versionId) {
        return new NotFoundException("Bot " + botId + " has no version " + versionId);
    }
}
