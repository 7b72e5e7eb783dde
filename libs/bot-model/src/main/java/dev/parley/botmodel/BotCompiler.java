package dev.parley.botmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.Set;

/** Checks one bot version for what would break at run time and turns it into an immutable {@link Program}. */
public final class BotCompiler {

    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");

    private BotCompiler() {
    }

    /**
     * Compiles a version of the bot.
     *
     * @param bot         the parsed bot
     * @param versionName the version's {@code fullName}, or {@code null} for the highest version
     * @throws BotCompilationException when the version does not exist or has errors (unknown dialogs, no entry)
     */
    public static Program compile(BotDefinition bot, String versionName) {
        if (bot == null) {
            throw new BotCompilationException("no bot to compile", List.of(
                    new Diagnostic(null, 0, 0, "bot.missing", Severity.ERROR, "the bot definition is missing")));
        }
        BotVersionDefinition version = select(bot, versionName);
        List<Diagnostic> diagnostics = validate(bot, version);
        if (diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            List<Diagnostic> sorted = new ArrayList<>(diagnostics);
            sorted.sort(Comparator.comparing(Diagnostic::severity));
            throw new BotCompilationException(
                    "bot '" + bot.name() + "' version '" + version.fullName() + "' cannot run", sorted);
        }
        return new Program(bot, version, diagnostics);
    }

    /** The findings {@link #compile} would report for this version, without throwing for errors. */
    public static List<Diagnostic> validate(BotDefinition bot, String versionName) {
        return validate(bot, select(bot, versionName));
    }

    private static BotVersionDefinition select(BotDefinition bot, String versionName) {
        if (bot.versions().isEmpty()) {
            throw new BotCompilationException("bot '" + bot.name() + "' cannot run", List.of(new Diagnostic(null, 0,
                    0, "version.missing", Severity.ERROR, "bot '" + bot.name() + "' has no versions")));
        }
        if (versionName == null) {
            return bot.versions().stream()
                    .max(Comparator.comparing(BotVersionDefinition::fullName,
                            SalesforceMetadataParser::compareVersions))
                    .orElseThrow();
        }
        return bot.version(versionName).orElseThrow(() -> new BotCompilationException(
                "bot '" + bot.name() + "' cannot run",
                List.of(new Diagnostic(null, 0, 0, "version.unknown", Severity.ERROR, "bot '" + bot.name()
                        + "' has no version '" + versionName + "'; it has " + bot.versions().stream()
                        .map(BotVersionDefinition::fullName).toList()))));
    }

    private static List<Diagnostic> validate(BotDefinition bot, BotVersionDefinition version) {
        List<Diagnostic> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DialogDefinition dialog : version.dialogs()) {
            if (!names.add(dialog.developerName())) {
                out.add(Diagnostic.at(dialog.location(), "dialog.duplicate", Severity.ERROR,
                        "dialog '" + dialog.developerName() + "' is defined more than once"));
            }
        }
        if (version.entryDialog() == null) {
            out.add(Diagnostic.at(version.location(), "version.no-entry-dialog", Severity.ERROR,
                    "version '" + version.fullName() + "' has no <entryDialog>"));
        } else if (!names.contains(version.entryDialog())) {
            out.add(Diagnostic.at(version.location(), "dialog.unknown", Severity.ERROR,
                    "entry dialog '" + version.entryDialog() + "' is not a dialog of version '"
                            + version.fullName() + "'"));
        }
        if (version.mainMenuDialog() != null && !names.contains(version.mainMenuDialog())) {
            out.add(Diagnostic.at(version.location(), "dialog.unknown", Severity.WARNING,
                    "main menu dialog '" + version.mainMenuDialog() + "' does not exist"));
        }
        version.systemDialogs().forEach((type, dialog) -> {
            if (!names.contains(dialog)) {
                out.add(Diagnostic.at(version.location(), "dialog.unknown", Severity.ERROR,
                        "system dialog " + type + " refers to unknown dialog '" + dialog + "'"));
            }
        });
        for (DialogDefinition dialog : version.dialogs()) {
            checkSteps(dialog, dialog.steps(), names, out);
        }
        if (Program.findConfused(version.dialogs()) == null) {
            out.add(Diagnostic.at(version.location(), "dialog.no-confused", Severity.INFO,
                    "version '" + version.fullName() + "' has no Confused dialog; a built-in apology is used"));
        }
        return out;
    }

    private static void checkSteps(DialogDefinition dialog, List<Step> steps, Set<String> names,
            List<Diagnostic> out) {
        for (Step step : steps) {
            switch (step) {
                case Step.Navigation nav -> {
                    if (nav.links().isEmpty()) {
                        out.add(Diagnostic.at(nav.location(), "navigation.no-links", Severity.WARNING,
                                "navigation step in dialog '" + dialog.developerName()
                                        + "' has no target; it does nothing"));
                    }
                    for (NavigationLink link : nav.links()) {
                        if (!names.contains(link.targetDialog())) {
                            out.add(Diagnostic.at(link.location(), "dialog.unknown", Severity.ERROR,
                                    "dialog '" + dialog.developerName() + "' navigates to unknown dialog '"
                                            + link.targetDialog() + "'"));
                        }
                    }
                }
                case Step.Group group -> checkSteps(dialog, group.steps(), names, out);
                case Step.VariableOperation op -> {
                    if ("Collect".equals(op.operationType()) && op.operands().isEmpty()) {
                        out.add(Diagnostic.at(op.location(), "collect.no-target", Severity.WARNING,
                                "collect step in dialog '" + dialog.developerName()
                                        + "' has no target variable; it only asks"));
                    }
                }
                default -> {
                    // nothing to check
                }
            }
        }
    }

    /**
     * How typed text is compared with labels, aliases and utterances: case, surrounding punctuation and runs of
     * white space do not count ("Where is my order?" matches the utterance "where is my order").
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return EDGE_PUNCTUATION.matcher(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
