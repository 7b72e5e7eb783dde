package dev.parley.engine;

import java.util.Map;

/**
 * What the engine did, for debug logs and turn events (see the turn-events contract for each type's data).
 *
 * @param type   {@code DialogEntered}, {@code DialogCompleted}, {@code StepExecuted}, {@code MessageSent},
 *               {@code VariableChanged}, {@code IntentMatched}, {@code InputNotUnderstood}, {@code EffectRequested},
 *               {@code EffectCompleted}, {@code ErrorOccurred}, {@code TransferRequested} or {@code SessionEnded}
 * @param dialog the dialog's developer name, or {@code null}
 * @param step   the step id, or {@code null}
 * @param detail type-specific details (never {@code null}, no {@code null} values; values are JSON-natural:
 *               strings, numbers, booleans, lists and maps of those)
 */
public record TraceEvent(String type, String dialog, String step, Map<String, Object> detail) {

    public TraceEvent {
        detail = detail == null ? Map.of() : detail;
    }
}
