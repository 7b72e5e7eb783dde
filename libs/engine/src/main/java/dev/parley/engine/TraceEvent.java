package dev.parley.engine;

import java.util.Map;

/**
 * What the engine did, for debug logs.
 *
 * @param type   {@code DialogEntered}, {@code StepExecuted}, {@code MessageSent}, {@code InputNotUnderstood} or
 *               {@code SessionEnded}
 * @param dialog the dialog's developer name, or {@code null}
 * @param step   the step id, or {@code null}
 * @param detail type-specific details (never {@code null}; values are strings, numbers or booleans)
 */
public record TraceEvent(String type, String dialog, String step, Map<String, Object> detail) {

    public TraceEvent {
        detail = detail == null ? Map.of() : detail;
    }
}
