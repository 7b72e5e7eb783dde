package dev.parley.registry.api;

import java.util.List;

/**
 * A bot's activation history, newest first.
 *
 * @param botId       the bot
 * @param activations the activations
 */
public record ActivationList(String botId, List<ActivationRecord> activations) {

    public ActivationList {
        activations = activations == null ? List.of() : List.copyOf(activations);
    }
}
