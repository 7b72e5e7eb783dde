package dev.parley.registry.bots;

import dev.parley.registry.api.ActiveVersion;
import dev.parley.registry.api.BotDiagnostic;
import dev.parley.registry.api.StoredFile;
import dev.parley.registry.upload.UploadedFile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bots, versions, their files and activations. Reads of an org's data always take the org id, so a query cannot
 * reach another org's rows. Writes must run inside the caller's transaction.
 */
interface BotStore {

    /** A bot as stored, with its active version's number. */
    record BotRow(String id, String orgId, String apiName, String label, int latestVersionNumber,
            String activeVersionId, Integer activeVersionNumber, Instant createdAt, String createdBy) {
    }

    /** A version as stored, without its files. */
    record VersionRow(String id, String botId, String orgId, int versionNumber, String botVersionName, String label,
            String contentHash, String uploadForm, String originalName, List<BotDiagnostic> diagnostics, int warnings,
            Instant createdAt, String createdBy) {
    }

    /** One activation. */
    record ActivationRow(String versionId, int versionNumber, String previousVersionId, Integer previousVersionNumber,
            String action, Instant activatedAt, String activatedBy) {
    }

    /** Creates the org's bot with this API name unless it exists, and locks it for the transaction. */
    BotRow lockOrCreate(String newId, String orgId, String apiName, String label, Instant now, String by);

    /** Locks the org's bot for the transaction. */
    Optional<BotRow> lock(String orgId, String botId);

    Optional<BotRow> find(String orgId, String botId);

    /** The org's bots by API name. */
    List<BotRow> findAll(String orgId);

    Optional<VersionRow> findVersion(String orgId, String botId, String versionId);

    Optional<VersionRow> findVersionByContent(String botId, String contentHash);

    /** The bot's versions, newest first. */
    List<VersionRow> findVersions(String orgId, String botId);

    /** Stores a version with its files, and makes it the bot's latest. */
    void insertVersion(VersionRow version, List<UploadedFile> files, byte[] originalZip);

    /** The version's files without their content, in upload order. */
    List<StoredFile> fileInfos(String versionId);

    /** The version's files, in upload order; only those read as bot metadata when {@code parsedOnly}. */
    List<UploadedFile> files(String versionId, boolean parsedOnly);

    /** The zip exactly as uploaded, for versions uploaded as a zip. */
    Optional<byte[]> originalZip(String versionId);

    /** Makes the version the bot's active one and records the activation. */
    void activate(String orgId, String botId, String versionId, String previousVersionId, String action, Instant at,
            String by);

    /** The bot's activations, newest first. */
    List<ActivationRow> activations(String botId);

    /** The last time this version became active. */
    Optional<ActivationRow> lastActivationOf(String versionId);

    /** The active version of every bot of every org. */
    List<ActiveVersion> activeVersions();
}
