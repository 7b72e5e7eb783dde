package dev.parley.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs between turns: a tree of plain records, lists, maps and scalars so that it serialises
 * with Jackson defaults and no type information. Fields added after the first release are nullable, so a state stored
 * by an older runtime still reads.
 *
 * @param sessionId     the session
 * @param botName       the bot the session runs
 * @param versionName   the bot version the session started on
 * @param turn          number of turns run (1 after the start)
 * @param ended         whether the session is over
 * @param endReason     why it ended ({@code Action}, {@code ClientRequest}, ...), or {@code null}
 * @param variables     the session's variables; values are JSON-natural (string, number, boolean, list, map): numbers
 *                      are Integer/Long when whole, else Double; dates ISO {@code 2024-05-31}; date-times ISO instants
 *                      {@code 2024-05-31T10:15:00Z}
 * @param awaiting      what the bot waits for: {@code Text}, {@code Choice}, {@code Collect}, {@code Transfer} or
 *                      {@code Effect} (the turn is stopped at {@link #effect()}); {@code null} when ended
 * @param currentDialog the dialog the bot was in when it stopped, or {@code null}
 * @param choices       the options offered by the last menu or Collect (empty unless awaiting {@code Choice} or a
 *                      Collect with choices)
 * @param collect       the pending question (only when awaiting {@code Collect}), or {@code null}
 * @param callStack     where to go back to when the current dialog ends ({@code Call} navigation, the Confused
 *                      dialog), innermost last; {@code null} or empty when none
 * @param effect        the effect the turn is stopped at (only when awaiting {@code Effect}), or {@code null}
 */
public record SessionState(String sessionId, String botName, String versionName, long turn, boolean ended,
        String endReason, Map<String, Object> variables, String awaiting, String currentDialog,
        List<OfferedChoice> choices, PendingCollect collect, List<Frame> callStack, PendingEffect effect) {

    public SessionState {
        variables = variables == null ? Map.of() : variables;
        choices = choices == null ? List.of() : List.copyOf(choices);
        callStack = callStack == null ? List.of() : List.copyOf(callStack);
    }

    /** The first release's shape: no call stack, no pending effect. */
    public SessionState(String sessionId, String botName, String versionName, long turn, boolean ended,
            String endReason, Map<String, Object> variables, String awaiting, String currentDialog,
            List<OfferedChoice> choices, PendingCollect collect) {
        this(sessionId, botName, versionName, turn, ended, endReason, variables, awaiting, currentDialog, choices,
                collect, null, null);
    }

    /**
     * One offered option of a menu or Collect.
     *
     * @param id           the option's stable id
     * @param alias        its 1-based position as text
     * @param label        its label
     * @param targetDialog the dialog it runs (menus), or {@code null} (Collect options)
     * @param value        for Collect options: the value stored when it is chosen (the literal, or the record of a
     *                     dynamic choice), or {@code null} (then the label is stored)
     */
    public record OfferedChoice(String id, String alias, String label, String targetDialog, Object value) {

        /** The first release's shape: no value. */
        public OfferedChoice(String id, String alias, String label, String targetDialog) {
            this(id, alias, label, targetDialog, null);
        }
    }

    /**
     * A Collect step waiting for its answer.
     *
     * @param dialog   the dialog of the Collect step
     * @param resumeAt the position of the step after it (indices into nested groups)
     * @param variable the variable the answer is stored in
     * @param stepId   the Collect step's id
     * @param attempts how many answers did not fit so far ({@code null} = 0)
     */
    public record PendingCollect(String dialog, List<Integer> resumeAt, String variable, String stepId,
            Integer attempts) {

        public PendingCollect {
            resumeAt = List.copyOf(resumeAt);
        }

        /** The first release's shape: no attempts. */
        public PendingCollect(String dialog, List<Integer> resumeAt, String variable, String stepId) {
            this(dialog, resumeAt, variable, stepId, null);
        }

        /** Failed attempts so far. */
        public int failedAttempts() {
            return attempts == null ? 0 : attempts;
        }
    }

    /**
     * A place to go back to when the current dialog ends.
     *
     * @param dialog   the dialog to continue ({@code null} when {@code restore} is set)
     * @param resumeAt the position to continue at ({@code null} when {@code restore} is set)
     * @param restore  set when the current dialog is the Confused dialog: what the bot waited for when it got
     *                 confused, re-established when Confused finishes; {@code null} for a {@code Call}
     */
    public record Frame(String dialog, List<Integer> resumeAt, Waiting restore) {

        public Frame {
            resumeAt = resumeAt == null ? null : List.copyOf(resumeAt);
        }
    }

    /**
     * What the bot waited for at some point (saved while the Confused dialog runs).
     *
     * @param awaiting      {@code Text}, {@code Choice}, {@code Collect} or {@code Transfer}
     * @param currentDialog the dialog it waited in
     * @param choices       the options it offered
     * @param collect       the pending question, or {@code null}
     */
    public record Waiting(String awaiting, String currentDialog, List<OfferedChoice> choices,
            PendingCollect collect) {

        public Waiting {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    /**
     * The effect a turn is stopped at, and how far the turn had got, so that {@link Engine#complete} continues the
     * same turn exactly where it stopped.
     *
     * @param id               the effect id
     * @param kind             {@code Invocation} or {@code RecordLookup}
     * @param actionType       the action type
     * @param actionName       the action name
     * @param inputs           the inputs sent
     * @param dialog           the dialog of the step
     * @param stepId           the step's id
     * @param stepPath         the step's position (indices into nested groups)
     * @param operationPending {@code true} when the step is a VariableOperation whose own operation (Set operands,
     *                         the Collect question) still runs after the invocation
     * @param outputsSoFar     messages the turn has produced so far (message ids continue from here)
     * @param stepsSoFar       steps the turn has run so far (for the infinite-loop limit)
     * @param effectsSoFar     effects the turn has requested so far, this one included
     * @param changedVariables variables the turn has changed so far, in order of first change
     * @param deferredText     the first utterance of a session start, handled once the start's welcome settles, or
     *                         {@code null}
     */
    public record PendingEffect(String id, String kind, String actionType, String actionName,
            Map<String, Object> inputs, String dialog, String stepId, List<Integer> stepPath,
            boolean operationPending, int outputsSoFar, int stepsSoFar, int effectsSoFar,
            List<String> changedVariables, String deferredText) {

        public PendingEffect {
            inputs = inputs == null ? Map.of() : inputs;
            stepPath = List.copyOf(stepPath);
            changedVariables = changedVariables == null ? List.of() : List.copyOf(changedVariables);
        }
    }
}
