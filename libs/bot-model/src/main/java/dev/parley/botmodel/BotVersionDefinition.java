package dev.parley.botmodel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a bot: its dialogs and settings.
 *
 * @param fullName                  e.g. {@code v1}
 * @param entryDialog               developer name of the dialog a session starts with
 * @param mainMenuDialog            developer name of the main menu dialog, or {@code null}
 * @param responseDelayMilliseconds the delay a client should apply to each bot message, or {@code null}
 * @param conversationVariables     the version's custom variables
 * @param dialogs                   the dialogs in file order
 * @param systemDialogs             system dialog type (e.g. {@code ErrorHandling}, {@code TransferFailed}) to dialog
 * @param location                  where the version starts
 */
public record BotVersionDefinition(String fullName, String entryDialog, String mainMenuDialog,
        Integer responseDelayMilliseconds, List<VariableDefinition> conversationVariables,
        List<DialogDefinition> dialogs, Map<String, String> systemDialogs, Location location) {

    public BotVersionDefinition {
        conversationVariables = List.copyOf(conversationVariables);
        dialogs = List.copyOf(dialogs);
        systemDialogs = Map.copyOf(systemDialogs);
    }

    /** The dialog with this developer name. */
    public Optional<DialogDefinition> dialog(String developerName) {
        return dialogs.stream().filter(d -> d.developerName().equals(developerName)).findFirst();
    }
}
