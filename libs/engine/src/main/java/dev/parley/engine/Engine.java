package dev.parley.engine;

import dev.parley.botmodel.Program;
import java.util.Map;
import java.util.Objects;

/**
 * The bot interpreter: runs one turn of a session on a compiled {@link Program}. Pure and deterministic (no clocks,
 * no randomness, no I/O), so the same program, state and input always give the same result. Thread-safe.
 *
 * <p>A turn that reaches an action invocation or a record lookup stops with {@link TurnResult#effect()} set; the
 * caller performs the effect and calls {@link #complete} with its outcome, which continues the same turn. The
 * outputs, trace and the turn's changed variables of the calls of one turn add up.
 */
public final class Engine {

    private final EngineLimits limits;

    public Engine(EngineLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Starts a session: sets the given variables (typed by their declaration) and runs the entry dialog until the
     * bot waits or needs an effect.
     *
     * @param variables initial variable values (context and custom), may be {@code null}
     * @param text      an optional first utterance, handled after the welcome in the same turn
     * @throws InvalidInputException when the session id is blank or a given value does not fit its variable's type
     */
    public TurnResult start(Program program, String sessionId, Map<String, Object> variables, String text) {
        Objects.requireNonNull(program, "program");
        if (sessionId == null || sessionId.isBlank()) {
            throw new InvalidInputException("a session id is required to start a session");
        }
        Turn turn = Turn.first(program, limits, sessionId);
        turn.contextVariables(variables);
        turn.start(text);
        return turn.result();
    }

    /**
     * Runs one turn with the customer's input.
     *
     * @throws SessionEndedException  when the session has ended
     * @throws EffectPendingException when the session's turn is stopped at an effect (call {@link #complete})
     * @throws InvalidInputException  when the input does not fit what the bot waits for
     */
    public TurnResult resume(Program program, SessionState state, Input input) {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(state, "state");
        if (input == null) {
            throw new InvalidInputException("input is required");
        }
        if (state.ended()) {
            throw new SessionEndedException(state.sessionId(), state.endReason());
        }
        if (state.effect() != null) {
            throw new EffectPendingException(state.sessionId(), state.effect().id(), state.effect().kind(),
                    state.effect().actionName());
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

    /**
     * Continues a turn stopped at an effect with the effect's outcome: on success the outputs fill the mapped
     * variables (converted to their declared types) and the turn goes on; on failure (or when an output does not fit
     * its variable) the bot's {@code ErrorHandling} dialog runs, or, without one, a built-in apology ends the
     * session with reason {@code Error}. The result's turn number is the stopped turn's.
     *
     * @throws SessionEndedException when the session has ended
     * @throws InvalidInputException when no effect is pending or {@code result} answers another effect
     */
    public TurnResult complete(Program program, SessionState state, EffectResult result) {
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(state, "state");
        if (result == null) {
            throw new InvalidInputException("an effect result is required");
        }
        if (state.ended()) {
            throw new SessionEndedException(state.sessionId(), state.endReason());
        }
        if (state.effect() == null) {
            throw new InvalidInputException("session " + state.sessionId() + " is not waiting for an effect; it waits"
                    + " for " + (state.awaiting() == null ? "nothing" : state.awaiting()));
        }
        if (!state.effect().id().equals(result.effectId())) {
            throw new InvalidInputException("effect result " + result.effectId() + " does not answer the pending"
                    + " effect " + state.effect().id() + " (" + state.effect().kind() + " "
                    + state.effect().actionName() + ") of session " + state.sessionId());
        }
        Turn turn = Turn.continuing(program, limits, state);
        turn.completeEffect(result);
        return turn.result();
    }

    /**
     * Ends the session at the client's request (an effect pending is abandoned); {@code reason} defaults to
     * {@code ClientRequest}.
     *
     * @throws SessionEndedException when the session has already ended
     */
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
