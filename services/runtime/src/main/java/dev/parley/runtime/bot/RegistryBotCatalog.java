package dev.parley.runtime.bot;

import dev.parley.botmodel.Program;
import dev.parley.botmodel.SourceFile;
import dev.parley.registry.api.ActiveVersion;
import dev.parley.registry.api.BotVersionActivated;
import dev.parley.registry.api.VersionFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bots the registry activated, compiled here from their source files. New sessions get a bot's active version;
 * a session keeps the version it started on ({@link #find(String, String, String)} fetches and compiles it on demand
 * when it is no longer active nor cached). Kept current by {@link RegistrySync}: a full load at start and periodically,
 * {@link BotVersionActivated} events in between. Activations are ordered by their registry time, so a late event or
 * an older snapshot never undoes a newer activation.
 */
final class RegistryBotCatalog implements BotCatalog {

    private static final Logger log = LoggerFactory.getLogger(RegistryBotCatalog.class);

    /** The active version of a bot, when it became active in the registry, and when this catalog learnt it. */
    private record Active(LoadedBot bot, Instant activatedAt, long appliedAtNanos) {
    }

    private record BotKey(String orgId, String botId) {
    }

    private final RegistryClient registry;
    private final Duration idleTimeout;
    private final Map<BotKey, Active> active = new ConcurrentHashMap<>();
    private final CompiledVersions compiled;

    RegistryBotCatalog(RegistryClient registry, Duration idleTimeout, int cacheSize) {
        this.registry = registry;
        this.idleTimeout = idleTimeout;
        this.compiled = new CompiledVersions(cacheSize);
    }

    @Override
    public Optional<LoadedBot> find(String orgId, String botId) {
        return Optional.ofNullable(active.get(new BotKey(orgId, botId))).map(Active::bot);
    }

    @Override
    public Optional<LoadedBot> find(String orgId, String botId, String versionId) {
        Active current = active.get(new BotKey(orgId, botId));
        if (current != null && current.bot().versionId().equals(versionId)) {
            return Optional.of(current.bot());
        }
        return version(orgId, botId, versionId);
    }

    /** How many bots have an active version here. */
    int activeCount() {
        return active.size();
    }

    /** How many compiled versions are cached besides the active ones. */
    int cachedCount() {
        return compiled.size();
    }

    /**
     * Applies an activation event.
     *
     * @return whether it changed the active version
     * @throws BotRegistryUnavailableException when the version's files could not be fetched
     */
    boolean apply(BotVersionActivated event) {
        BotKey key = new BotKey(event.orgId(), event.botId());
        Active current = active.get(key);
        if (current != null && !event.occurredAt().isAfter(current.activatedAt())) {
            return false; // this activation, or a newer one, is already in place
        }
        Optional<LoadedBot> bot = load(event.orgId(), event.botId(), event.versionId());
        if (bot.isEmpty()) {
            log.warn("Activated version {} of bot {} is unknown to the registry; ignored", event.versionId(),
                    event.botId());
            return false;
        }
        return install(key, bot.get(), event.occurredAt(), "event");
    }

    /**
     * Brings the catalog in line with the registry's list of active versions, keeping anything an event installed
     * after the list was requested. A version that fails to load keeps its bot on its previous version.
     *
     * @param snapshot        the registry's active versions
     * @param requestedAtNanos {@link System#nanoTime()} just before the list was requested
     * @return how many versions failed to load (0 when all are in place)
     */
    int replaceAll(List<ActiveVersion> snapshot, long requestedAtNanos) {
        Set<BotKey> listed = new HashSet<>();
        int failures = 0;
        for (ActiveVersion version : snapshot) {
            BotKey key = new BotKey(version.orgId(), version.botId());
            listed.add(key);
            Instant activatedAt = version.activatedAt() == null ? Instant.EPOCH : version.activatedAt();
            Active current = active.get(key);
            if (current != null && current.bot().versionId().equals(version.versionId())) {
                // same version, perhaps activated again since (a rollback): remember the later time
                active.merge(key, new Active(current.bot(), activatedAt, current.appliedAtNanos()),
                        (old, candidate) -> candidate.activatedAt().isAfter(old.activatedAt()) ? candidate : old);
                continue;
            }
            if (current != null && current.activatedAt().isAfter(activatedAt)) {
                continue;
            }
            try {
                Optional<LoadedBot> bot = load(version.orgId(), version.botId(), version.versionId());
                if (bot.isPresent()) {
                    install(key, bot.get(), activatedAt, "registry list");
                }
            } catch (BotLoadingException e) {
                failures++;
                log.error("Active version {} of bot {} of org {} cannot run here; the bot stays on {}: {}",
                        version.versionId(), version.botId(), version.orgId(),
                        current == null ? "no version" : current.bot().versionId(), e.getMessage());
            }
        }
        active.entrySet().removeIf(entry -> {
            boolean gone = !listed.contains(entry.getKey()) && entry.getValue().appliedAtNanos() - requestedAtNanos < 0;
            if (gone) {
                log.info("Bot {} of org {} has no active version any more", entry.getKey().botId(),
                        entry.getKey().orgId());
            }
            return gone;
        });
        return failures;
    }

    private boolean install(BotKey key, LoadedBot bot, Instant activatedAt, String source) {
        Active next = new Active(bot, activatedAt, System.nanoTime());
        Active result = active.merge(key, next,
                (old, candidate) -> candidate.activatedAt().isAfter(old.activatedAt()) ? candidate : old);
        if (result != next) {
            return false;
        }
        log.info("Bot {} of org {} now runs version {} ({}) for new sessions (from the {})", bot.botId(), bot.orgId(),
                bot.versionId(), bot.program().versionName(), source);
        return true;
    }

    private Optional<LoadedBot> version(String orgId, String botId, String versionId) {
        Optional<LoadedBot> bot;
        try {
            bot = load(orgId, botId, versionId);
        } catch (BotLoadingException e) {
            log.error("Version {} of bot {} of org {} cannot run here: {}", versionId, botId, orgId, e.getMessage());
            return Optional.empty();
        }
        // version ids are unique, but a cached version must never answer for another org or bot
        return bot.filter(b -> b.orgId().equals(orgId) && b.botId().equals(botId));
    }

    private Optional<LoadedBot> load(String orgId, String botId, String versionId) {
        return compiled.get(versionId, () -> registry.files(orgId, botId, versionId).map(this::compile));
    }

    private LoadedBot compile(VersionFiles files) {
        List<SourceFile> sources = files.files().stream()
                .map(f -> new SourceFile(f.name(), Base64.getDecoder().decode(f.contentBase64())))
                .toList();
        String what = "version " + files.versionId() + " of bot " + files.botId() + " of org " + files.orgId();
        long started = System.nanoTime();
        Program program = BotSources.compile(what, sources, files.botVersionName());
        log.debug("Compiled {} in {} ms", what, (System.nanoTime() - started) / 1_000_000);
        return new LoadedBot(files.orgId(), files.botId(), files.versionId(), program, Duration.ZERO, idleTimeout);
    }
}
