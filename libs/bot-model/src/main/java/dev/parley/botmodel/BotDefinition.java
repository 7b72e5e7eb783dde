package dev.parley.botmodel;

import java.util.List;
import java.util.Optional;

/**
 * A bot as defined by its metadata: identity, context variables and its versions.
 *
 * @param name             the bot's API name
 * @param label            the display label
 * @param description      the description, or {@code null}
 * @param contextVariables variables the channel fills in (contact id, routable id, ...)
 * @param versions         the versions in file order
 */
public record BotDefinition(String name, String label, String description, List<VariableDefinition> contextVariables,
        List<BotVersionDefinition> versions) {

    public BotDefinition {
        contextVariables = List.copyOf(contextVariables);
        versions = List.copyOf(versions);
    }

    /** The version with this {@code fullName} (e.g. {@code v1}). */
    public Optional<BotVersionDefinition> version(String fullName) {
        return versions.stream().filter(v -> v.fullName().equals(fullName)).findFirst();
    }
}
