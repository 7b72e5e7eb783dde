package dev.parley.engine;

import java.util.List;

/**
 * The outcome of one turn.
 *
 * @param state   the state to store for the next turn
 * @param outputs the bot's messages, in order
 * @param trace   what the engine did, in order
 */
public record TurnResult(SessionState state, List<Output> outputs, List<TraceEvent> trace) {

    public TurnResult {
        outputs = List.copyOf(outputs);
        trace = List.copyOf(trace);
    }

    /** Whether the session is over. */
    public boolean ended() {
        return state.ended();
    }
}
