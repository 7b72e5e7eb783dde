package dev.parley.runtime.bot;

import java.util.Optional;

/**
 * The bots this runtime can run, compiled and ready: configured ones ({@code parley.runtime.bots}) and, when
 * {@code parley.runtime.registry-url} is set, those the registry activates.
 */
public interface BotCatalog {

    /** The active version of the org's bot, for a new session; empty when the org has no such active bot. */
    Optional<LoadedBot> find(String orgId, String botId);

    /**
     * A given version of the org's bot, for a session that started on it, whether or not it is still the active
     * one; empty when the org's bot has no such version.
     *
     * @throws BotRegistryUnavailableException when the version must be fetched and the registry cannot be reached
     */
    default Optional<LoadedBot> find(String orgId, String botId, String versionId) {
        return find(orgId, botId).filter(bot -> bot.versionId().equals(versionId));
    }
}
