package dev.parley.engine;

import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.Condition;
import dev.parley.botmodel.DialogDefinition;
import dev.parley.botmodel.NavigationLink;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.Step;
import dev.parley.botmodel.VariableOperand;
import dev.parley.engine.SessionState.OfferedChoice;
import dev.parley.engine.SessionState.PendingCollect;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mutable work of one turn; created per call, so {@link Engine} itself holds no state. */
final class Turn {

    static final String AWAITING_TEXT = "Text";
    static final String AWAITING_CHOICE = "Choice";
    static final String AWAITING_COLLECT = "Collect";
    static final String AWAITING_TRANSFER = "Transfer";
    static final String NOT_UNDERSTOOD = "Sorry, I didn't understand that.";

    private static final Pattern MERGE_FIELD = Pattern.compile("\\{!\\s*([^}]*?)\\s*}");

    private final Program program;
    private final EngineLimits limits;
    private final String sessionId;
    private final long turn;
    private final Map<String, Object> variables;
    private final List<Output> outputs = new ArrayList<>();
    private final List<TraceEvent> trace = new ArrayList<>();
    private int steps;

    private boolean ended;
    private String endReason;
    private String awaiting;
    private String currentDialog;
    private List<OfferedChoice> choices;
    private PendingCollect collect;

    private Turn(Program program, EngineLimits limits, String sessionId, long turn, Map<String, Object> variables) {
        this.program = program;
        this.limits = limits;
        this.sessionId = sessionId;
        this.turn = turn;
        this.variables = new LinkedHashMap<>(variables == null ? Map.of() : variables);
        this.choices = List.of();
    }

    static Turn first(Program program, EngineLimits limits, String sessionId, Map<String, Object> variables) {
        return new Turn(program, limits, sessionId, 1, variables);
    }

    static Turn next(Program program, EngineLimits limits, SessionState state) {
        Turn t = new Turn(program, limits, state.sessionId(), state.turn() + 1, state.variables());
        t.awaiting = state.awaiting();
        t.currentDialog = state.currentDialog();
        t.choices = state.choices();
        t.collect = state.collect();
        return t;
    }

    boolean ended() {
        return ended;
    }

    TurnResult result() {
        SessionState state = new SessionState(sessionId, program.botName(), program.versionName(), turn, ended,
                endReason, Collections.unmodifiableMap(new LinkedHashMap<>(variables)), ended ? null : awaiting,
                currentDialog, ended ? List.of() : choices, ended ? null : collect);
        return new TurnResult(state, outputs, trace);
    }

    // ---- inputs -------------------------------------------------------------------------------------------------

