package dev.parley.registry.api;

import java.time.Instant;

/**
 * A bot of an org.
 *
 * @param orgId               the owning org
 * @param botId               the bot's id ({@code 0Xx...}), the Bot Runtime API's {@code botId}
 * @param botName             the API name from the bot's metadata; uploads with this name add versions to this bot
 * @param label               the label of the latest version's metadata
 * @param activeVersionId     the active version's id, or {@code null} when none was activated yet
 * @param activeVersionNumber the active version's number, or {@code null}
 * @param latestVersionNumber the highest version number uploaded
 * @param createdAt           when the first version was uploaded
 * @param createdBy           who uploaded it
 */
public record BotSummary(String orgId, String botId, String botName, String label, String activeVersionId,
        Integer activeVersionNumber, int latestVersionNumber, Instant createdAt, String createdBy) {
}
