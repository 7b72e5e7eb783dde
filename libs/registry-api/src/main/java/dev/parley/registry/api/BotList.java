package dev.parley.registry.api;

import java.util.List;

/**
 * The bots of an org, by API name.
 *
 * @param bots the bots
 */
public record BotList(List<BotSummary> bots) {

    public BotList {
        bots = bots == null ? List.of() : List.copyOf(bots);
    }
}
