package dev.parley.registry.bots;

import dev.parley.registry.api.ActivationList;
import dev.parley.registry.api.ActivationRecord;
import dev.parley.registry.api.ActiveVersions;
import dev.parley.registry.api.BotList;
import dev.parley.registry.api.BotSummary;
import dev.parley.registry.api.BotVersionActivated;
import dev.parley.registry.api.RegistryIds;
import dev.parley.registry.api.SourceFileContent;
import dev.parley.registry.api.VersionDetails;
import dev.parley.registry.api.VersionFiles;
import dev.parley.registry.api.VersionList;
import dev.parley.registry.api.VersionStatus;
import dev.parley.registry.api.VersionSummary;
import dev.parley.registry.auth.Admin;
import dev.parley.registry.events.ActivationEvents;
import dev.parley.registry.upload.Upload;
import dev.parley.registry.upload.UploadedFile;
import dev.parley.registry.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Uploads, versions, activation and rollback of an admin's bots. Every method takes the admin and reads or writes
 * only the admin's org; each change is one transaction (an activation together with its outbox event).
 */
@Service
public class BotService {

    static final String ACTIVATE = "ACTIVATE";
    static final String ROLLBACK = "ROLLBACK";

    private static final Logger log = LoggerFactory.getLogger(BotService.class);

    private final BotStore store;
    private final ActivationEvents events;
    private final TransactionTemplate transactions;
    private final SalesforceIds ids;
    private final Clock clock;

