package dev.parley.registry.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A bot version became the active one of its bot (an activation or a rollback), on
 * {@link RegistryTopics#BOT_DEFINITIONS}, keyed by bot id. Runtimes switch new sessions of the bot to this version;
 * consumers dedupe by {@code eventId} and ignore an event older ({@code occurredAt}) than what they already applied.
 *
 * @param eventId       unique per event
 * @param type          {@link #TYPE}
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param orgId         the org owning the bot
 * @param botId         the bot's 18-character id ({@code 0Xx...})
 * @param botName       the bot's API name
 * @param versionId     the now active version's 18-character id ({@code 0X9...})
 * @param versionNumber the version's number within the bot (1, 2, ...)
 * @param occurredAt    when the activation was committed
 */
public record BotVersionActivated(UUID eventId, String type, int schemaVersion, String orgId, String botId,
        String botName, String versionId, int versionNumber, Instant occurredAt) {

    /** The {@code type} of this event. */
    public static final String TYPE = "BotVersionActivated";

    /** The schema version this library writes. */
    public static final int SCHEMA_VERSION = 1;
}
