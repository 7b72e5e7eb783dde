package dev.parley.registry.api;

import java.time.Instant;
import java.util.List;

/**
 * One version with everything known about it: the answer to an upload and to {@link RegistryPaths#VERSION}.
 *
 * @param orgId           the owning org
 * @param botId           the bot's id ({@code 0Xx...})
 * @param botName         the bot's API name
 * @param label           the bot's label in this version's metadata
 * @param versionId       the version's id ({@code 0X9...})
 * @param versionNumber   its number within the bot (1, 2, ...)
 * @param botVersionName  the {@code BotVersion} inside the files it runs (the highest one, e.g. {@code v1})
 * @param status          whether it is the active one
 * @param contentHash     SHA-256 (hex) of its files; uploading the same files again returns this version
 * @param uploadForm      {@code FILES} (one or several files) or {@code ZIP}; the download returns the same form
 * @param files           the stored files
 * @param diagnostics     warnings and infos it was stored with (a version never has errors)
 * @param createdAt       when it was uploaded
 * @param createdBy       who uploaded it
 * @param lastActivatedAt when it last became active, or {@code null}
 * @param lastActivatedBy who activated it then, or {@code null}
 */
public record VersionDetails(String orgId, String botId, String botName, String label, String versionId,
        int versionNumber, String botVersionName, VersionStatus status, String contentHash, String uploadForm,
        List<StoredFile> files, List<BotDiagnostic> diagnostics, Instant createdAt, String createdBy,
        Instant lastActivatedAt, String lastActivatedBy) {

    public VersionDetails {
        files = files == null ? List.of() : List.copyOf(files);
        diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
    }
}
