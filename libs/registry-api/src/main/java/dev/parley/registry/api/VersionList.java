package dev.parley.registry.api;

import java.util.List;

/**
 * The versions of a bot, newest first.
 *
 * @param botId    the bot
 * @param botName  its API name
 * @param versions the versions
 */
public record VersionList(String botId, String botName, List<VersionSummary> versions) {

    public VersionList {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
