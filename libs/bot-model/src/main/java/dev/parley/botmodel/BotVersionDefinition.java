package dev.parley.botmodel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a bot: its dialogs and settings.
 *
 * @param fullName                    e.g. {@code v1}
 * @param entryDialog                 developer name of the dialog a session starts with
 * @param mainMenuDialog              developer name of the main menu dialog, or {@code null}
 * @param responseDelayMilliseconds   the delay a client should apply to each bot message, or {@code null}
 * @param conversationVariables       the version's custom variables
 * @param dialogs                     the dialogs in file order
 * @param conversationSystemDialogs   the system functions bound to dialogs ({@code ErrorHandling},
 *                                    {@code TransferFailed}, ...), in file order
 * @param dialogGroups                the dialog groups ({@code botDialogGroups})
 * @param intentThreshold             {@code intentThreshold} (1 = least strict .. 5), or {@code null}
 * @param intentDisambiguationEnabled {@code intentDisambiguationEnabled}, or {@code null} when absent
 * @param language                    the first {@code nlpProviders/language}, e.g. {@code en_US}, or {@code null}
 * @param entryDialogLocation         where {@code entryDialog} is written, or {@code null}
 * @param mainMenuDialogLocation      where {@code mainMenuDialog} is written, or {@code null}
 * @param location                    where the version starts
 */
public record BotVersionDefinition(String fullName, String entryDialog, String mainMenuDialog,
        Integer responseDelayMilliseconds, List<VariableDefinition> conversationVariables,
        List<DialogDefinition> dialogs, List<SystemDialog> conversationSystemDialogs, List<DialogGroup> dialogGroups,
        Double intentThreshold, Boolean intentDisambiguationEnabled, String language, Location entryDialogLocation,
        Location mainMenuDialogLocation, Location location) {

    public BotVersionDefinition {
        conversationVariables = List.copyOf(conversationVariables);
        dialogs = List.copyOf(dialogs);
        conversationSystemDialogs = List.copyOf(conversationSystemDialogs);
        dialogGroups = List.copyOf(dialogGroups);
    }

    /** The original shape: system dialogs as a type-to-dialog map, no other settings. */
    public BotVersionDefinition(String fullName, String entryDialog, String mainMenuDialog,
            Integer responseDelayMilliseconds, List<VariableDefinition> conversationVariables,
            List<DialogDefinition> dialogs, Map<String, String> systemDialogs, Location location) {
        this(fullName, entryDialog, mainMenuDialog, responseDelayMilliseconds, conversationVariables, dialogs,
                systemDialogs.entrySet().stream().map(e -> new SystemDialog(e.getKey(), e.getValue(), location))
                        .toList(),
                List.of(), null, null, null, null, null, location);
    }

    /** System dialog type (e.g. {@code ErrorHandling}) to dialog developer name; the first entry of a type wins. */
    public Map<String, String> systemDialogs() {
        Map<String, String> map = new LinkedHashMap<>();
        for (SystemDialog d : conversationSystemDialogs) {
            if (d.type() != null && d.dialog() != null) {
                map.putIfAbsent(d.type(), d.dialog());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** The dialog with this developer name. */
    public Optional<DialogDefinition> dialog(String developerName) {
        return dialogs.stream().filter(d -> d.developerName().equals(developerName)).findFirst();
    }

    /** The conversation variable with this developer name. */
    public Optional<VariableDefinition> conversationVariable(String developerName) {
        return conversationVariables.stream().filter(v -> developerName.equals(v.developerName())).findFirst();
    }
}
