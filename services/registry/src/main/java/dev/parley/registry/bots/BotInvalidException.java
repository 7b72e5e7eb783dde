package dev.parley.registry.bots;

import dev.parley.registry.api.BotDiagnostic;

import java.util.List;

/** The uploaded bot has errors; nothing was stored. {@link #diagnostics()} lists every finding, errors first. */
public class BotInvalidException extends RuntimeException {

    private final List<BotDiagnostic> diagnostics;

    BotInvalidException(String message, List<BotDiagnostic> diagnostics) {
        super(message);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Every finding: errors first, then warnings and infos. */
    public List<BotDiagnostic> diagnostics() {
        return diagnostics;
    }
}
