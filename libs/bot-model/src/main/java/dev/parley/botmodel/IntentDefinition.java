package dev.parley.botmodel;

import java.util.List;

/**
 * An intent of the bot's intent set ({@code botMlDomain/mlIntents}).
 *
 * @param developerName  the API name dialogs refer to in {@code mlIntent}
 * @param label          the display label
 * @param description    the description, or {@code null}
 * @param utterances     example utterances ({@code mlIntentUtterances/utterance}), in file order
 * @param relatedIntents {@code relatedMlIntents/relatedMlIntent} names (kept, not used by the runtime)
 * @param location       where the intent starts, or {@code null}
 */
public record IntentDefinition(String developerName, String label, String description, List<String> utterances,
        List<String> relatedIntents, Location location) {

    public IntentDefinition {
        utterances = List.copyOf(utterances);
        relatedIntents = List.copyOf(relatedIntents);
    }
}
