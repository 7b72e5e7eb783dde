package dev.parley.runtime.bot;

import dev.parley.registry.api.ActiveVersion;
import dev.parley.registry.api.VersionFiles;

import java.util.List;
import java.util.Optional;

/** The registry's internal API, as the runtime uses it. */
interface RegistryClient {

    /**
     * The active version of every bot of every org.
     *
     * @throws BotRegistryUnavailableException when the registry cannot be reached or fails
     */
    List<ActiveVersion> activeVersions();

    /**
     * A version's source files; empty when the org's bot has no such version.
     *
     * @throws BotRegistryUnavailableException when the registry cannot be reached or fails
     */
    Optional<VersionFiles> files(String orgId, String botId, String versionId);
}
