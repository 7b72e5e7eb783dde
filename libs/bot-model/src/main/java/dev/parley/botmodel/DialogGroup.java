package dev.parley.botmodel;

/**
 * A dialog group ({@code botDialogGroups}): only organises dialogs, no run-time meaning.
 *
 * @param developerName the API name dialogs refer to in {@code botDialogGroup}
 * @param label         the display label
 * @param description   the description, or {@code null}
 * @param location      where the group starts, or {@code null}
 */
public record DialogGroup(String developerName, String label, String description, Location location) {
}
