package dev.parley.engine;

import java.util.Map;

/**
 * Work the engine needs done outside itself before the turn can go on: an action invocation (flow, Apex, external
 * service) or a record lookup. The caller performs it (through the callout service) and hands the outcome to
 * {@link Engine#complete}.
 *
 * @param id         deterministic per (session, turn, step path, effect number in the turn): the same turn replayed
 *                   asks for the same id, so callers use it as the callout's idempotency key
 * @param kind       {@code Invocation} or {@code RecordLookup}
 * @param actionType for {@code Invocation} the bot's {@code invocationActionType} ({@code flow}, {@code apex},
 *                   {@code externalService}, ...); for {@code RecordLookup} always {@code recordLookup}
 * @param actionName for {@code Invocation} the {@code invocationActionName}; for {@code RecordLookup} the SObject
 *                   type (e.g. {@code Contact}), or the step id when the lookup names none
 * @param inputs     for {@code Invocation}: parameter name to value (variables typed by their declaration, literals
 *                   as written); for {@code RecordLookup}: {@code sObjectType}, {@code fields} (list),
 *                   {@code conditions} (list of {@code field}, {@code operator}, {@code value}), {@code filterLogic},
 *                   {@code maxResults}, {@code sortField}, {@code sortOrder}, {@code sourceValue} when set; values are
 *                   JSON-natural (string, number, boolean, list, map)
 */
public record Effect(String id, String kind, String actionType, String actionName, Map<String, Object> inputs) {

    /** An action invocation. */
    public static final String INVOCATION = "Invocation";
    /** A record lookup. */
    public static final String RECORD_LOOKUP = "RecordLookup";

    public Effect {
        inputs = inputs == null ? Map.of() : inputs;
    }
}
