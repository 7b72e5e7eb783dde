package dev.parley.botmodel;

import java.util.List;

/**
 * The outcome of parsing: the bot (or {@code null} when nothing usable could be read) and every finding.
 *
 * @param bot         the parsed bot, possibly partial when there are errors
 * @param diagnostics errors, warnings and infos in file order
 */
public record ParseResult(BotDefinition bot, List<Diagnostic> diagnostics) {

    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether any diagnostic is an {@link Severity#ERROR}. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
