package dev.parley.botmodel;

import java.util.List;
import java.util.Optional;

/**
 * A bot as defined by its metadata: identity, bot-wide settings, the intent set (intents and slot classes shared by
 * all versions), context variables and its versions.
 *
 * @param name                       the bot's API name
 * @param label                      the display label
 * @param description                the description, or {@code null}
 * @param contextVariables           variables the channel fills in (contact id, routable id, ...)
 * @param versions                   the versions, lowest first
 * @param intents                    the intents of {@code botMlDomain/mlIntents} with their utterances (dialogs name
 *                                   them in {@link DialogDefinition#mlIntent()})
 * @param slotClasses                the custom entities of {@code botMlDomain/mlSlotClasses}
 * @param sessionTimeout             {@code sessionTimeout}: idle minutes before a session ends; {@code null} when
 *                                   absent, 0 means the platform default
 * @param logPrivateConversationData {@code logPrivateConversationData}, {@code null} when absent
 * @param richContentEnabled         {@code richContentEnabled}, {@code null} when absent
 * @param location                   where the bot's root element starts, or {@code null}
 */
public record BotDefinition(String name, String label, String description, List<VariableDefinition> contextVariables,
        List<BotVersionDefinition> versions, List<IntentDefinition> intents, List<SlotClassDefinition> slotClasses,
        Integer sessionTimeout, Boolean logPrivateConversationData, Boolean richContentEnabled, Location location) {

    public BotDefinition {
        contextVariables = List.copyOf(contextVariables);
        versions = List.copyOf(versions);
        intents = List.copyOf(intents);
        slotClasses = List.copyOf(slotClasses);
    }

    /** The original shape: no intent set, no settings, no location. */
    public BotDefinition(String name, String label, String description, List<VariableDefinition> contextVariables,
            List<BotVersionDefinition> versions) {
        this(name, label, description, contextVariables, versions, List.of(), List.of(), null, null, null, null);
    }

    /** The version with this {@code fullName} (e.g. {@code v1}). */
    public Optional<BotVersionDefinition> version(String fullName) {
        return versions.stream().filter(v -> v.fullName().equals(fullName)).findFirst();
    }

    /** The intent with this developer name. */
    public Optional<IntentDefinition> intent(String developerName) {
        return intents.stream().filter(i -> i.developerName().equals(developerName)).findFirst();
    }

    /** The custom slot class (entity) with this developer name. */
    public Optional<SlotClassDefinition> slotClass(String developerName) {
        return slotClasses.stream().filter(s -> s.developerName().equals(developerName)).findFirst();
    }
}
