package dev.parley.engine;

import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.BotNavigation;
import dev.parley.botmodel.DialogDefinition;
import dev.parley.botmodel.Invocation;
import dev.parley.botmodel.LookupCondition;
import dev.parley.botmodel.NavigationLink;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.Program.ConditionCheck;
import dev.parley.botmodel.Program.GroupCheck;
import dev.parley.botmodel.Program.IntentMatch;
import dev.parley.botmodel.Program.Template;
import dev.parley.botmodel.Program.ValueType;
import dev.parley.botmodel.Step;
import dev.parley.botmodel.VariableOperand;
import dev.parley.engine.SessionState.Frame;
import dev.parley.engine.SessionState.OfferedChoice;
import dev.parley.engine.SessionState.PendingCollect;
import dev.parley.engine.SessionState.PendingEffect;
import dev.parley.engine.SessionState.Waiting;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The mutable work of one engine call; created per call, so {@link Engine} itself holds no state.
 *
 * <p>Execution model: a cursor (dialog, position in nested groups) runs steps until the bot waits (Wait step, menu,
 * Collect, transfer), the session ends, or an effect is needed. {@code Call} navigation and the Confused dialog push a
 * {@link Frame}; when a dialog runs out of steps the innermost frame is resumed.
 */
final class Turn {

    static final String AWAITING_TEXT = "Text";
    static final String AWAITING_CHOICE = "Choice";
    static final String AWAITING_COLLECT = "Collect";
    static final String AWAITING_TRANSFER = "Transfer";
    static final String AWAITING_EFFECT = "Effect";
    static final String NOT_UNDERSTOOD = "Sorry, I didn't understand that.";
    static final String BUILT_IN_ERROR = "Sorry, something went wrong. Please try again later.";
    /** Nested {@code Call}s deeper than this are a loop. */
    static final int MAX_CALL_DEPTH = 64;
    private static final String TRANSFER_TARGET_TYPE = "Salesforce:Core:Flow:Id";

    private final Program program;
    private final EngineLimits limits;
    private final String sessionId;
    private final long turn;
    private final int outputBase;
    private final Map<String, Object> variables;
    private final List<Output> outputs = new ArrayList<>();
    private final List<TraceEvent> trace = new ArrayList<>();
    private final LinkedHashSet<String> changed = new LinkedHashSet<>();
    private final ArrayList<Frame> stack = new ArrayList<>();
    private int steps;
    private int effects;

    private boolean ended;
    private String endReason;
    private String awaiting;
    private String currentDialog;
    private List<OfferedChoice> choices = List.of();
    private PendingCollect collect;
    private PendingEffect pendingEffect;
    private Effect effect;
    /** The first utterance of a start whose welcome stopped at an effect. */
    private String deferredText;
    /** The customer's text of this call, for Set operands that extract an entity from it. */
    private String utterance;
    /** The utterance that opened the current dialog by intent in this call (Collect auto-fill), or null. */
    private String trigger;
    /** Outputs of the effect completed in this call (dynamic Collect choices without a mapped variable). */
    private Map<String, Object> effectOutputs = Map.of();

    private Turn(Program program, EngineLimits limits, String sessionId, long turn, int outputBase,
            Map<String, Object> variables) {
        this.program = program;
        this.limits = limits;
        this.sessionId = sessionId;
        this.turn = turn;
        this.outputBase = outputBase;
        this.variables = new LinkedHashMap<>(variables == null ? Map.of() : variables);
    }

    static Turn first(Program program, EngineLimits limits, String sessionId) {
        return new Turn(program, limits, sessionId, 1, 0, Map.of());
    }

    static Turn next(Program program, EngineLimits limits, SessionState state) {
        Turn t = new Turn(program, limits, state.sessionId(), state.turn() + 1, 0, state.variables());
        t.restoreWait(state);
        return t;
    }

    /** Continues the turn a pending effect stopped: same turn number, counters carried on. */
    static Turn continuing(Program program, EngineLimits limits, SessionState state) {
        PendingEffect pending = state.effect();
        Turn t = new Turn(program, limits, state.sessionId(), state.turn(), pending.outputsSoFar(),
                state.variables());
        t.restoreWait(state);
        t.steps = pending.stepsSoFar();
        t.effects = pending.effectsSoFar();
        t.changed.addAll(pending.changedVariables());
        t.deferredText = pending.deferredText();
        return t;
    }

    private void restoreWait(SessionState state) {
        awaiting = state.awaiting();
        currentDialog = state.currentDialog();
        choices = state.choices();
        collect = state.collect();
        stack.addAll(state.callStack());
        pendingEffect = state.effect();
    }

    boolean awaitingEffect() {
        return AWAITING_EFFECT.equals(awaiting);
    }

    TurnResult result() {
        boolean stopped = !ended && pendingEffect != null;
        SessionState state = new SessionState(sessionId, program.botName(), program.versionName(), turn, ended,
                endReason, Collections.unmodifiableMap(new LinkedHashMap<>(variables)), ended ? null : awaiting,
                currentDialog, ended ? List.of() : choices, ended ? null : collect,
                ended ? List.of() : List.copyOf(stack), stopped ? pendingEffect : null);
        return new TurnResult(state, outputs, trace, stopped ? effect : null, List.copyOf(changed));
    }

    // ---- session start --------------------------------------------------------------------------------------------

