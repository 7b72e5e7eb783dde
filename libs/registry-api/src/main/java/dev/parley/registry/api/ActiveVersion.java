package dev.parley.registry.api;

import java.time.Instant;

/**
 * The active version of one bot, as the internal API reports it to runtimes.
 *
 * @param orgId         the org owning the bot
 * @param botId         the bot's id
 * @param botName       the bot's API name
 * @param versionId     the active version's id
 * @param versionNumber the active version's number
 * @param contentHash   SHA-256 (hex) of the version's files; equal hashes mean equal files
 * @param activatedAt   when it became active; compare with {@link BotVersionActivated#occurredAt()}
 */
public record ActiveVersion(String orgId, String botId, String botName, String versionId, int versionNumber,
        String contentHash, Instant activatedAt) {
}
