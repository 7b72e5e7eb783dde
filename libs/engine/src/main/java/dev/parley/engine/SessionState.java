package dev.parley.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything the engine needs between turns: a tree of plain records, lists, maps and scalars so that it serialises
 * with Jackson defaults and no type information.
 *
 * @param sessionId     the session
 * @param botName       the bot the session runs
 * @param versionName   the bot version the session started on
 * @param turn          number of turns run (1 after the start)
 * @param ended         whether the session is over
 * @param endReason     why it ended ({@code Action}, {@code ClientRequest}, ...), or {@code null}
 * @param variables     the session's variables; values are JSON-natural (string, number, boolean, list, map)
 * @param awaiting      what the bot waits for: {@code Text}, {@code Choice}, {@code Collect}, {@code Transfer};
 *                      {@code null} when ended
 * @param currentDialog the dialog the bot was in when it stopped, or {@code null}
 * @param choices       the options offered in the last menu (empty unless awaiting {@code Choice})
 * @param collect       the pending question (only when awaiting {@code Collect}), or {@code null}
 */
public record SessionState(String sessionId, String botName, String versionName, long turn, boolean ended,
        String endReason, Map<String, Object> variables, String awaiting, String currentDialog,
        List<OfferedChoice> choices, PendingCollect collect) {

    public SessionState {
        variables = variables == null ? Map.of() : variables;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /**
     * One offered menu option.
     *
     * @param id           the option's stable id
     * @param alias        its 1-based position as text
     * @param label        its label
     * @param targetDialog the dialog it runs
     */
    public record OfferedChoice(String id, String alias, String label, String targetDialog) {
    }

    /**
     * A Collect step waiting for its answer.
     *
     * @param dialog   the dialog of the Collect step
     * @param resumeAt the position of the step after it (indices into nested groups)
     * @param variable the variable the answer is stored in
     * @param stepId   the Collect step's id
     */
    public record PendingCollect(String dialog, List<Integer> resumeAt, String variable, String stepId) {
        public PendingCollect {
            resumeAt = List.copyOf(resumeAt);
        }
    }
}
