package dev.parley.runtime.bot;

import dev.parley.registry.api.ActiveVersion;
import dev.parley.registry.api.SourceFileContent;
import dev.parley.registry.api.VersionFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory registry for unit tests of the catalog: versions of the demo bot, and an outage switch. */
final class FakeRegistry implements RegistryClient {

    static final String ORG = "00D000000000001AAA";
    static final String OTHER_ORG = "00D000000000002AAA";
    static final String BOT = "0XxRG0000000001AAA";

    final Map<String, VersionFiles> versions = new ConcurrentHashMap<>();
    final List<ActiveVersion> active = new ArrayList<>();
    final AtomicInteger fileCalls = new AtomicInteger();
    volatile boolean down;

    /** Adds a version of the demo bot ({@code broken} for one that does not compile). */
    void add(String versionId, int number, boolean broken) {
        String folder = broken ? "bots/broken/" : "bots/demo/";
        String botFile = broken ? "Broken.bot-meta.xml" : "Parley_Demo.bot-meta.xml";
        versions.put(versionId, new VersionFiles(ORG, BOT, "Parley_Demo", versionId, number, "v1", "hash" + number,
                List.of(file(folder, botFile), file(folder, "v1.botVersion-meta.xml"))));
    }

    void activate(String versionId, Instant at) {
        VersionFiles files = versions.get(versionId);
        active.removeIf(a -> a.botId().equals(files.botId()));
        active.add(new ActiveVersion(ORG, BOT, "Parley_Demo", versionId, files.versionNumber(), files.contentHash(),
                at));
    }

    @Override
    public List<ActiveVersion> activeVersions() {
        failIfDown();
        return List.copyOf(active);
    }

    @Override
    public Optional<VersionFiles> files(String orgId, String botId, String versionId) {
        failIfDown();
        fileCalls.incrementAndGet();
        return Optional.ofNullable(versions.get(versionId))
                .filter(v -> v.orgId().equals(orgId) && v.botId().equals(botId));
    }

    private void failIfDown() {
        if (down) {
            throw new BotRegistryUnavailableException("registry down", new IOException("connection refused"));
        }
    }

    private static SourceFileContent file(String folder, String name) {
        try (InputStream in = FakeRegistry.class.getClassLoader().getResourceAsStream(folder + name)) {
            return new SourceFileContent(name, Base64.getEncoder().encodeToString(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
