package dev.parley.registry.bots;

/** A rollback was asked for a bot that had no version active before its current one (or none active at all). */
public class NothingToRollBackException extends RuntimeException {

    NothingToRollBackException(String botId, String activeVersionId) {
        super(activeVersionId == null
                ? "Bot " + botId + " has no active version to roll back from"
                : "Bot " + botId + " had no version active before " + activeVersionId + "; nothing to roll back to");
    }
}
