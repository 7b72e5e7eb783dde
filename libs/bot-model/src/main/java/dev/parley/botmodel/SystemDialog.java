package dev.parley.botmodel;

/**
 * A system function bound to a dialog ({@code conversationSystemDialogs}).
 *
 * @param type     {@code ErrorHandling}, {@code TransferFailed}, {@code KnowledgeFallback}, ...
 * @param dialog   the developer name of the dialog that runs
 * @param location where the entry starts, or {@code null}
 */
public record SystemDialog(String type, String dialog, Location location) {
}
