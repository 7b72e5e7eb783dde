package dev.parley.botmodel;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One compiled bot version: immutable, thread-safe, built once and shared by all turns. Dialog references have been
 * checked, so every navigation target and the entry dialog exist.
 */
public final class Program {

    private final String botName;
    private final String versionName;
    private final String entryDialog;
    private final String mainMenuDialog;
    private final String confusedDialog;
    private final int responseDelayMs;
    private final Map<String, DialogDefinition> dialogs;
    private final Map<String, String> systemDialogs;
    private final Map<String, String> dialogsByPhrase;
    private final Map<String, VariableDefinition> variables;
    private final List<Diagnostic> warnings;

    Program(BotDefinition bot, BotVersionDefinition version, List<Diagnostic> warnings) {
        this.botName = bot.name();
        this.versionName = version.fullName();
        this.entryDialog = version.entryDialog();
        this.mainMenuDialog = version.mainMenuDialog();
        this.responseDelayMs = version.responseDelayMilliseconds() == null ? 0 : version.responseDelayMilliseconds();
        Map<String, DialogDefinition> byName = new LinkedHashMap<>();
        version.dialogs().forEach(d -> byName.put(d.developerName(), d));
        this.dialogs = Collections.unmodifiableMap(byName);
        DialogDefinition confused = findConfused(version.dialogs());
        this.confusedDialog = confused == null ? null : confused.developerName();
        this.systemDialogs = Map.copyOf(version.systemDialogs());
        // first dialog wins on a shared label or utterance, so matching follows file order
        Map<String, String> phrases = new LinkedHashMap<>();
        for (DialogDefinition d : version.dialogs()) {
            if (d.label() != null) {
                phrases.putIfAbsent(BotCompiler.normalise(d.label()), d.developerName());
            }
            for (String u : d.utterances()) {
                phrases.putIfAbsent(BotCompiler.normalise(u), d.developerName());
            }
        }
        phrases.remove("");
        this.dialogsByPhrase = Collections.unmodifiableMap(phrases);
        Map<String, VariableDefinition> vars = new LinkedHashMap<>();
        bot.contextVariables().forEach(v -> vars.put(v.developerName(), v));
        version.conversationVariables().forEach(v -> vars.put(v.developerName(), v));
        vars.remove(null);
        this.variables = Collections.unmodifiableMap(vars);
        this.warnings = List.copyOf(warnings);
    }

    /** The Confused dialog: developer name {@code Confused}, else label {@code Confused} (case-insensitive). */
    static DialogDefinition findConfused(List<DialogDefinition> dialogs) {
        for (DialogDefinition d : dialogs) {
            if ("confused".equalsIgnoreCase(d.developerName())) {
                return d;
            }
        }
        for (DialogDefinition d : dialogs) {
            if (d.label() != null && "confused".equalsIgnoreCase(d.label().strip())) {
                return d;
            }
        }
        return null;
    }

    /** The bot's API name. */
    public String botName() {
        return botName;
    }

    /** The version's {@code fullName}, e.g. {@code v1}. */
    public String versionName() {
        return versionName;
    }

    /** The developer name of the dialog a session starts with. */
    public String entryDialog() {
        return entryDialog;
    }

    /** The main menu dialog's developer name, or {@code null}. */
    public String mainMenuDialog() {
        return mainMenuDialog;
    }

    /** The Confused dialog's developer name, or {@code null} when the bot has none. */
    public String confusedDialog() {
        return confusedDialog;
    }

    /** The version's {@code responseDelayMilliseconds}, 0 when absent. */
    public int responseDelayMs() {
        return responseDelayMs;
    }

    /** All dialogs by developer name, in file order. */
    public Map<String, DialogDefinition> dialogs() {
        return dialogs;
    }

    /** The dialog with this developer name. */
    public Optional<DialogDefinition> dialog(String developerName) {
        return Optional.ofNullable(developerName == null ? null : dialogs.get(developerName));
    }

    /** The dialog for a system dialog type such as {@code ErrorHandling} or {@code TransferFailed}. */
    public Optional<String> systemDialog(String type) {
        return Optional.ofNullable(systemDialogs.get(type));
    }

    /** The dialog whose label or an utterance equals the text (case-insensitive, whitespace-normalised). */
    public Optional<String> dialogForText(String text) {
        return Optional.ofNullable(dialogsByPhrase.get(BotCompiler.normalise(text)));
    }

    /** Declared context and conversation variables by developer name. */
    public Map<String, VariableDefinition> variables() {
        return variables;
    }

    /** Non-fatal findings of the compilation (warnings and infos). */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** A name-based UUID stable for this bot version and the given parts (used for choice ids). */
    public String stableId(String... parts) {
        StringBuilder key = new StringBuilder("parley:").append(botName).append(':').append(versionName);
        for (String part : parts) {
            key.append('\u0000').append(part);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String toString() {
        return "Program[" + botName + " " + versionName + ", " + dialogs.size() + " dialogs]";
    }
}
