package dev.parley.botmodel;

/**
 * One target of a navigation.
 *
 * @param label              the link's own label, or {@code null} (the target dialog's label is shown)
 * @param targetDialog       the developer name of the target dialog, or {@code null} when the target is a variable
 * @param targetVariable     {@code targetVariable}: a variable holding the target dialog's name, or {@code null}
 * @param targetVariableType {@code ConversationVariable} or {@code ContextVariable}, or {@code null}
 * @param location           where the link starts
 */
public record NavigationLink(String label, String targetDialog, String targetVariable, String targetVariableType,
        Location location) {

    /** The original shape: a link to a named dialog. */
    public NavigationLink(String label, String targetDialog, Location location) {
        this(label, targetDialog, null, null, location);
    }
}
