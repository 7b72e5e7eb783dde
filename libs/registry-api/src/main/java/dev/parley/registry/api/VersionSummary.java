package dev.parley.registry.api;

import java.time.Instant;

/**
 * A version in a listing.
 *
 * @param versionId      the version's id ({@code 0X9...})
 * @param versionNumber  its number within the bot (1, 2, ...)
 * @param botVersionName the {@code BotVersion} inside the files it runs (e.g. {@code v1})
 * @param status         whether it is the active one
 * @param contentHash    SHA-256 (hex) of its files
 * @param warnings       how many WARNING diagnostics it was stored with
 * @param createdAt      when it was uploaded
 * @param createdBy      who uploaded it
 */
public record VersionSummary(String versionId, int versionNumber, String botVersionName, VersionStatus status,
        String contentHash, int warnings, Instant createdAt, String createdBy) {
}
