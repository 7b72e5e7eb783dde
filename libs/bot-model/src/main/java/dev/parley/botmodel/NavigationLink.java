package dev.parley.botmodel;

/**
 * One target of a navigation step.
 *
 * @param label        the link's own label, or {@code null} (the target dialog's label is shown)
 * @param targetDialog the developer name of the target dialog
 * @param location     where the link starts
 */
public record NavigationLink(String label, String targetDialog, Location location) {
}
