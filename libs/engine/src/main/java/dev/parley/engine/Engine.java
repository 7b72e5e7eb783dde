package dev.parley.engine;

import dev.parley.botmodel.Program;
import java.util.Map;
import java.util.Objects;

/**
 * The bot interpreter: runs one turn of a session on a compiled {@link Program}. Pure and deterministic (no clocks,
 * no randomness, no I/O), so the same program, state and input always give the same result. Thread-safe.
 */
public final class Engine {

    private final EngineLimits limits;

    public Engine(EngineLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Starts a session: runs the entry dialog until the bot waits.
     *
     * @param variables initial variable values (context and custom), may be {@code null}
     * @param text      an optional first utterance, handled after the welcome as if sent in the next message
     */
    public TurnResult start(Program program, String sessionId, Map<String, Object> variables, String text) {
        Objects.requireNonNull(program, "program");
        if (sessionId == null || sessionId.isBlank()) {
            throw new InvalidInputException("a session id is required to start a session");
        }
        Turn turn = Turn.first(program, limits, sessionId, variables);
        turn.runDialog(program.entryDialog(), "start");
        if (text != null && !text.isBlank() && !turn.ended()) {
            turn.handleText(text);
        }
        return turn.result();
    }

    /** Runs one turn with the customer's input. */
    public TurnResult resume(Program program, SessionState state, Input input) {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(state, "state");
        if (input == null) {
            throw new InvalidInputException("input is required");
        }
        if (state.ended()) {
            throw new SessionEndedException(state.sessionId(), state.endReason());
        }
        Turn turn = Turn.next(program, limits, state);
        switch (input) {
            case Input.Text t -> turn.handleText(t.text());
            case Input.Choice c -> turn.handleChoice(c.index(), c.id());
            case Input.Redirect r -> turn.handleRedirect(r.dialogId());
            case Input.TransferSucceeded ignored -> turn.handleTransferSucceeded();
            case Input.TransferFailed f -> turn.handleTransferFailed(f.reason());
        }
        return turn.result();
    }

    /** Ends the session at the client's request; {@code reason} defaults to {@code ClientRequest}. */
    public TurnResult end(Program program, SessionState state, String reason) {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(state, "state");
        if (state.ended()) {
            throw new SessionEndedException(state.sessionId(), state.endReason());
        }
        Turn turn = Turn.next(program, limits, state);
        turn.endSession(reason == null || reason.isBlank() ? "ClientRequest" : reason, null, null);
        return turn.result();
    }
}
