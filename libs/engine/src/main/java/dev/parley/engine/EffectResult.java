package dev.parley.engine;

import java.util.Map;

/**
 * The outcome of an {@link Effect}, handed to {@link Engine#complete}.
 *
 * @param effectId     the {@link Effect#id()} this answers
 * @param succeeded    whether the action ran
 * @param outputs      on success: output parameter name to value (JSON-natural); for a {@code RecordLookup} the key
 *                     {@code records} holds the list of records (maps of field name to value); may be {@code null}
 * @param errorCode    on failure: a short machine-readable code (e.g. {@code Timeout}, {@code CircuitOpen}), or
 *                     {@code null}
 * @param errorMessage on failure: a human-readable explanation, or {@code null}
 */
public record EffectResult(String effectId, boolean succeeded, Map<String, Object> outputs, String errorCode,
        String errorMessage) {

    public EffectResult {
        outputs = outputs == null ? Map.of() : outputs;
    }

    /** A successful outcome with these outputs. */
    public static EffectResult success(String effectId, Map<String, Object> outputs) {
        return new EffectResult(effectId, true, outputs, null, null);
    }

    /** A failed outcome. */
    public static EffectResult failure(String effectId, String errorCode, String errorMessage) {
        return new EffectResult(effectId, false, Map.of(), errorCode, errorMessage);
    }
}
