package dev.parley.botmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks one bot version with the {@link BotValidator} and turns it into an immutable {@link Program}; a version with
 * an ERROR finding does not compile.
 */
public final class BotCompiler {

    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private BotCompiler() {
    }

    /**
     * Compiles a version of the bot.
     *
     * @param bot         the parsed bot
     * @param versionName the version's {@code fullName}, or {@code null} for the highest version
     * @throws BotCompilationException when the version does not exist or the validator reports an ERROR for it; the
     *                                 exception carries every finding, errors first
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

    /**
     * The {@link BotValidator}'s findings for this version alone (a finding in another version does not stop this one
     * from running), plus what the compiler itself notes.
     */
    private static List<Diagnostic> validate(BotDefinition bot, BotVersionDefinition version) {
        BotDefinition only = new BotDefinition(bot.name(), bot.label(), bot.description(), bot.contextVariables(),
                List.of(version), bot.intents(), bot.slotClasses(), bot.sessionTimeout(),
                bot.logPrivateConversationData(), bot.richContentEnabled(), bot.location());
        List<Diagnostic> out = new ArrayList<>(BotValidator.validate(only));
        if (Program.findConfused(version.dialogs()) == null) {
            out.add(Diagnostic.at(version.location(), "dialog.no-confused", Severity.INFO,
                    "version '" + version.fullName() + "' has no Confused dialog; a built-in apology is used"));
        }
        return out;
    }

    /**
     * How typed text is compared with labels, aliases and utterances: case, surrounding punctuation and runs of
     * white space do not count ("Where is my order?" matches the utterance "where is my order").
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return EDGE_PUNCTUATION.matcher(WHITE_SPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT))
                .replaceAll("");
    }
}
