package dev.parley.botmodel;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a bot version cannot be run; {@link #diagnostics()} says why (at least one ERROR). */
public class BotCompilationException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public BotCompilationException(String message, List<Diagnostic> diagnostics) {
        super(message + ": " + diagnostics.stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(Diagnostic::toString)
                .collect(Collectors.joining("; ")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every finding of the compilation, errors first. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