    BotService(BotStore store, ActivationEvents events, TransactionTemplate transactions, SalesforceIds ids,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The outcome of an upload.
     *
     * @param version the stored version
     * @param created {@code false} when the same files were uploaded before and that version is returned
     */
    public record Uploaded(VersionDetails version, boolean created) {
    }

    /**
     * Validates and stores an upload as the next version of the org's bot with the upload's API name (creating the
     * bot on its first upload). The same files again return the version stored for them.
     *
     * @throws BotInvalidException when the bot has errors; nothing is stored then
     */
    public Uploaded upload(Admin admin, Upload upload) {
        BotValidation.ValidBot bot = BotValidation.validate(upload);
        String hash = upload.contentHash();
        Instant now = now();
        Uploaded uploaded = transactions.execute(status -> {
            BotStore.BotRow row = store.lockOrCreate(ids.newBotId(), admin.orgId(), bot.name(), bot.label(), now,
                    admin.name());
            Optional<BotStore.VersionRow> existing = store.findVersionByContent(row.id(), hash);
            if (existing.isPresent()) {
                return new Uploaded(details(row, existing.get()), false);
            }
            BotStore.VersionRow version = new BotStore.VersionRow(ids.newVersionId(), row.id(), admin.orgId(),
                    row.latestVersionNumber() + 1, bot.versionName(), bot.label(), hash, upload.form().name(),
                    upload.originalName(), bot.diagnostics(), bot.warnings(), now, admin.name());
            store.insertVersion(version, upload.files(), upload.originalZip());
            return new Uploaded(details(store.find(admin.orgId(), row.id()).orElseThrow(), version), true);
        });
        VersionDetails version = uploaded.version();
        if (uploaded.created()) {
            log.info("Stored version {} ({}) of bot {} ({}) with {} warnings", version.versionNumber(),
                    version.versionId(), version.botName(), version.botId(), bot.warnings());
        } else {
            log.info("Upload repeats version {} ({}) of bot {}; nothing stored", version.versionNumber(),
                    version.versionId(), version.botId());
        }
        return uploaded;
    }

    /** The admin's bots. */
    public BotList bots(Admin admin) {
        return new BotList(store.findAll(admin.orgId()).stream().map(BotService::summary).toList());
    }

    /** One of the admin's bots. */
    public BotSummary bot(Admin admin, String botId) {
        return summary(bot(admin.orgId(), botId));
    }

    /** The versions of one of the admin's bots, newest first. */
    public VersionList versions(Admin admin, String botId) {
        BotStore.BotRow bot = bot(admin.orgId(), botId);
        return new VersionList(bot.id(), bot.apiName(), store.findVersions(admin.orgId(), botId).stream()
                .map(v -> new VersionSummary(v.id(), v.versionNumber(), v.botVersionName(), status(bot, v),
                        v.contentHash(), v.warnings(), v.createdAt(), v.createdBy()))
                .toList());
    }

    /** One version with its diagnostics, files and status. */
    public VersionDetails version(Admin admin, String botId, String versionId) {
        BotStore.BotRow bot = bot(admin.orgId(), botId);
        return details(bot, version(admin.orgId(), botId, versionId));
    }

    /** The bot's activation history, newest first. */
    public ActivationList activations(Admin admin, String botId) {
        BotStore.BotRow bot = bot(admin.orgId(), botId);
        return new ActivationList(bot.id(), store.activations(bot.id()).stream().map(BotService::record).toList());
    }

    /**
     * Makes the version the one new sessions of the bot run and publishes {@link BotVersionActivated}. Activating
     * the active version again changes nothing and publishes nothing.
     */
    public VersionDetails activate(Admin admin, String botId, String versionId) {
        return transactions.execute(status -> {
            BotStore.BotRow bot = store.lock(admin.orgId(), botId)
                    .orElseThrow(() -> NotFoundException.bot(admin.orgId(), botId));
            BotStore.VersionRow version = version(admin.orgId(), botId, versionId);
            if (!versionId.equals(bot.activeVersionId())) {
                switchTo(admin, bot, version, ACTIVATE);
            }
            return details(store.find(admin.orgId(), botId).orElseThrow(), version);
        });
    }

    /**
     * Activates the version that was active before the current one.
     *
     * @throws NothingToRollBackException when no version was active before the current one
     */
    public VersionDetails rollback(Admin admin, String botId) {
        return transactions.execute(status -> {
            BotStore.BotRow bot = store.lock(admin.orgId(), botId)
                    .orElseThrow(() -> NotFoundException.bot(admin.orgId(), botId));
            // the newest activation is the one that installed the current version
            String previous = store.activations(bot.id()).stream().findFirst()
                    .map(BotStore.ActivationRow::previousVersionId)
                    .orElse(null);
            if (bot.activeVersionId() == null || previous == null) {
                throw new NothingToRollBackException(botId, bot.activeVersionId());
            }
            BotStore.VersionRow version = version(admin.orgId(), botId, previous);
            switchTo(admin, bot, version, ROLLBACK);
            return details(store.find(admin.orgId(), botId).orElseThrow(), version);
        });
    }

    /**
     * The files of a version for download.
     *
     * @param fileName    the name to offer
     * @param content     the bytes: the zip as uploaded, the single file, or a zip of several files
     * @param zip         whether the content is a zip
     */
    public record Download(String fileName, byte[] content, boolean zip) {
    }

    /** The version's files as uploaded: the zip byte for byte, the single file, or several files zipped. */
    public Download download(Admin admin, String botId, String versionId) {
        BotStore.BotRow bot = bot(admin.orgId(), botId);
        BotStore.VersionRow version = version(admin.orgId(), botId, versionId);
        String stem = bot.apiName() + "-" + version.versionNumber();
        Optional<byte[]> zip = store.originalZip(version.id());
        if (zip.isPresent()) {
            return new Download(version.originalName() == null ? stem + ".zip" : baseName(version.originalName()),
                    zip.get(), true);
        }
        List<UploadedFile> files = store.files(version.id(), false);
        if (files.size() == 1) {
            return new Download(baseName(files.getFirst().name()), files.getFirst().content(), false);
        }
        return new Download(stem + ".zip", Zips.of(files), true);
    }

    /** The active version of every bot of every org, for runtimes. */
    public ActiveVersions activeVersions() {
        return new ActiveVersions(store.activeVersions());
    }

    /** A version's bot files for a runtime to compile, or empty when the org has no such bot version. */
    public Optional<VersionFiles> versionFiles(String orgId, String botId, String versionId) {
        Optional<BotStore.BotRow> bot = store.find(orgId, botId);
        Optional<BotStore.VersionRow> version = bot.flatMap(b -> store.findVersion(orgId, botId, versionId));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        BotStore.VersionRow v = version.get();
        List<SourceFileContent> files = store.files(v.id(), true).stream()
                .map(f -> new SourceFileContent(f.name(), Base64.getEncoder().encodeToString(f.content())))
                .toList();
        return Optional.of(new VersionFiles(orgId, botId, bot.get().apiName(), v.id(), v.versionNumber(),
                v.botVersionName(), v.contentHash(), files));
    }

    private void switchTo(Admin admin, BotStore.BotRow bot, BotStore.VersionRow version, String action) {
        Instant at = now();
        // activations of a bot get strictly increasing times, so runtimes can order them whatever clocks say
        Optional<Instant> last = store.activations(bot.id()).stream().findFirst()
                .map(BotStore.ActivationRow::activatedAt);
        if (last.isPresent() && !at.isAfter(last.get())) {
            at = last.get().plus(1, ChronoUnit.MICROS);
        }
        store.activate(admin.orgId(), bot.id(), version.id(), bot.activeVersionId(), action, at, admin.name());
        events.activated(new BotVersionActivated(UUID.randomUUID(), BotVersionActivated.TYPE,
                BotVersionActivated.SCHEMA_VERSION, admin.orgId(), bot.id(), bot.apiName(), version.id(),
                version.versionNumber(), at));
        log.info("{} version {} ({}) of bot {} ({}); previously {}", action.equals(ROLLBACK) ? "Rolled back to"
                : "Activated", version.versionNumber(), version.id(), bot.apiName(), bot.id(), bot.activeVersionId());
    }

    private BotStore.BotRow bot(String orgId, String botId) {
        if (!SalesforceIds.isValid(botId, RegistryIds.BOT_PREFIX)) {
            throw NotFoundException.bot(orgId, botId);
        }
        return store.find(orgId, botId).orElseThrow(() -> NotFoundException.bot(orgId, botId));
    }

    private BotStore.VersionRow version(String orgId, String botId, String versionId) {
        if (!SalesforceIds.isValid(versionId, RegistryIds.VERSION_PREFIX)) {
            throw NotFoundException.version(botId, versionId);
        }
        return store.findVersion(orgId, botId, versionId)
                .orElseThrow(() -> NotFoundException.version(botId, versionId));
    }

    private VersionDetails details(BotStore.BotRow bot, BotStore.VersionRow v) {
        Optional<BotStore.ActivationRow> activation = store.lastActivationOf(v.id());
        return new VersionDetails(bot.orgId(), bot.id(), bot.apiName(), v.label(), v.id(), v.versionNumber(),
                v.botVersionName(), status(bot, v), v.contentHash(), v.uploadForm(), store.fileInfos(v.id()),
                v.diagnostics(), v.createdAt(), v.createdBy(),
                activation.map(BotStore.ActivationRow::activatedAt).orElse(null),
                activation.map(BotStore.ActivationRow::activatedBy).orElse(null));
    }

    private static VersionStatus status(BotStore.BotRow bot, BotStore.VersionRow version) {
        return version.id().equals(bot.activeVersionId()) ? VersionStatus.ACTIVE : VersionStatus.INACTIVE;
    }

    private static BotSummary summary(BotStore.BotRow b) {
        return new BotSummary(b.orgId(), b.id(), b.apiName(), b.label(), b.activeVersionId(), b.activeVersionNumber(),
                b.latestVersionNumber(), b.createdAt(), b.createdBy());
    }

    private static ActivationRecord record(BotStore.ActivationRow a) {
        return new ActivationRecord(a.versionId(), a.versionNumber(), a.previousVersionId(),
                a.previousVersionNumber(), a.action(), a.activatedAt(), a.activatedBy());
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: what is stored, returned and published must be the same instant
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String baseName(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
