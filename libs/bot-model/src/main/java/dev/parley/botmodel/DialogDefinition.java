package dev.parley.botmodel;

import java.util.List;

/**
 * A dialog: a named list of steps.
 *
 * @param developerName           the API name other steps refer to
 * @param label                   the display label (also used as a choice label and to match free text)
 * @param description             the description, or {@code null}
 * @param placeholder             {@code isPlaceholderDialog}
 * @param botDialogGroup          the dialog group, or {@code null}
 * @param showInFooterMenu        whether the dialog is in the footer menu
 * @param mlIntent                the intent name, or {@code null}
 * @param utterances              the intent's example utterances (copied from {@link BotDefinition#intents()};
 *                                may be empty)
 * @param steps                   the steps in order
 * @param mlIntentTrainingEnabled {@code mlIntentTrainingEnabled} (true: train a model; false: exact match only), or
 *                                {@code null} when absent
 * @param location                where the dialog starts
 */
public record DialogDefinition(String developerName, String label, String description, boolean placeholder,
        String botDialogGroup, boolean showInFooterMenu, String mlIntent, List<String> utterances, List<Step> steps,
        Boolean mlIntentTrainingEnabled, Location location) {

    public DialogDefinition {
        utterances = List.copyOf(utterances);
        steps = List.copyOf(steps);
    }

    /** The original shape, without {@code mlIntentTrainingEnabled}. */
    public DialogDefinition(String developerName, String label, String description, boolean placeholder,
            String botDialogGroup, boolean showInFooterMenu, String mlIntent, List<String> utterances,
            List<Step> steps, Location location) {
        this(developerName, label, description, placeholder, botDialogGroup, showInFooterMenu, mlIntent, utterances,
                steps, null, location);
    }

    /** The label, or the developer name when there is no label. */
    public String displayName() {
        return label == null || label.isBlank() ? developerName : label;
    }
}
