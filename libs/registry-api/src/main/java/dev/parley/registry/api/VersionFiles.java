package dev.parley.registry.api;

import java.util.List;

/**
 * Body of {@link RegistryPaths#INTERNAL_VERSION_FILES}: what a runtime needs to parse and compile a version exactly
 * as the registry validated it.
 *
 * @param orgId          the org owning the bot
 * @param botId          the bot's id
 * @param botName        the bot's API name
 * @param versionId      the version's id
 * @param versionNumber  the version's number
 * @param botVersionName the {@code BotVersion} inside the files that this version runs (e.g. {@code v1})
 * @param contentHash    SHA-256 (hex) of the uploaded files
 * @param files          the files the registry parsed, in upload order
 */
public record VersionFiles(String orgId, String botId, String botName, String versionId, int versionNumber,
        String botVersionName, String contentHash, List<SourceFileContent> files) {

    public VersionFiles {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
