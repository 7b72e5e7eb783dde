package dev.parley.registry.api;

import java.util.List;

/**
 * Body of {@link RegistryPaths#INTERNAL_ACTIVE_VERSIONS}: every bot of every org that has an active version.
 *
 * @param versions one entry per bot with an active version
 */
public record ActiveVersions(List<ActiveVersion> versions) {

    public ActiveVersions {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
