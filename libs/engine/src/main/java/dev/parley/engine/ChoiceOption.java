package dev.parley.engine;

/**
 * One option of a {@link Output.Choices} message.
 *
 * @param id    stable per bot version, dialog, step and option, so it is valid in the next turn
 * @param alias the 1-based position as text ({@code "1"}, {@code "2"}, ...)
 * @param label what the customer sees
 */
public record ChoiceOption(String id, String alias, String label) {
}