    void handleText(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("text input must not be empty");
        }
        String text = raw.strip();
        if (AWAITING_COLLECT.equals(awaiting) && collect != null && program.dialog(collect.dialog()).isPresent()) {
            PendingCollect pending = collect;
            if (pending.variable() != null) {
                variables.put(pending.variable(), text);
            }
            trace.add(new TraceEvent("StepExecuted", pending.dialog(), pending.stepId(),
                    detail("type", "VariableOperation", "operation", "CollectAnswered", "variable",
                            pending.variable())));
            execute(pending.dialog(), pending.resumeAt());
            return;
        }
        if (AWAITING_CHOICE.equals(awaiting)) {
            String wanted = normalise(text);
            for (OfferedChoice choice : choices) {
                if (normalise(choice.label()).equals(wanted) || normalise(choice.alias()).equals(wanted)) {
                    choose(choice, "text");
                    return;
                }
            }
        }
        var dialog = program.dialogForText(text);
        if (dialog.isPresent()) {
            runDialog(dialog.get(), "text");
            return;
        }
        trace.add(new TraceEvent("InputNotUnderstood", currentDialog, null, detail("text", text)));
        if (program.confusedDialog() != null) {
            String awaitedBefore = awaiting;
            List<OfferedChoice> offeredBefore = choices;
            runDialog(program.confusedDialog(), "notUnderstood");
            // A Confused dialog that only apologises leaves the menu the user was looking at in force, so that
            // "pick an option from the menu" still works; one that offers its own choices or moves on wins.
            if (!ended && AWAITING_CHOICE.equals(awaitedBefore) && AWAITING_TEXT.equals(awaiting)
                    && choices.isEmpty() && !offeredBefore.isEmpty()) {
                awaiting = AWAITING_CHOICE;
                choices = offeredBefore;
            }
        } else {
            // no Confused dialog: apologise and keep waiting for the same thing
            emitText(currentDialog, null, NOT_UNDERSTOOD);
        }
    }

    void handleChoice(Integer index, String id) {
        if (choices.isEmpty() || !(AWAITING_CHOICE.equals(awaiting) || AWAITING_COLLECT.equals(awaiting))) {
            throw new InvalidInputException("no choices are offered in session " + sessionId
                    + "; the bot is waiting for " + (awaiting == null ? "nothing" : awaiting));
        }
        OfferedChoice chosen;
        if (index != null) {
            if (index < 1 || index > choices.size()) {
                throw new InvalidInputException("choice index " + index + " is out of range: " + choices.size()
                        + " choices are offered (1.." + choices.size() + ")");
            }
            chosen = choices.get(index - 1);
        } else if (id != null && !id.isBlank()) {
            chosen = choices.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(
                    () -> new InvalidInputException("choice id " + id + " is not one of the " + choices.size()
                            + " choices offered"));
        } else {
            throw new InvalidInputException("a choice needs an index or an id");
        }
        if (AWAITING_COLLECT.equals(awaiting)) {
            handleText(chosen.label());
        } else {
            choose(chosen, "choice");
        }
    }

    void handleRedirect(String dialogId) {
        if (dialogId == null || dialogId.isBlank()) {
            throw new InvalidInputException("a redirect needs a dialog id");
        }
        String target = program.dialog(dialogId).map(DialogDefinition::developerName)
                .or(() -> program.dialogs().values().stream()
                        .filter(d -> d.label() != null && d.label().equalsIgnoreCase(dialogId.strip()))
                        .map(DialogDefinition::developerName).findFirst())
                .orElseThrow(() -> new InvalidInputException("dialog " + dialogId + " does not exist in bot "
                        + program.botName() + " " + program.versionName()));
        runDialog(target, "redirect");
    }

    void handleTransferSucceeded() {
        requireTransferPending("transferSucceeded");
        endSession("Action", currentDialog, null);
    }

    void handleTransferFailed(String reason) {
        requireTransferPending("transferFailed");
        var dialog = program.systemDialog("TransferFailed");
        trace.add(new TraceEvent("StepExecuted", currentDialog, null,
                detail("type", "TransferFailed", "reason", reason)));
        if (dialog.isPresent()) {
            runDialog(dialog.get(), "transferFailed");
        } else {
            endSession("TransferFailedNotConfigured", currentDialog, null);
        }
    }

    private void requireTransferPending(String what) {
        if (!AWAITING_TRANSFER.equals(awaiting)) {
            throw new InvalidInputException(what + " was sent but session " + sessionId
                    + " has no transfer pending; the bot is waiting for " + awaiting);
        }
    }

    private void choose(OfferedChoice choice, String via) {
        if (program.dialog(choice.targetDialog()).isEmpty()) {
            // the state was made by another version of the bot that still had this dialog
            throw new InvalidInputException("choice " + choice.alias() + " leads to dialog " + choice.targetDialog()
                    + ", which is not in bot " + program.botName() + " " + program.versionName());
        }
        runDialog(choice.targetDialog(), via);
    }

    // ---- execution ----------------------------------------------------------------------------------------------

    void runDialog(String dialog, String via) {
        awaiting = null;
        choices = List.of();
        collect = null;
        trace.add(new TraceEvent("DialogEntered", dialog, null, detail("via", via)));
        execute(dialog, List.of(0));
    }

    /** Runs steps from {@code start} (indices into nested groups) until the bot waits or the session ends. */
    private void execute(String startDialog, List<Integer> start) {
        awaiting = null;
        choices = List.of();
        collect = null;
        String dialog = startDialog;
        List<Integer> path = new ArrayList<>(start);
        while (true) {
            currentDialog = dialog;
            String missing = dialog;
            DialogDefinition definition = program.dialog(dialog).orElseThrow(
                    () -> new IllegalStateException("compiled program lacks dialog " + missing));
            Step step = locate(definition.steps(), path);
            if (step == null) {
                if (path.size() > 1) {
                    path.removeLast();
                    advance(path);
                    continue;
                }
                waitFor(AWAITING_TEXT);
                return;
            }
            if (++steps > limits.maxStepsPerTurn()) {
                endSession("InfiniteLoopDetected", dialog, step.id());
                return;
            }
            trace.add(new TraceEvent("StepExecuted", dialog, step.id(), detail("type", step.type())));
            switch (step) {
                case Step.Message m -> {
                    for (String message : m.messages()) {
                        emitText(dialog, m.id(), message);
                    }
                    advance(path);
                }
                case Step.Navigation nav -> {
                    if (!"Redirect".equals(nav.navigationType()) || nav.links().isEmpty()) {
                        unsupported(dialog, nav, "navigation type " + nav.navigationType() + " with "
                                + nav.links().size() + " links");
                        advance(path);
                    } else if (nav.links().size() == 1) {
                        dialog = nav.links().getFirst().targetDialog();
                        path = new ArrayList<>(List.of(0));
                        trace.add(new TraceEvent("DialogEntered", dialog, null, detail("via", "redirect")));
                    } else {
                        offerMenu(dialog, nav);
                        return;
                    }
                }
                case Step.Wait w -> {
                    waitFor(AWAITING_TEXT);
                    return;
                }
                case Step.Group g -> {
                    if (!g.steps().isEmpty() && conditionsHold(g)) {
                        path.add(0);
                    } else {
                        advance(path);
                    }
                }
                case Step.VariableOperation op -> {
                    advance(path);
                    if (variableOperation(dialog, op, path)) {
                        return;
                    }
                }
                case Step.SystemMessage s -> {
                    switch (s.messageType()) {
                        case "EndChat" -> {
                            endSession("Action", dialog, s.id());
                            return;
                        }
                        case "Transfer" -> {
                            escalate(s);
                            return;
                        }
                        default -> {
                            unsupported(dialog, s, "system message " + s.messageType());
                            advance(path);
                        }
                    }
                }
                case Step.Unsupported u -> {
                    unsupported(dialog, u, "step type " + u.type());
                    advance(path);
                }
            }
        }
    }

    private static Step locate(List<Step> steps, List<Integer> path) {
        List<Step> level = steps;
        Step step = null;
        for (int i = 0; i < path.size(); i++) {
            int index = path.get(i);
            if (index >= level.size()) {
                return null;
            }
            step = level.get(index);
            if (i < path.size() - 1) {
                if (!(step instanceof Step.Group group)) {
                    return null;
                }
                level = group.steps();
            }
        }
        return step;
    }

    private static void advance(List<Integer> path) {
        path.set(path.size() - 1, path.getLast() + 1);
    }

    private void waitFor(String what) {
        awaiting = what;
    }

    private void offerMenu(String dialog, Step.Navigation nav) {
        List<OfferedChoice> offered = new ArrayList<>();
        List<ChoiceOption> options = new ArrayList<>();
        int i = 1;
        for (NavigationLink link : nav.links()) {
            String label = program.dialog(link.targetDialog()).map(DialogDefinition::displayName)
                    .orElse(link.label() != null ? link.label() : link.targetDialog());
            String id = program.stableId(dialog, nav.id(), String.valueOf(i), link.targetDialog());
            String alias = String.valueOf(i);
            offered.add(new OfferedChoice(id, alias, label, link.targetDialog()));
            options.add(new ChoiceOption(id, alias, label));
            i++;
        }
        outputs.add(new Output.Choices(nextId(), options, "menu", program.responseDelayMs()));
        trace.add(new TraceEvent("MessageSent", dialog, nav.id(), detail("kind", "choices", "count", options.size())));
        choices = List.copyOf(offered);
        awaiting = AWAITING_CHOICE;
    }

    /** Applies a variable operation; returns {@code true} when the bot now waits for a Collect answer. */
    private boolean variableOperation(String dialog, Step.VariableOperation op, List<Integer> resumeAt) {
        if (op.invocation() != null) {
            unsupported(dialog, op, "action " + op.invocation().actionName() + " ("
                    + op.invocation().actionType() + ") is not executed");
        }
        switch (op.operationType()) {
            case "Set" -> {
                for (VariableOperand operand : op.operands()) {
                    if (operand.targetName() != null) {
                        variables.put(operand.targetName(), sourceValue(operand));
                    }
                }
            }
            case "Unset" -> op.operands().forEach(o -> variables.remove(o.targetName()));
            case "Collect" -> {
                String target = op.operands().isEmpty() ? null : op.operands().getFirst().targetName();
                Object current = target == null ? null : variables.get(target);
                boolean isSet = current != null && !current.toString().isBlank();
                if (isSet && !op.askCollectIfSet()) {
                    return false;
                }
                for (String prompt : op.prompts()) {
                    emitText(dialog, op.id(), prompt);
                }
                List<OfferedChoice> offered = new ArrayList<>();
                if (!op.quickReplies().isEmpty()) {
                    List<ChoiceOption> options = new ArrayList<>();
                    int i = 1;
                    for (String reply : op.quickReplies()) {
                        String id = program.stableId(dialog, op.id(), String.valueOf(i), reply);
                        offered.add(new OfferedChoice(id, String.valueOf(i), reply, null));
                        options.add(new ChoiceOption(id, String.valueOf(i), reply));
                        i++;
                    }
                    outputs.add(new Output.Choices(nextId(), options, "buttons", program.responseDelayMs()));
                }
                collect = new PendingCollect(dialog, resumeAt, target, op.id());
                choices = List.copyOf(offered);
                awaiting = AWAITING_COLLECT;
                return true;
            }
            default -> unsupported(dialog, op, "variable operation " + op.operationType());
        }
        return false;
    }

    private Object sourceValue(VariableOperand operand) {
        if (operand.sourceValue() != null) {
            return operand.sourceValue();
        }
        String type = operand.sourceType() == null ? "" : operand.sourceType();
        if (type.equals("ConversationVariable") || type.equals("ContextVariable")) {
            return variables.get(operand.sourceName());
        }
        // e.g. FlowDefinition: the value is the definition's name
        return operand.sourceName();
    }

    private boolean conditionsHold(Step.Group group) {
        if (group.conditions().isEmpty()) {
            return true;
        }
        boolean any = "Or".equalsIgnoreCase(group.conditionLogicType());
        for (Condition c : group.conditions()) {
            boolean holds = holds(c);
            if (any && holds) {
                return true;
            }
            if (!any && !holds) {
                return false;
            }
        }
        return !any;
    }

    private boolean holds(Condition c) {
        Object left = variables.get(c.leftOperandName());
        String l = left == null ? null : left.toString();
        String r = c.rightOperandValue();
        String op = c.operatorType() == null ? "" : c.operatorType();
        return switch (op) {
            case "IsSet" -> l != null && !l.isEmpty();
            case "IsNotSet" -> l == null || l.isEmpty();
            case "Equal", "Equals" -> l != null && compare(l, r) == 0;
            case "NotEqual", "NotEquals" -> l == null || compare(l, r) != 0;
            case "GreaterThan" -> l != null && compare(l, r) > 0;
            case "GreaterThanOrEqualTo" -> l != null && compare(l, r) >= 0;
            case "LessThan" -> l != null && compare(l, r) < 0;
            case "LessThanOrEqualTo" -> l != null && compare(l, r) <= 0;
            case "Contains" -> l != null && r != null && l.contains(r);
            default -> false;
        };
    }

    /** Numbers compare by value, everything else as case-insensitive text. */
    private static int compare(String left, String right) {
        if (right == null) {
            return 1;
        }
        try {
            return new BigDecimal(left.strip()).compareTo(new BigDecimal(right.strip()));
        } catch (NumberFormatException e) {
            return left.compareToIgnoreCase(right);
        }
    }

    private void escalate(Step.SystemMessage step) {
        List<Output.Target> targets = new ArrayList<>();
        if (step.transferVariable() != null) {
            Object value = variables.get(step.transferVariable());
            if (value != null && !value.toString().isBlank()) {
                targets.add(new Output.Target("Salesforce:Core:Flow:Id", value.toString()));
            }
        }
        outputs.add(new Output.Escalate(nextId(), targets, program.responseDelayMs()));
        trace.add(new TraceEvent("MessageSent", currentDialog, step.id(),
                detail("kind", "escalate", "targets", targets.size())));
        awaiting = AWAITING_TRANSFER;
    }

    void endSession(String reason, String dialog, String step) {
        outputs.add(new Output.SessionEnded(nextId(), reason, program.responseDelayMs()));
        trace.add(new TraceEvent("SessionEnded", dialog, step, detail("reason", reason)));
        ended = true;
        endReason = reason;
        awaiting = null;
        choices = List.of();
        collect = null;
    }

    private void unsupported(String dialog, Step step, String what) {
        trace.add(new TraceEvent("StepExecuted", dialog, step.id(),
                detail("type", step.type(), "skipped", true, "reason", what + " is not supported")));
    }

    private void emitText(String dialog, String step, String template) {
        String text = substitute(template);
        outputs.add(new Output.Text(nextId(), text, program.responseDelayMs()));
        trace.add(new TraceEvent("MessageSent", dialog, step, detail("kind", "text", "text", text)));
    }

    /** Replaces {@code {!Name}} merge fields with variable values; unknown or empty fields render as nothing. */
    String substitute(String template) {
        Matcher m = MERGE_FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("$") && name.contains(".")) {
                name = name.substring(name.lastIndexOf('.') + 1);
            }
            Object value = variables.get(name);
            m.appendReplacement(out, Matcher.quoteReplacement(render(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(Turn::render).toList());
        }
        return value.toString();
    }

    private String nextId() {
        String key = "parley:message:" + sessionId + ":" + turn + ":" + outputs.size();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String normalise(String text) {
        return BotCompiler.normalise(text);
    }

    /** An insertion-ordered, unmodifiable detail map; {@code null} values are left out. */
    private static Map<String, Object> detail(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
