package dev.parley.botmodel;

import java.util.List;

/**
 * A navigation that is not a step of its own: a Collect's {@code invalidInputBotNavigation}.
 *
 * @param navigationType {@code Redirect}, {@code Call} or {@code TransferToAgent}
 * @param links          the targets
 * @param location       where it starts, or {@code null}
 */
public record BotNavigation(String navigationType, List<NavigationLink> links, Location location) {

    public BotNavigation {
        links = List.copyOf(links);
    }
}