    /**
     * Sets the variables given at the start, typed by their declaration, in name order (so that the result does not
     * depend on the iteration order of the caller's map).
     */
    void contextVariables(Map<String, Object> given) {
        if (given == null) {
            return;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>(given.entrySet());
        for (Map.Entry<String, Object> e : entries) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new InvalidInputException("a variable given at the start has no name");
            }
        }
        entries.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, Object> e : entries) {
            if (e.getValue() == null) {
                continue;
            }
            Object value;
            try {
                value = Values.convert(e.getValue(), program.variableType(e.getKey()),
                        program.isListVariable(e.getKey()));
            } catch (Values.ConversionException ex) {
                throw new InvalidInputException("variable " + e.getKey() + " of bot " + program.botName()
                        + " is declared " + program.variables().get(e.getKey()).dataType() + ": "
                        + ex.getMessage());
            }
            assign(null, null, e.getKey(), value, "Context");
        }
    }

    void start(String text) {
        enterNew(program.entryDialog(), "start");
        if (text != null && !text.isBlank() && !ended) {
            if (awaitingEffect()) {
                deferredText = text;
                pendingEffect = withDeferredText(pendingEffect, text);
            } else {
                handleText(text);
            }
        }
    }

    private static PendingEffect withDeferredText(PendingEffect p, String text) {
        return new PendingEffect(p.id(), p.kind(), p.actionType(), p.actionName(), p.inputs(), p.dialog(),
                p.stepId(), p.stepPath(), p.operationPending(), p.outputsSoFar(), p.stepsSoFar(), p.effectsSoFar(),
                p.changedVariables(), text);
    }

    // ---- inputs ---------------------------------------------------------------------------------------------------

    /** Free text: the pending Collect, then the offered menu, then intents, then Confused. */
    void handleText(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("text input must not be empty");
        }
        String text = raw.strip();
        utterance = text;
        if (AWAITING_COLLECT.equals(awaiting) && collect != null) {
            answerCollect(text, null);
            return;
        }
        if (AWAITING_CHOICE.equals(awaiting)) {
            OfferedChoice chosen = matchChoice(text);
            if (chosen != null) {
                trace.add(event("IntentMatched", chosen.targetDialog(), null, "source", "menu", "utterance", text,
                        "phrase", chosen.label(), "confidence", 1.0));
                choose(chosen, "choice");
                return;
            }
        }
        if (routeToIntent(text)) {
            return;
        }
        notUnderstood(text, null);
    }

    /**
     * Exact intent matching: an intent utterance, then a dialog label. This is the seam for the NLU model: when exact
     * matching finds nothing, a later version asks for an {@code Nlu} effect here and continues in
     * {@link Engine#complete} with the classified intent; today the text goes to Confused.
     */
    private boolean routeToIntent(String text) {
        IntentMatch match = program.matchText(text).orElse(null);
        if (match == null || program.dialog(match.dialog()).isEmpty()) {
            return false;
        }
        trace.add(event("IntentMatched", match.dialog(), null, "source", match.source(), "utterance", text,
                "intent", match.intent(), "phrase", match.phrase(), "confidence", 1.0));
        enterNew(match.dialog(), "intent");
        return true;
    }

    private void notUnderstood(String text, String step) {
        trace.add(event("InputNotUnderstood", currentDialog, step, "text", text));
        if (program.confusedDialog() != null && program.dialog(program.confusedDialog()).isPresent()) {
            // Confused runs like a call: when it finishes, what the bot waited for is in force again
            stack.add(new Frame(null, null, new Waiting(awaiting, currentDialog, choices, collect)));
            enter(program.confusedDialog(), "confused");
        } else {
            emitText(currentDialog, step, NOT_UNDERSTOOD);
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
        if (AWAITING_COLLECT.equals(awaiting) && collect != null) {
            utterance = chosen.label();
            answerCollect(chosen.label(), chosen);
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
        enterNew(target, "redirect");
    }

    void handleTransferSucceeded() {
        requireTransferPending("transferSucceeded");
        endSession("Action", currentDialog, null);
    }

    void handleTransferFailed(String reason) {
        requireTransferPending("transferFailed");
        // not an error of the bot: the runtime records the client's message with its reason
        var dialog = program.systemDialog("TransferFailed").filter(d -> program.dialog(d).isPresent());
        if (dialog.isPresent()) {
            enterNew(dialog.get(), "system");
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

    private OfferedChoice matchChoice(String text) {
        String wanted = BotCompiler.normalise(text);
        for (OfferedChoice choice : choices) {
            if (BotCompiler.normalise(choice.label()).equals(wanted)
                    || BotCompiler.normalise(choice.alias()).equals(wanted)) {
                return choice;
            }
        }
        return null;
    }

    private void choose(OfferedChoice choice, String via) {
        if (choice.targetDialog() == null || program.dialog(choice.targetDialog()).isEmpty()) {
            // the state was made by another version of the bot that still had this dialog
            throw new InvalidInputException("choice " + choice.alias() + " leads to dialog " + choice.targetDialog()
                    + ", which is not in bot " + program.botName() + " " + program.versionName());
        }
        if (currentDialog != null) {
            trace.add(event("DialogCompleted", currentDialog, null));
        }
        enter(choice.targetDialog(), via);
    }

    // ---- effects --------------------------------------------------------------------------------------------------

    /** Applies an effect's outcome and continues the turn where it stopped. */
    void completeEffect(EffectResult result) {
        PendingEffect pending = pendingEffect;
        Step step = locate(pending.dialog(), pending.stepPath());
        if (step == null || !step.id().equals(pending.stepId())) {
            throw new InvalidInputException("effect " + pending.id() + " was requested by step " + pending.stepId()
                    + " of dialog " + pending.dialog() + ", which is not in bot " + program.botName() + " "
                    + program.versionName());
        }
        pendingEffect = null;
        effect = null;
        awaiting = null;
        Map<String, Object> outputs = result.succeeded() ? result.outputs() : Map.of();
        trace.add(event("EffectCompleted", pending.dialog(), pending.stepId(), "effectId", pending.id(),
                "kind", pending.kind(), "actionType", pending.actionType(), "actionName", pending.actionName(),
                "outcome", result.succeeded() ? "SUCCEEDED" : "FAILED",
                "outputs", Values.canonical(outputs), "errorCode", result.errorCode(),
                "errorMessage", result.errorMessage()));
        if (!result.succeeded()) {
            fail(pending.dialog(), pending.stepId(), result.errorCode() == null ? "EffectFailed" : result.errorCode(),
                    pending.kind() + " " + pending.actionName() + " failed"
                            + (result.errorMessage() == null ? "" : ": " + result.errorMessage()));
        } else {
            try {
                applyOutputs(pending, step, outputs);
                effectOutputs = outputs;
                List<Integer> path = new ArrayList<>(pending.stepPath());
                if (pending.operationPending() && step instanceof Step.VariableOperation op) {
                    currentDialog = pending.dialog();
                    advance(path);
                    if (!variableOperation(pending.dialog(), op, pending.stepPath(), path, true)) {
                        execute(pending.dialog(), path);
                    }
                } else {
                    advance(path);
                    execute(pending.dialog(), path);
                }
            } catch (Values.ConversionException e) {
                fail(pending.dialog(), pending.stepId(), "OutputConversionFailed",
                        pending.kind() + " " + pending.actionName() + " returned an output that does not fit: "
                                + e.getMessage());
            }
        }
        if (deferredText != null && !ended && !awaitingEffect()) {
            String text = deferredText;
            deferredText = null;
            handleText(text);
        }
    }

    private void applyOutputs(PendingEffect pending, Step step, Map<String, Object> outputs)
            throws Values.ConversionException {
        // convert everything first so that a bad output changes nothing
        Map<String, Object> assignments = new LinkedHashMap<>();
        if (step instanceof Step.RecordLookup lookup) {
            String target = lookup.targetVariableName();
            if (target != null) {
                Object records = outputs.get("records");
                if (records != null && !(records instanceof List<?>)) {
                    throw new Values.ConversionException("'records' must be a list of records");
                }
                List<?> list = records == null ? List.of() : (List<?>) records;
                Object value = program.isListVariable(target) || program.variableType(target) == ValueType.ANY
                        ? Values.convert(list, ValueType.OBJECT, true)
                        : list.isEmpty() ? null : Values.convert(list.getFirst(), program.variableType(target), false);
                assignments.put(target, value);
            }
        } else {
            Invocation invocation = invocationOf(step);
            for (Invocation.Mapping m : invocation == null ? List.<Invocation.Mapping>of() : invocation.mappings()) {
                if (!"Output".equalsIgnoreCase(m.direction()) || m.variableName() == null
                        || !outputs.containsKey(m.parameterName())) {
                    continue;
                }
                try {
                    assignments.put(m.variableName(), Values.convert(outputs.get(m.parameterName()),
                            program.variableType(m.variableName()), program.isListVariable(m.variableName())));
                } catch (Values.ConversionException e) {
                    throw new Values.ConversionException("output " + m.parameterName() + " for variable "
                            + m.variableName() + ": " + e.getMessage());
                }
            }
        }
        assignments.forEach((name, value) -> assign(pending.dialog(), pending.stepId(), name, value,
                pending.kind().equals(Effect.RECORD_LOOKUP) ? "RecordLookup" : "Invocation"));
    }

    private static Invocation invocationOf(Step step) {
        return switch (step) {
            case Step.Action a -> a.invocation();
            case Step.VariableOperation op -> op.invocation();
            default -> null;
        };
    }

    private void requestEffect(String kind, String actionType, String actionName, Map<String, Object> inputs,
            String dialog, Step step, List<Integer> stepPath, boolean operationPending) {
        effects++;
        String key = "parley:effect:" + sessionId + ":" + turn + ":" + effects + ":" + dialog + "/"
                + pathText(stepPath);
        String id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, Object> canonicalInputs = castMap(Values.canonical(inputs));
        pendingEffect = new PendingEffect(id, kind, actionType, actionName, canonicalInputs, dialog, step.id(),
                stepPath, operationPending, outputBase + outputs.size(), steps, effects, List.copyOf(changed),
                deferredText);
        effect = new Effect(id, kind, actionType, actionName, canonicalInputs);
        awaiting = AWAITING_EFFECT;
        currentDialog = dialog;
        choices = List.of();
        collect = null;
        trace.add(event("EffectRequested", dialog, step.id(), "effectId", id, "kind", kind, "actionType",
                actionType, "actionName", actionName, "inputs", canonicalInputs));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private Map<String, Object> invocationInputs(Invocation invocation) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (Invocation.Mapping m : invocation.mappings()) {
            if (!"Input".equalsIgnoreCase(m.direction()) || m.parameterName() == null) {
                continue;
            }
            Object value = m.variableName() != null ? variables.get(m.variableName())
                    : m.value() != null ? render(program.template(m.value())) : null;
            if (value != null) {
                inputs.put(m.parameterName(), value);
            }
        }
        return inputs;
    }

    private Map<String, Object> lookupInputs(Step.RecordLookup lookup) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("sObjectType", lookup.sObjectType());
        inputs.put("fields", lookup.lookupFields());
        List<LookupCondition> sorted = new ArrayList<>(lookup.conditions());
        sorted.sort((a, b) -> Integer.compare(a.sortOrder() == null ? Integer.MAX_VALUE : a.sortOrder(),
                b.sortOrder() == null ? Integer.MAX_VALUE : b.sortOrder()));
        List<Object> conditions = new ArrayList<>();
        for (LookupCondition c : sorted) {
            Map<String, Object> condition = new LinkedHashMap<>();
            condition.put("field", c.leftOperand());
            condition.put("operator", c.operatorType());
            Object value = c.rightOperandName() != null ? variables.get(c.rightOperandName())
                    : c.rightOperandValue() != null ? render(program.template(c.rightOperandValue())) : null;
            if (value != null) {
                condition.put("value", value);
            }
            conditions.add(condition);
        }
        inputs.put("conditions", conditions);
        inputs.put("filterLogic", lookup.filterLogic() == null ? "And" : lookup.filterLogic());
        if (lookup.maxLookupResults() != null) {
            inputs.put("maxResults", lookup.maxLookupResults());
        }
        if (lookup.sortFieldName() != null) {
            inputs.put("sortField", lookup.sortFieldName());
            inputs.put("sortOrder", lookup.sortOrder() == null ? "Asc" : lookup.sortOrder());
        }
        if (lookup.sourceVariableName() != null && variables.get(lookup.sourceVariableName()) != null) {
            inputs.put("sourceValue", variables.get(lookup.sourceVariableName()));
        }
        return inputs;
    }

    /** A runtime failure: the ErrorHandling system dialog, or a built-in apology that ends the session. */
    private void fail(String dialog, String step, String code, String message) {
        trace.add(event("ErrorOccurred", dialog, step, "code", code, "message", message));
        stack.clear();
        var handler = program.systemDialog("ErrorHandling").filter(d -> program.dialog(d).isPresent());
        if (handler.isPresent()) {
            enter(handler.get(), "system");
        } else {
            emitText(dialog, step, BUILT_IN_ERROR);
            endSession("Error", dialog, step);
        }
    }

    // ---- execution ------------------------------------------------------------------------------------------------

    /** Starts a dialog as a new topic: whatever was pending, and where calls would return to, is dropped. */
    void enterNew(String dialog, String via) {
        stack.clear();
        trigger = "intent".equals(via) ? utterance : null;
        enter(dialog, via);
    }

    private void enter(String dialog, String via) {
        trace.add(event("DialogEntered", dialog, null, "via", via));
        execute(dialog, List.of(0));
    }

    /** Runs steps from {@code start} until the bot waits, the session ends or an effect is needed. */
    private void execute(String startDialog, List<Integer> start) {
        clearWait();
        String dialog = startDialog;
        List<Integer> path = new ArrayList<>(start);
        while (true) {
            currentDialog = dialog;
            Step step = locate(dialog, path);
            if (step == null) {
                if (path.size() > 1) {
                    path.removeLast();
                    advance(path);
                    continue;
                }
                trace.add(event("DialogCompleted", dialog, null));
                if (stack.isEmpty()) {
                    waitFor(AWAITING_TEXT);
                    return;
                }
                Frame frame = stack.removeLast();
                if (frame.restore() != null) {
                    restore(frame.restore());
                    return;
                }
                dialog = frame.dialog();
                path = new ArrayList<>(frame.resumeAt());
                trace.add(event("DialogEntered", dialog, null, "via", "return"));
                continue;
            }
            if (++steps > limits.maxStepsPerTurn()) {
                endSession("InfiniteLoopDetected", dialog, step.id());
                return;
            }
            List<Integer> stepPath = List.copyOf(path);
            advance(path);
            switch (step) {
                case Step.Message m -> {
                    stepExecuted(dialog, m);
                    for (String message : m.messages()) {
                        emitText(dialog, m.id(), message);
                    }
                }
                case Step.Wait w -> {
                    stepExecuted(dialog, w);
                    if (!finishConfused()) {
                        stack.clear();
                        waitFor(AWAITING_TEXT);
                    }
                    return;
                }
                case Step.Group g -> {
                    GroupCheck check = program.groupCheck(g);
                    boolean holds = holds(check);
                    stepExecuted(dialog, g, "conditionResult", holds, "conditions", g.conditions().size());
                    if (holds && !g.steps().isEmpty()) {
                        path = new ArrayList<>(stepPath);
                        path.add(0);
                    }
                }
                case Step.Navigation nav -> {
                    stepExecuted(dialog, nav, "navigationType", nav.navigationType(), "links", nav.links().size());
                    Jump jump = navigate(dialog, nav.id(), nav.navigationType(), nav.links(), path);
                    if (jump == null) {
                        return;
                    }
                    if (jump.dialog() != null) {
                        dialog = jump.dialog();
                        path = new ArrayList<>(List.of(0));
                    }
                }
                case Step.VariableOperation op -> {
                    stepExecuted(dialog, op, "operation", op.operationType());
                    if (variableOperation(dialog, op, stepPath, path, false)) {
                        return;
                    }
                }
                case Step.SystemMessage s -> {
                    stepExecuted(dialog, s, "messageType", s.messageType());
                    switch (s.messageType()) {
                        case "EndChat" -> {
                            endSession("Action", dialog, s.id());
                            return;
                        }
                        case "Transfer" -> {
                            escalate(dialog, s.id(), s.transferVariable());
                            return;
                        }
                        default -> skipped(dialog, s, "system message " + s.messageType());
                    }
                }
                case Step.Action a -> {
                    stepExecuted(dialog, a, "actionType", a.invocation().actionType(), "actionName",
                            a.invocation().actionName());
                    requestEffect(Effect.INVOCATION, a.invocation().actionType(), a.invocation().actionName(),
                            invocationInputs(a.invocation()), dialog, a, stepPath, false);
                    return;
                }
                case Step.RecordLookup lookup -> {
                    stepExecuted(dialog, lookup, "sObjectType", lookup.sObjectType());
                    requestEffect(Effect.RECORD_LOOKUP, "recordLookup",
                            lookup.sObjectType() != null ? lookup.sObjectType() : lookup.id(),
                            lookupInputs(lookup), dialog, lookup, stepPath, false);
                    return;
                }
                case Step.Unsupported u -> {
                    stepExecuted(dialog, u);
                    skipped(dialog, u, "step type " + u.type());
                }
            }
            if (ended || awaiting != null) {
                return;
            }
        }
    }

    /** Where execution goes next: another dialog, or ({@link #STAY}) on in the same one. */
    private record Jump(String dialog) {
        static final Jump STAY = new Jump(null);
    }

    /**
     * Follows a navigation: returns where to continue ({@link Jump#STAY} when it does nothing), or {@code null} when
     * the bot now waits (menu, transfer) or the session ended.
     *
     * @param after the position after the navigating step (where a {@code Call} returns to)
     */
    private Jump navigate(String dialog, String stepId, String type, List<NavigationLink> links,
            List<Integer> after) {
        String navigationType = type == null ? "Redirect" : type;
        if ("TransferToAgent".equals(navigationType)) {
            escalate(dialog, stepId, null);
            return null;
        }
        boolean call = "Call".equals(navigationType);
        if (!call && !"Redirect".equals(navigationType)) {
            trace.add(event("StepExecuted", dialog, stepId, "stepType", "Navigation", "skipped", true, "reason",
                    "navigation type " + navigationType + " is not supported"));
            return Jump.STAY;
        }
        if (links.isEmpty()) {
            return Jump.STAY;
        }
        if (call) {
            if (stack.size() >= MAX_CALL_DEPTH) {
                endSession("InfiniteLoopDetected", dialog, stepId);
                return null;
            }
            stack.add(new Frame(dialog, List.copyOf(after), null));
        } else if (!stack.isEmpty() && stack.getLast().restore() != null) {
            // a redirect out of Confused: Confused no longer returns to what the bot waited for
            stack.removeLast();
        }
        if (links.size() > 1) {
            offerMenu(dialog, stepId, links);
            return null;
        }
        String target = resolveLink(links.getFirst());
        if (target == null) {
            fail(dialog, stepId, "UnknownDialog", "navigation target " + describeLink(links.getFirst())
                    + " is not a dialog of bot " + program.botName());
            return null;
        }
        if (!call) {
            // a called dialog's caller is only suspended
            trace.add(event("DialogCompleted", dialog, null));
        }
        trace.add(event("DialogEntered", target, null, "via", call ? "call" : "redirect"));
        return new Jump(target);
    }

    private String resolveLink(NavigationLink link) {
        if (link.targetDialog() != null) {
            return program.dialog(link.targetDialog()).isPresent() ? link.targetDialog() : null;
        }
        if (link.targetVariable() != null) {
            Object value = variables.get(link.targetVariable());
            if (value instanceof String name) {
                return program.dialog(name).map(DialogDefinition::developerName)
                        .or(() -> program.dialogs().values().stream()
                                .filter(d -> d.label() != null && d.label().equalsIgnoreCase(name.strip()))
                                .map(DialogDefinition::developerName).findFirst())
                        .orElse(null);
            }
        }
        return null;
    }

    private static String describeLink(NavigationLink link) {
        return link.targetDialog() != null ? "'" + link.targetDialog() + "'"
                : "in variable " + link.targetVariable();
    }

    private void offerMenu(String dialog, String stepId, List<NavigationLink> links) {
        List<OfferedChoice> offered = new ArrayList<>();
        List<ChoiceOption> options = new ArrayList<>();
        int i = 1;
        for (NavigationLink link : links) {
            String target = resolveLink(link);
            if (target == null) {
                continue;
            }
            String label = link.label() != null && !link.label().isBlank() ? link.label()
                    : program.dialog(target).map(DialogDefinition::displayName).orElse(target);
            String id = program.stableId(dialog, stepId, String.valueOf(i), target);
            String alias = String.valueOf(i);
            offered.add(new OfferedChoice(id, alias, label, target, null));
            options.add(new ChoiceOption(id, alias, label));
            i++;
        }
        if (offered.isEmpty()) {
            fail(dialog, stepId, "UnknownDialog", "no target of the menu in dialog " + dialog + " is a dialog");
            return;
        }
        emitChoices(dialog, stepId, options, "menu");
        choices = List.copyOf(offered);
        waitFor(AWAITING_CHOICE);
    }

    /**
     * Applies a variable operation; returns {@code true} when execution stops here (the bot waits for an answer or an
     * effect, or the session ended).
     *
     * @param stepPath       the operation's own position
     * @param after          the position after it
     * @param invocationDone the operation's invocation has run already (continuing after its effect)
     */
    private boolean variableOperation(String dialog, Step.VariableOperation op, List<Integer> stepPath,
            List<Integer> after, boolean invocationDone) {
        if (op.invocation() != null && !invocationDone && !(op.isCollect() && alreadyAnswered(op))) {
            requestEffect(Effect.INVOCATION, op.invocation().actionType(), op.invocation().actionName(),
                    invocationInputs(op.invocation()), dialog, op, stepPath, true);
            return true;
        }
        switch (op.operationType()) {
            case "Set" -> {
                for (VariableOperand operand : op.operands()) {
                    if (operand.targetName() == null) {
                        continue;
                    }
                    Object value;
                    try {
                        value = Values.convert(sourceValue(operand), program.variableType(operand.targetName()),
                                program.isListVariable(operand.targetName()));
                    } catch (Values.ConversionException e) {
                        fail(dialog, op.id(), "VariableTypeMismatch", "cannot set variable " + operand.targetName()
                                + ": " + e.getMessage());
                        return true;
                    }
                    assign(dialog, op.id(), operand.targetName(), value, "Set");
                }
            }
            case "Unset" -> op.operands().forEach(o -> assign(dialog, op.id(), o.targetName(), null, "Unset"));
            case "Collect" -> {
                return collect(dialog, op, after);
            }
            default -> skipped(dialog, op, "variable operation " + op.operationType());
        }
        return false;
    }

    private Object sourceValue(VariableOperand operand) {
        String type = operand.sourceType() == null ? "" : operand.sourceType();
        switch (type) {
            case "ConversationVariable", "ContextVariable", "StandardConversationVariable" -> {
                return operand.sourceName() == null ? null : variables.get(operand.sourceName());
            }
            case "StandardMlSlotClass" -> {
                return utterance == null ? null : Entities.extract(operand.sourceName(), utterance);
            }
            case "MlSlotClass" -> {
                return utterance == null ? null
                        : program.slotMatcher(operand.sourceName()).map(m -> m.extract(utterance)).orElse(null);
            }
            default -> {
                if (operand.sourceValue() != null) {
                    return render(program.template(operand.sourceValue()));
                }
                // FlowDefinition, Queue, BotDefinition, Value without a literal: the value is the name
                return operand.sourceName();
            }
        }
    }

    // ---- Collect --------------------------------------------------------------------------------------------------

    /** A Collect whose variable is set and that does not ask again is skipped (its action does not run either). */
    private boolean alreadyAnswered(Step.VariableOperation op) {
        String target = op.operands().isEmpty() ? null : op.operands().getFirst().targetName();
        return target != null && Values.isSet(variables.get(target)) && !op.askCollectIfSet();
    }

    private boolean collect(String dialog, Step.VariableOperation op, List<Integer> after) {
        VariableOperand operand = op.operands().isEmpty() ? null : op.operands().getFirst();
        String target = operand == null ? null : operand.targetName();
        if (alreadyAnswered(op)) {
            trace.add(event("StepExecuted", dialog, op.id(), "stepType", "VariableOperation", "operation",
                    "Collect", "skipped", true, "reason", "variable " + target + " is already set"));
            return false;
        }
        // auto-fill from the utterance that opened the dialog (not for free text: that would take it whole)
        if (operand != null && trigger != null && !Boolean.TRUE.equals(operand.disableAutoFill())
                && !"_Text".equals(operand.sourceName()) && isEntity(operand)) {
            Object value = extract(operand, trigger);
            if (value != null && target != null) {
                try {
                    assign(dialog, op.id(), target, Values.convert(value, program.variableType(target),
                            program.isListVariable(target)), "Collect");
                    return false;
                } catch (Values.ConversionException e) {
                    // not usable: ask
                }
            }
        }
        List<OfferedChoice> offered = collectOptions(dialog, op);
        if ("Dynamic".equalsIgnoreCase(op.quickReplyType()) && offered.isEmpty()
                && op.invalidInputNavigation() != null) {
            trace.add(event("StepExecuted", dialog, op.id(), "stepType", "VariableOperation", "operation",
                    "Collect", "reason", "no choices to offer"));
            return followInvalidInputNavigation(dialog, op, after);
        }
        if (op.autoSelectIfSingleChoice() && offered.size() == 1) {
            if (target != null) {
                assign(dialog, op.id(), target, choiceValue(offered.getFirst(), target, operand), "Collect");
            }
            return false;
        }
        for (String prompt : op.prompts()) {
            emitText(dialog, op.id(), prompt);
        }
        if (!offered.isEmpty()) {
            emitChoices(dialog, op.id(), toOptions(offered), op.widget());
        }
        collect = new PendingCollect(dialog, after, target, op.id(), 0);
        choices = List.copyOf(offered);
        waitFor(AWAITING_COLLECT);
        return true;
    }

    private static boolean isEntity(VariableOperand operand) {
        return "StandardMlSlotClass".equals(operand.sourceType()) || "MlSlotClass".equals(operand.sourceType());
    }

    private List<OfferedChoice> collectOptions(String dialog, Step.VariableOperation op) {
        List<OfferedChoice> offered = new ArrayList<>();
        if ("Dynamic".equalsIgnoreCase(op.quickReplyType())) {
            Object source = dynamicSource(op);
            List<?> items = source instanceof List<?> l ? l : source == null ? List.of() : List.of(source);
            Template template = op.quickReplyOptionTemplate() == null ? null
                    : program.template(op.quickReplyOptionTemplate());
            int i = 1;
            for (Object item : items) {
                String label = template == null ? Values.render(item) : renderItem(template, item);
                if (label.isBlank()) {
                    continue;
                }
                String id = program.stableId(dialog, op.id(), String.valueOf(i), label);
                offered.add(new OfferedChoice(id, String.valueOf(i), label, null, Values.canonical(item)));
                i++;
            }
        } else {
            int i = 1;
            for (String reply : op.quickReplies()) {
                String label = render(program.template(reply));
                String id = program.stableId(dialog, op.id(), String.valueOf(i), reply);
                offered.add(new OfferedChoice(id, String.valueOf(i), label, null, label));
                i++;
            }
        }
        return offered;
    }

    /** Dynamic choices: the source list variable, else the first output variable of the invocation. */
    private Object dynamicSource(Step.VariableOperation op) {
        if (op.sourceVariableName() != null) {
            return variables.get(op.sourceVariableName());
        }
        if (op.invocation() != null) {
            for (Invocation.Mapping m : op.invocation().mappings()) {
                if ("Output".equalsIgnoreCase(m.direction())) {
                    return m.variableName() != null ? variables.get(m.variableName())
                            : effectOutputs.get(m.parameterName());
                }
            }
            for (Object value : effectOutputs.values()) {
                if (value instanceof List<?>) {
                    return value;
                }
            }
        }
        return null;
    }

    private String renderItem(Template template, Object item) {
        StringBuilder out = new StringBuilder();
        for (Template.Segment s : template.segments()) {
            if (s.path() == null) {
                out.append(s.text());
                continue;
            }
            Object value = item instanceof Map<?, ?> ? Values.field(item, s.path().getFirst()) : null;
            if (value == null) {
                value = lookup(s.path());
            } else {
                for (int i = 1; i < s.path().size() && value != null; i++) {
                    value = Values.field(value, s.path().get(i));
                }
            }
            out.append(Values.render(value));
        }
        return out.toString();
    }

    private static List<ChoiceOption> toOptions(List<OfferedChoice> offered) {
        List<ChoiceOption> options = new ArrayList<>(offered.size());
        for (OfferedChoice c : offered) {
            options.add(new ChoiceOption(c.id(), c.alias(), c.label()));
        }
        return options;
    }

    /** The value a chosen option stores: its literal read as the Collect's entity (a "Yes" button is true). */
    private Object choiceValue(OfferedChoice choice, String target, VariableOperand operand) {
        Object value = choice.value() != null ? choice.value() : choice.label();
        if (value instanceof String literal && operand != null && isEntity(operand)) {
            Object extracted = extract(operand, literal);
            if (extracted != null) {
                value = extracted;
            }
        }
        try {
            return Values.convert(value, program.variableType(target), program.isListVariable(target));
        } catch (Values.ConversionException e) {
            // a record chosen into a text variable: its label is the answer
            return choice.label();
        }
    }

    private Object extract(VariableOperand operand, String text) {
        if (operand == null) {
            return text;
        }
        if ("StandardMlSlotClass".equals(operand.sourceType())) {
            return Entities.extract(operand.sourceName(), text);
        }
        if ("MlSlotClass".equals(operand.sourceType())) {
            if (text.length() > Entities.MAX_EXTRACTED_LENGTH) {
                return null;
            }
            var matcher = program.slotMatcher(operand.sourceName());
            // a slot class the bot does not define takes the text as it is (the validator reports it)
            return matcher.isPresent() ? matcher.get().extract(text) : text;
        }
        return text;
    }

    /**
     * An answer to the pending Collect: a choice when choices are offered, else the entity extracted from the text.
     * When it does not fit: an intent may take over (unless {@code ignoreIntentRecognition}); otherwise repair.
     */
    private void answerCollect(String text, OfferedChoice chosen) {
        PendingCollect pending = collect;
        Step step = program.dialog(pending.dialog()).isEmpty() ? null : locate(pending.dialog(), stepPathOf(pending));
        if (!(step instanceof Step.VariableOperation op) || !op.id().equals(pending.stepId())) {
            // the state was made by another version of the bot: keep the text, go on where the question was
            if (program.dialog(pending.dialog()).isEmpty()) {
                clearWait();
                if (!routeToIntent(text)) {
                    notUnderstood(text, null);
                }
                return;
            }
            if (pending.variable() != null) {
                assign(pending.dialog(), pending.stepId(), pending.variable(), text, "Collect");
            }
            execute(pending.dialog(), pending.resumeAt());
            return;
        }
        VariableOperand operand = op.operands().isEmpty() ? null : op.operands().getFirst();
        String target = pending.variable();
        Object value = null;
        boolean fits;
        if (chosen != null) {
            value = target == null ? null : choiceValue(chosen, target, operand);
            fits = true;
        } else if (!choices.isEmpty()) {
            OfferedChoice match = matchChoice(text);
            fits = match != null;
            if (fits && target != null) {
                value = choiceValue(match, target, operand);
            }
        } else {
            Object extracted = extract(operand, text);
            fits = extracted != null;
            if (fits && target != null) {
                try {
                    value = Values.convert(extracted, program.variableType(target), program.isListVariable(target));
                } catch (Values.ConversionException e) {
                    fits = false;
                }
            }
        }
        if (fits) {
            trace.add(event("StepExecuted", pending.dialog(), op.id(), "stepType", "VariableOperation",
                    "operation", "CollectAnswered", "variable", target));
            if (target != null) {
                assign(pending.dialog(), op.id(), target, value, "Collect");
            }
            execute(pending.dialog(), pending.resumeAt());
            return;
        }
        if (!op.ignoreIntentRecognition() && routeToIntent(text)) {
            return;
        }
        int attempts = pending.failedAttempts() + 1;
        int repairs = Math.max(1, op.retryMessages().size());
        trace.add(event("InputNotUnderstood", pending.dialog(), op.id(), "text", text, "reason",
                "answer does not fit", "attempt", attempts));
        if (op.invalidInputNavigation() != null && attempts > repairs) {
            collect = null;
            choices = List.of();
            awaiting = null;
            if (!followInvalidInputNavigation(pending.dialog(), op, pending.resumeAt())) {
                execute(pending.dialog(), pending.resumeAt());
            }
            return;
        }
        if (op.optionalCollect() && attempts > 1) {
            trace.add(event("StepExecuted", pending.dialog(), op.id(), "stepType", "VariableOperation",
                    "operation", "Collect", "skipped", true, "reason", "optional question not answered"));
            execute(pending.dialog(), pending.resumeAt());
            return;
        }
        PendingCollect retried = new PendingCollect(pending.dialog(), pending.resumeAt(), pending.variable(),
                pending.stepId(), attempts);
        List<OfferedChoice> offered = choices;
        if (!op.retryMessages().isEmpty()) {
            emitText(pending.dialog(), op.id(), op.retryMessages().get(Math.min(attempts, repairs) - 1));
        } else if (program.confusedDialog() != null && program.dialog(program.confusedDialog()).isPresent()) {
            collect = retried;
            stack.add(new Frame(null, null, new Waiting(AWAITING_COLLECT, pending.dialog(), offered, retried)));
            enter(program.confusedDialog(), "confused");
            return;
        } else {
            for (String prompt : op.prompts()) {
                emitText(pending.dialog(), op.id(), prompt);
            }
        }
        if (!offered.isEmpty()) {
            emitChoices(pending.dialog(), op.id(), toOptions(offered), op.widget());
        }
        currentDialog = pending.dialog();
        collect = retried;
        choices = offered;
        awaiting = AWAITING_COLLECT;
    }

    /** Follows a Collect's invalid-input navigation; returns whether execution stopped (waits or ended). */
    private boolean followInvalidInputNavigation(String dialog, Step.VariableOperation op, List<Integer> after) {
        BotNavigation nav = op.invalidInputNavigation();
        Jump jump = navigate(dialog, op.id(), nav.navigationType(), nav.links(), after);
        if (jump == null) {
            return true;
        }
        if (jump.dialog() == null) {
            return false;
        }
        execute(jump.dialog(), List.of(0));
        return true;
    }

    private static List<Integer> stepPathOf(PendingCollect pending) {
        List<Integer> path = new ArrayList<>(pending.resumeAt());
        if (path.isEmpty()) {
            return path;
        }
        path.set(path.size() - 1, path.getLast() - 1);
        return path;
    }

    // ---- conditions -----------------------------------------------------------------------------------------------

    private boolean holds(GroupCheck check) {
        if (check.conditions().isEmpty()) {
            return true;
        }
        for (ConditionCheck c : check.conditions()) {
            boolean holds = Conditions.holds(c, lookupVariable(c.variable()), rightOperand(c));
            if (check.any() && holds) {
                return true;
            }
            if (!check.any() && !holds) {
                return false;
            }
        }
        return !check.any();
    }

    private Object lookupVariable(String name) {
        if (name == null) {
            return null;
        }
        if (name.indexOf('.') > 0 && !variables.containsKey(name)) {
            String[] parts = name.split("\\.");
            List<String> path = new ArrayList<>(List.of(parts));
            if (path.getFirst().startsWith("$") && path.size() > 1) {
                path.removeFirst();
            }
            return lookup(path);
        }
        return variables.get(name);
    }

    private Object rightOperand(ConditionCheck c) {
        if (c.rightTemplate() == null) {
            return c.typedRight();
        }
        return ConditionCheck.typedOperand(render(c.rightTemplate()), c.type());
    }

    // ---- outputs and state ----------------------------------------------------------------------------------------

    private void escalate(String dialog, String stepId, String transferVariable) {
        List<Output.Target> targets = new ArrayList<>();
        if (transferVariable != null) {
            Object value = variables.get(transferVariable);
            if (Values.isSet(value)) {
                targets.add(new Output.Target(TRANSFER_TARGET_TYPE, Values.render(value)));
            }
        }
        outputs.add(new Output.Escalate(nextId(), targets, program.responseDelayMs()));
        List<Object> described = new ArrayList<>();
        for (Output.Target t : targets) {
            described.add(Map.of("type", t.type(), "value", t.value()));
        }
        trace.add(event("TransferRequested", dialog, stepId, "targets", described));
        trace.add(event("MessageSent", dialog, stepId, "kind", "escalate", "count", targets.size()));
        stack.clear();
        waitFor(AWAITING_TRANSFER);
    }

    void endSession(String reason, String dialog, String step) {
        outputs.add(new Output.SessionEnded(nextId(), reason, program.responseDelayMs()));
        trace.add(event("MessageSent", dialog, step, "kind", "sessionEnded", "reason", reason));
        trace.add(event("SessionEnded", dialog, step, "reason", reason));
        ended = true;
        endReason = reason;
        awaiting = null;
        choices = List.of();
        collect = null;
        pendingEffect = null;
        effect = null;
        stack.clear();
    }

    private void waitFor(String what) {
        if (!AWAITING_TEXT.equals(what)) {
            // the bot asks something new: Confused no longer returns to what it waited for before
            stack.removeIf(f -> f.restore() != null);
        }
        awaiting = what;
        trigger = null;
    }

    private void clearWait() {
        awaiting = null;
        choices = List.of();
        collect = null;
    }

    /** Re-establishes what the bot waited for before the Confused dialog ran. */
    private void restore(Waiting waiting) {
        awaiting = waiting.awaiting() == null ? AWAITING_TEXT : waiting.awaiting();
        currentDialog = waiting.currentDialog();
        choices = waiting.choices();
        collect = waiting.collect();
        trace.add(event("DialogEntered", currentDialog, null, "via", "return"));
    }

    /** At a Wait inside Confused (or a dialog it called): return to what the bot waited for before. */
    private boolean finishConfused() {
        for (int i = stack.size() - 1; i >= 0; i--) {
            Frame f = stack.get(i);
            if (f.restore() != null) {
                while (stack.size() > i) {
                    stack.removeLast();
                }
                restore(f.restore());
                return true;
            }
        }
        return false;
    }

    private void assign(String dialog, String step, String name, Object value, String source) {
        if (name == null) {
            return;
        }
        Object previous = value == null ? variables.remove(name) : variables.put(name, value);
        if (Objects.equals(previous, value) && !"Context".equals(source)) {
            return;
        }
        changed.add(name);
        trace.add(event("VariableChanged", dialog, step, "variable", name, "value", value, "previousValue", previous,
                "source", source));
    }

    private void skipped(String dialog, Step step, String what) {
        trace.add(event("StepExecuted", dialog, step.id(), "stepType", step.type(), "skipped", true, "reason",
                what + " is not supported"));
    }

    private void stepExecuted(String dialog, Step step, Object... extra) {
        Object[] all = new Object[extra.length + 2];
        all[0] = "stepType";
        all[1] = step.type();
        System.arraycopy(extra, 0, all, 2, extra.length);
        trace.add(event("StepExecuted", dialog, step.id(), all));
    }

    private void emitText(String dialog, String step, String template) {
        String text = render(program.template(template));
        outputs.add(new Output.Text(nextId(), text, program.responseDelayMs()));
        trace.add(event("MessageSent", dialog, step, "kind", "text", "text", text));
    }

    private void emitChoices(String dialog, String step, List<ChoiceOption> options, String widget) {
        outputs.add(new Output.Choices(nextId(), options, widget, program.responseDelayMs()));
        List<Object> labels = new ArrayList<>(options.size());
        options.forEach(o -> labels.add(o.label()));
        trace.add(event("MessageSent", dialog, step, "kind", "choices", "count", options.size(), "widget", widget,
                "labels", labels));
    }

    /** Fills merge fields: {@code {!Var}}, {@code {!Var.Field}}; unset or unknown fields render as nothing. */
    String render(Template template) {
        if (template.segments().size() == 1 && template.segments().getFirst().path() == null) {
            return template.segments().getFirst().text();
        }
        StringBuilder out = new StringBuilder();
        for (Template.Segment s : template.segments()) {
            if (s.path() == null) {
                out.append(s.text());
            } else if (s.path().size() == 1) {
                String name = s.path().getFirst();
                out.append(Values.render(variables.get(name), program.variableType(name)));
            } else {
                out.append(Values.render(lookup(s.path())));
            }
        }
        return out.toString();
    }

    private Object lookup(List<String> path) {
        Object value = variables.get(path.getFirst());
        for (int i = 1; i < path.size() && value != null; i++) {
            value = Values.field(value, path.get(i));
        }
        return value;
    }

    private Step locate(String dialog, List<Integer> path) {
        DialogDefinition definition = program.dialog(dialog).orElseThrow(
                () -> new InvalidInputException("dialog " + dialog + " of the session is not in bot "
                        + program.botName() + " " + program.versionName()));
        List<Step> level = definition.steps();
        Step step = null;
        for (int i = 0; i < path.size(); i++) {
            int index = path.get(i);
            if (index < 0 || index >= level.size()) {
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

    private static String pathText(List<Integer> path) {
        StringBuilder b = new StringBuilder();
        for (Integer i : path) {
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(i);
        }
        return b.toString();
    }

    private String nextId() {
        String key = "parley:message:" + sessionId + ":" + turn + ":" + (outputBase + outputs.size());
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An insertion-ordered, unmodifiable detail map; {@code null} values are left out. */
    private static TraceEvent event(String type, String dialog, String step, Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new TraceEvent(type, dialog, step, Collections.unmodifiableMap(map));
    }
}
