package dev.parley.engine;

import java.util.List;

/**
 * The outcome of one engine call.
 *
 * @param state            the state to store for the next call
 * @param outputs          the bot's messages of this call, in order (after an effect, the caller appends them to
 *                         those of the earlier calls of the same turn)
 * @param trace            what the engine did in this call, in order
 * @param effect           when not {@code null}, the turn is stopped at this effect: perform it and call
 *                         {@link Engine#complete} with its outcome to go on with the same turn
 * @param changedVariables the variables the whole turn has changed so far (set, unset, collected, filled by an
 *                         effect or given at the start), in order of first change; cumulative across the calls of
 *                         one turn, so the last call's list is the turn's (the API's {@code onlyChanged})
 */
public record TurnResult(SessionState state, List<Output> outputs, List<TraceEvent> trace, Effect effect,
        List<String> changedVariables) {

    public TurnResult {
        outputs = List.copyOf(outputs);
        trace = List.copyOf(trace);
        changedVariables = changedVariables == null ? List.of() : List.copyOf(changedVariables);
    }

    /** A result without an effect or changed variables. */
    public TurnResult(SessionState state, List<Output> outputs, List<TraceEvent> trace) {
        this(state, outputs, trace, null, List.of());
    }

    /** Whether the session is over. */
    public boolean ended() {
        return state.ended();
    }

    /** Whether the turn is stopped at an {@link #effect()}. */
    public boolean awaitingEffect() {
        return effect != null;
    }
}
