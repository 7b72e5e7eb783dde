package dev.parley.runtime.bot;

import java.util.Optional;

/**
 * The bots this runtime can run, compiled and ready. Kept to one lookup so that the configured catalog can be swapped
 * for one fed by the registry's definition events.
 */
public interface BotCatalog {

    /** The active version of the org's bot, or empty when the org has no such bot. */
    Optional<LoadedBot> find(String orgId, String botId);
}
