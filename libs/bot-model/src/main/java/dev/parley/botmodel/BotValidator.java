package dev.parley.botmodel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a bot definition the way a compiler checks a program: every finding names the element, points at its file,
 * line and column, and carries a stable code (listed in {@code docs/bot-authors/diagnostics.md}). Never throws for a
 * bad definition. ERRORs are what would break at run time; WARNINGs are likely mistakes.
 */
public final class BotValidator {

    /** Standard entities the engine extracts itself. */
    static final Set<String> STANDARD_ENTITIES = Set.of("_Text", "_Email", "_Number", "_Boolean", "_Date",
            "_DateTime", "_Currency");
    /** System dialog types of the published schema. */
    static final Set<String> SYSTEM_DIALOG_TYPES = Set.of("ErrorHandling", "TransferFailed", "KnowledgeFallback",
            "KnowledgeAction", "Disambiguation", "DisambiguationFailed");
    /** Merge fields every session has without a declaration. */
    static final Set<String> BUILT_IN_VARIABLES = Set.of("LastCustomerInput", "EndUserLanguage");
    static final Set<String> ORDERING_OPERATORS = Set.of("GreaterThan", "GreaterThanOrEqualTo", "LessThan",
            "LessThanOrEqualTo");
    static final Set<String> TEXT_OPERATORS = Set.of("Contains", "StartsWith", "EndsWith");
    static final Set<String> EQUALITY_OPERATORS = Set.of("Equals", "NotEquals", "Equal", "NotEqual");
    static final Set<String> UNARY_OPERATORS = Set.of("IsSet", "IsNotSet");

    private static final Pattern MERGE_FIELD = Pattern.compile("\\{!([^{}]*)}");

    private final BotDefinition bot;
    private final List<Diagnostic> out = new ArrayList<>();

    // per version
    private BotVersionDefinition version;
    private Set<String> dialogNames;
    private Map<String, VariableDefinition> conversationVars;
    private Map<String, VariableDefinition> contextVars;
    private Map<String, SlotClassDefinition> slotClasses;
    private boolean hasTransfer;

    private BotValidator(BotDefinition bot) {
        this.bot = bot;
    }

    /** Every finding about the bot, all versions, in source order (bot-wide findings last). */
    public static List<Diagnostic> validate(BotDefinition bot) {
        if (bot == null) {
            return List.of(new Diagnostic(null, 0, 0, "bot.missing", Severity.ERROR, "there is no bot definition"));
        }
        BotValidator v = new BotValidator(bot);
        v.run();
        List<Diagnostic> sorted = new ArrayList<>(v.out);
        sorted.sort(Comparator.comparing((Diagnostic d) -> d.file() == null ? "\uffff" : d.file())
                .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return List.copyOf(sorted);
    }

    private void run() {
        if (bot.versions().isEmpty()) {
            report(bot.location(), "version.missing", Severity.ERROR, "bot '" + bot.name() + "' has no versions");
        }
        contextVars = byName(bot.contextVariables(), "context variable");
        slotClasses = new LinkedHashMap<>();
        Set<String> intents = new HashSet<>();
        for (IntentDefinition i : bot.intents()) {
            if (!intents.add(i.developerName())) {
                report(i.location(), "intent.duplicate", Severity.ERROR,
                        "intent '" + i.developerName() + "' is defined more than once");
            }
        }
        for (SlotClassDefinition s : bot.slotClasses()) {
            if (slotClasses.putIfAbsent(s.developerName(), s) != null) {
                report(s.location(), "entity.duplicate", Severity.ERROR,
                        "entity (slot class) '" + s.developerName() + "' is defined more than once");
            }
            checkSlotClass(s);
        }
        for (BotVersionDefinition v : bot.versions()) {
            checkVersion(v, intents);
        }
    }

    private Map<String, VariableDefinition> byName(List<VariableDefinition> variables, String kind) {
        Map<String, VariableDefinition> map = new LinkedHashMap<>();
        for (VariableDefinition v : variables) {
            if (v.developerName() == null) {
                continue;
            }
            if (map.putIfAbsent(v.developerName(), v) != null) {
                report(v.location(), "variable.duplicate", Severity.ERROR,
                        kind + " '" + v.developerName() + "' is defined more than once");
            }
            if (v.dataType() == null) {
                report(v.location(), "variable.no-type", Severity.WARNING,
                        kind + " '" + v.developerName() + "' has no data type; Text is assumed");
            }
        }
        return map;
    }

    private void checkSlotClass(SlotClassDefinition s) {
        if (s.extractionRegex() != null && !s.extractionRegex().isBlank()) {
            try {
                Pattern.compile(s.extractionRegex());
            } catch (PatternSyntaxException e) {
                report(s.location(), "entity.bad-pattern", Severity.ERROR, "entity '" + s.developerName()
                        + "' has an invalid pattern '" + s.extractionRegex() + "': " + e.getDescription());
            }
        }
        if ("Pattern".equals(s.extractionType()) && (s.extractionRegex() == null || s.extractionRegex().isBlank())) {
            report(s.location(), "entity.no-pattern", Severity.WARNING,
                    "entity '" + s.developerName() + "' extracts by Pattern but has no pattern");
        }
        if ("Value".equals(s.extractionType()) && s.values().isEmpty()) {
            report(s.location(), "entity.no-values", Severity.WARNING,
                    "entity '" + s.developerName() + "' extracts by Value but has no values");
        }
    }

    /** Whether some input can fill the slot class. */
    private static boolean canMatch(SlotClassDefinition s) {
        boolean regex = s.extractionRegex() != null && !s.extractionRegex().isBlank() && compiles(s.extractionRegex());
        boolean values = !s.values().isEmpty();
        if ("Pattern".equals(s.extractionType())) {
            return regex;
        }
        if ("Value".equals(s.extractionType())) {
            return values;
        }
        return regex || values;
    }

    private static boolean compiles(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private void checkVersion(BotVersionDefinition v, Set<String> intents) {
        version = v;
        hasTransfer = false;
        dialogNames = new HashSet<>();
        for (DialogDefinition d : v.dialogs()) {
            if (!dialogNames.add(d.developerName())) {
                report(d.location(), "dialog.duplicate", Severity.ERROR,
                        "dialog '" + d.developerName() + "' is defined more than once in version '" + v.fullName()
                                + "'");
            }
        }
        conversationVars = byName(v.conversationVariables(), "variable");
        for (String name : conversationVars.keySet()) {
            if (contextVars.containsKey(name)) {
                report(conversationVars.get(name).location(), "variable.shadows-context", Severity.WARNING,
                        "variable '" + name + "' has the name of a context variable; merge fields will use the "
                                + "conversation variable");
            }
        }
        Location versionAt = v.location();
        if (v.entryDialog() == null || v.entryDialog().isBlank()) {
            report(versionAt, "entry-dialog.missing", Severity.ERROR,
                    "version '" + v.fullName() + "' has no entry dialog");
        } else if (!dialogNames.contains(v.entryDialog())) {
            report(or(v.entryDialogLocation(), versionAt), "entry-dialog.unknown", Severity.ERROR,
                    "entry dialog '" + v.entryDialog() + "' is not a dialog of version '" + v.fullName() + "'");
        }
        if (v.mainMenuDialog() != null && !dialogNames.contains(v.mainMenuDialog())) {
            report(or(v.mainMenuDialogLocation(), versionAt), "main-menu.unknown", Severity.ERROR,
                    "main menu dialog '" + v.mainMenuDialog() + "' is not a dialog of version '" + v.fullName()
                            + "'");
        }
        Set<String> systemTypes = new HashSet<>();
        for (SystemDialog s : v.conversationSystemDialogs()) {
            Location at = or(s.location(), versionAt);
            if (!SYSTEM_DIALOG_TYPES.contains(s.type())) {
                report(at, "system-dialog.unknown-type", Severity.WARNING,
                        "system dialog type '" + s.type() + "' is not known; it is never triggered");
            }
            if (!systemTypes.add(s.type())) {
                report(at, "system-dialog.duplicate", Severity.WARNING,
                        "system dialog type '" + s.type() + "' is assigned more than once; the first one is used");
            }
            if (!dialogNames.contains(s.dialog())) {
                report(at, "system-dialog.unknown-dialog", Severity.ERROR,
                        "system dialog " + s.type() + " refers to unknown dialog '" + s.dialog() + "'");
            }
        }
        Set<String> groups = new HashSet<>();
        for (DialogGroup g : v.dialogGroups()) {
            if (!groups.add(g.developerName())) {
                report(g.location(), "dialog-group.duplicate", Severity.ERROR,
                        "dialog group '" + g.developerName() + "' is defined more than once");
            }
        }
        for (DialogDefinition d : v.dialogs()) {
            if (d.botDialogGroup() != null && !groups.contains(d.botDialogGroup())) {
                report(d.location(), "dialog-group.unknown", Severity.WARNING, "dialog '" + d.developerName()
                        + "' is in dialog group '" + d.botDialogGroup() + "', which is not defined");
            }
            if (d.mlIntent() != null && !intents.contains(d.mlIntent())) {
                report(d.location(), "intent.unknown", Severity.WARNING, "dialog '" + d.developerName()
                        + "' uses intent '" + d.mlIntent() + "', which is not defined; it has no utterances");
            }
            if (d.steps().isEmpty()) {
                report(d.location(), "dialog.empty", Severity.INFO,
                        "dialog '" + d.developerName() + "' has no steps");
            }
            Set<String> ids = new HashSet<>();
            checkSteps(d, d.steps(), ids);
        }
        if (!systemTypes.contains("ErrorHandling")) {
            report(versionAt, "system-dialog.missing", Severity.WARNING, "version '" + v.fullName()
                    + "' has no ErrorHandling dialog: a failed action ends the session");
        }
        if (hasTransfer && !systemTypes.contains("TransferFailed")) {
            report(versionAt, "system-dialog.missing", Severity.WARNING, "version '" + v.fullName()
                    + "' transfers to agents but has no TransferFailed dialog: a failed transfer ends the session");
        }
        checkReachability(v);
        checkRedirectLoops(v);
    }

    private void checkSteps(DialogDefinition dialog, List<Step> steps, Set<String> ids) {
        String d = dialog.developerName();
        for (Step step : steps) {
            if (step.id() != null && !ids.add(step.id())) {
                report(step.location(), "step.duplicate-id", Severity.ERROR,
                        "step id '" + step.id() + "' is used more than once in dialog '" + d + "'");
            }
            switch (step) {
                case Step.Message m -> {
                    if (m.messages().isEmpty()) {
                        report(m.location(), "message.empty", Severity.WARNING,
                                "message step in dialog '" + d + "' has no text");
                    }
                    m.messages().forEach(text -> mergeFields(text, m.location(), "a message of dialog '" + d + "'"));
                }
                case Step.Navigation nav -> checkNavigation(d, nav.navigationType(), nav.links(), nav.location());
                case Step.Wait w -> {
                    // nothing to check
                }
                case Step.Group g -> {
                    checkConditions(d, g);
                    checkSteps(dialog, g.steps(), ids);
                }
                case Step.VariableOperation op -> checkVariableOperation(d, op);
                case Step.SystemMessage s -> {
                    if ("Transfer".equals(s.messageType())) {
                        hasTransfer = true;
                    }
                    if (s.transferVariable() != null) {
                        variable(s.transferVariable(), null, s.location(),
                                "the transfer of dialog '" + d + "'");
                    }
                }
                case Step.Action a -> checkInvocation(d, a.invocation(), a.location());
                case Step.RecordLookup r -> checkLookup(d, r);
                case Step.Unsupported u -> {
                    // the parser reported it
                }
            }
        }
    }

    private void checkNavigation(String d, String type, List<NavigationLink> links, Location at) {
        if ("TransferToAgent".equals(type)) {
            hasTransfer = true;
            return;
        }
        if (links.isEmpty()) {
            report(at, "navigation.no-target", Severity.WARNING,
                    type + " navigation in dialog '" + d + "' has no target; it does nothing");
        }
        for (NavigationLink link : links) {
            Location linkAt = or(link.location(), at);
            if (link.targetDialog() != null) {
                if (!dialogNames.contains(link.targetDialog())) {
                    report(linkAt, "navigation.unknown-dialog", Severity.ERROR,
                            "dialog '" + d + "' navigates to unknown dialog '" + link.targetDialog() + "'");
                }
            } else if (link.targetVariable() != null) {
                variable(link.targetVariable(), link.targetVariableType(), linkAt,
                        "the navigation target of dialog '" + d + "'");
            }
        }
    }

    private void checkConditions(String d, Step.Group g) {
        if (g.conditionLogicType() != null && !Set.of("And", "Or").contains(g.conditionLogicType())) {
            report(g.location(), "condition.unknown-logic", Severity.ERROR, "group in dialog '" + d
                    + "' combines its conditions with '" + g.conditionLogicType() + "'; use And or Or");
        }
        for (Condition c : g.conditions()) {
            Location at = or(c.location(), g.location());
            String where = "a condition in dialog '" + d + "'";
            if (c.leftOperandName() == null) {
                report(at, "condition.no-variable", Severity.ERROR, where + " names no variable");
                continue;
            }
            VariableDefinition var = variable(c.leftOperandName(), c.leftOperandType(), at, where);
            String op = c.operatorType();
            if (op == null || !(UNARY_OPERATORS.contains(op) || EQUALITY_OPERATORS.contains(op)
                    || ORDERING_OPERATORS.contains(op) || TEXT_OPERATORS.contains(op))) {
                report(at, "condition.unknown-operator", Severity.ERROR,
                        where + " uses unknown operator '" + op + "'");
                continue;
            }
            String value = c.rightOperandValue();
            if (value != null) {
                mergeFields(value, at, where);
            }
            if (UNARY_OPERATORS.contains(op)) {
                continue;
            }
            if (value == null && !EQUALITY_OPERATORS.contains(op)) {
                report(at, "condition.no-value", Severity.ERROR,
                        where + " compares '" + c.leftOperandName() + "' with " + op + " but gives no value");
                continue;
            }
            if (var != null) {
                checkOperatorType(var, op, value, at, where);
            }
        }
    }

    private void checkOperatorType(VariableDefinition var, String op, String value, Location at, String where) {
        String type = var.dataType() == null ? "Text" : var.dataType();
        String name = var.developerName();
        boolean literal = value != null && !MERGE_FIELD.matcher(value).find();
        if (var.isList() && !EQUALITY_OPERATORS.contains(op)) {
            report(at, "condition.type-mismatch", Severity.ERROR,
                    where + " applies " + op + " to list variable '" + name + "'");
            return;
        }
        boolean numeric = type.equals("Number") || type.equals("Currency");
        boolean temporal = type.equals("Date") || type.equals("DateTime");
        if (ORDERING_OPERATORS.contains(op) && !numeric && !temporal) {
            report(at, "condition.type-mismatch", Severity.ERROR,
                    where + " applies " + op + " to " + type + " variable '" + name + "'; only Number, Currency, "
                            + "Date and DateTime can be ordered");
            return;
        }
        if (TEXT_OPERATORS.contains(op) && !(type.equals("Text") || type.equals("Id"))) {
            report(at, "condition.type-mismatch", Severity.ERROR,
                    where + " applies " + op + " to " + type + " variable '" + name + "'; it needs Text");
            return;
        }
        if (!literal || value.isBlank()) {
            return;
        }
        String v = value.strip();
        if (numeric && !isNumber(v)) {
            report(at, "condition.type-mismatch", Severity.ERROR,
                    where + " compares " + type + " variable '" + name + "' with '" + value + "', not a number");
        } else if (type.equals("Boolean") && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            report(at, "condition.type-mismatch", Severity.ERROR,
                    where + " compares Boolean variable '" + name + "' with '" + value + "'; use true or false");
        } else if (type.equals("Date") && !isDate(v)) {
            report(at, "condition.type-mismatch", Severity.WARNING,
                    where + " compares Date variable '" + name + "' with '" + value + "', not a yyyy-MM-dd date");
        } else if (type.equals("DateTime") && !isDate(v) && !isDateTime(v)) {
            report(at, "condition.type-mismatch", Severity.WARNING, where + " compares DateTime variable '" + name
                    + "' with '" + value + "', not an ISO-8601 date-time");
        }
    }

    private static boolean isNumber(String v) {
        try {
            new BigDecimal(v.replace(",", ""));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDate(String v) {
        try {
            LocalDate.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isDateTime(String v) {
        try {
            OffsetDateTime.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void checkVariableOperation(String d, Step.VariableOperation op) {
        String where = op.operationType() + " step in dialog '" + d + "'";
        Location at = op.location();
        if (op.operands().isEmpty() && op.invocation() == null && !op.isCollect()
                && !"(none)".equals(op.operationType())) {
            report(at, "operation.no-target", Severity.WARNING, where + " changes no variable");
        }
        for (VariableOperand o : op.operands()) {
            Location oat = or(o.location(), at);
            if (o.targetName() == null) {
                report(oat, "operation.no-target", Severity.ERROR, where + " has an operand without a target");
            } else {
                variable(o.targetName(), o.targetType(), oat, where);
            }
            if (o.sourceValue() != null) {
                mergeFields(o.sourceValue(), oat, where);
            }
            if (o.sourceName() != null && ("ConversationVariable".equals(o.sourceType())
                    || "ContextVariable".equals(o.sourceType()))) {
                variable(o.sourceName(), o.sourceType(), oat, where);
            }
        }
        op.prompts().forEach(p -> mergeFields(p, at, where));
        op.retryMessages().forEach(p -> mergeFields(p, at, where));
        if (op.invocation() != null) {
            checkInvocation(d, op.invocation(), at);
        }
        if (op.sourceVariableName() != null) {
            variable(op.sourceVariableName(), op.sourceVariableType(), at, where);
        }
        if (op.invalidInputNavigation() != null) {
            BotNavigation n = op.invalidInputNavigation();
            checkNavigation(d, n.navigationType(), n.links(), or(n.location(), at));
        }
        if (op.isCollect()) {
            checkCollect(d, op, where);
        }
    }

    private void checkCollect(String d, Step.VariableOperation op, String where) {
        Location at = op.location();
        if (op.operands().isEmpty()) {
            report(at, "collect.no-target", Severity.WARNING, where + " has no variable to store the answer in; it "
                    + "only asks");
            return;
        }
        if (op.prompts().isEmpty()) {
            report(at, "collect.no-prompt", Severity.WARNING, where + " asks nothing: it has no prompt message");
        }
        boolean escape = op.optionalCollect() || op.invalidInputNavigation() != null;
        if ("Dynamic".equals(op.quickReplyType()) && op.invalidInputNavigation() == null) {
            report(at, "collect.dynamic-no-fallback", Severity.WARNING, where + " offers dynamic choices but has "
                    + "no invalid-input navigation for when there are none");
        }
        for (VariableOperand o : op.operands()) {
            Location oat = or(o.location(), at);
            String entity = o.sourceName();
            String type = o.sourceType();
            if (entity == null) {
                continue;
            }
            if ("StandardMlSlotClass".equals(type) || (type == null && entity.startsWith("_"))) {
                if (!STANDARD_ENTITIES.contains(entity)) {
                    report(oat, "entity.unsupported", Severity.WARNING, where + " collects standard entity '"
                            + entity + "', which Parley does not extract; any text is accepted");
                }
            } else if ("MlSlotClass".equals(type) || type == null) {
                SlotClassDefinition s = slotClasses.get(entity);
                if (s == null) {
                    report(oat, "entity.unknown", Severity.ERROR,
                            where + " collects entity '" + entity + "', which is not defined");
                } else if (!canMatch(s) && !escape && op.quickReplies().isEmpty()
                        && !"Dynamic".equals(op.quickReplyType())) {
                    report(oat, "collect.no-way-out", Severity.ERROR, where + " requires entity '" + entity
                            + "', which has no values and no valid pattern, and the step is not optional and has no "
                            + "invalid-input navigation: the customer can never answer");
                }
            }
        }
    }

    private void checkInvocation(String d, Invocation inv, Location at) {
        Location iat = or(inv.location(), at);
        String where = "action '" + inv.actionName() + "' in dialog '" + d + "'";
        if (inv.actionName() == null || inv.actionName().isBlank()) {
            report(iat, "invocation.no-action", Severity.ERROR, "an action in dialog '" + d + "' names no action");
        }
        for (Invocation.Mapping m : inv.mappings()) {
            Location mat = or(m.location(), iat);
            if (m.parameterName() == null) {
                report(mat, "invocation.no-parameter", Severity.ERROR, where + " has a mapping without a parameter");
            }
            if (!"Input".equals(m.direction()) && !"Output".equals(m.direction())) {
                report(mat, "invocation.bad-direction", Severity.ERROR, where + " maps parameter '"
                        + m.parameterName() + "' with direction '" + m.direction() + "'; use Input or Output");
            }
            if (m.variableName() != null) {
                if (!isDeclared(m.variableName(), m.variableType())) {
                    report(mat, "invocation.unknown-variable", Severity.ERROR, where + " maps parameter '"
                            + m.parameterName() + "' to variable '" + m.variableName() + "', which is not declared");
                }
            } else if ("Output".equals(m.direction())) {
                report(mat, "invocation.no-variable", Severity.ERROR,
                        where + " maps output '" + m.parameterName() + "' to no variable");
            } else if (m.value() != null) {
                mergeFields(m.value(), mat, where);
            }
        }
    }

    private void checkLookup(String d, Step.RecordLookup r) {
        String where = "record lookup in dialog '" + d + "'";
        if (r.sObjectType() == null) {
            report(r.location(), "record-lookup.no-object", Severity.ERROR, where + " names no record type");
        }
        if (r.targetVariableName() == null) {
            report(r.location(), "record-lookup.no-target", Severity.ERROR, where + " has no target variable");
        } else {
            variable(r.targetVariableName(), null, r.location(), where);
        }
        if (r.sourceVariableName() != null) {
            variable(r.sourceVariableName(), r.sourceVariableType(), r.location(), where);
        }
        if (r.maxLookupResults() != null && (r.maxLookupResults() < 1 || r.maxLookupResults() > 3)) {
            report(r.location(), "record-lookup.max-results", Severity.WARNING,
                    where + " asks for " + r.maxLookupResults() + " records; Salesforce allows 1 to 3");
        }
        for (LookupCondition c : r.conditions()) {
            Location at = or(c.location(), r.location());
            if (c.rightOperandName() != null) {
                variable(c.rightOperandName(), c.rightOperandType(), at, where);
            }
            if (c.rightOperandValue() != null) {
                mergeFields(c.rightOperandValue(), at, where);
            }
        }
    }

    /** Reports an undeclared variable; returns its definition when declared. */
    private VariableDefinition variable(String name, String kind, Location at, String where) {
        VariableDefinition conv = conversationVars.get(name);
        VariableDefinition ctx = contextVars.get(name);
        if (conv == null && ctx == null) {
            if (!BUILT_IN_VARIABLES.contains(name) && !name.startsWith("$")) {
                report(at, "variable.undefined", Severity.ERROR,
                        where + " uses variable '" + name + "', which is not declared");
            }
            return null;
        }
        if ("ContextVariable".equals(kind) && ctx == null) {
            report(at, "variable.wrong-kind", Severity.WARNING, where + " treats '" + name
                    + "' as a context variable, but it is a conversation variable");
            return conv;
        }
        if ("ConversationVariable".equals(kind) && conv == null) {
            report(at, "variable.wrong-kind", Severity.WARNING, where + " treats '" + name
                    + "' as a conversation variable, but it is a context variable");
            return ctx;
        }
        return conv != null ? conv : ctx;
    }

    private boolean isDeclared(String name, String kind) {
        return conversationVars.containsKey(name) || contextVars.containsKey(name)
                || BUILT_IN_VARIABLES.contains(name) || name.startsWith("$");
    }

    /** Checks the {@code {!Var}} and {@code {!Var.Field}} merge fields of a text. */
    private void mergeFields(String text, Location at, String where) {
        if (text == null || !text.contains("{!")) {
            return;
        }
        Matcher m = MERGE_FIELD.matcher(text);
        int end = 0;
        while (m.find()) {
            end = m.end();
            String ref = m.group(1).strip();
            int dot = ref.indexOf('.');
            String name = dot < 0 ? ref : ref.substring(0, dot);
            if (name.isEmpty()) {
                report(at, "merge-field.empty", Severity.ERROR, where + " has an empty merge field '{!" + m.group(1)
                        + "}'");
                continue;
            }
            if (!isDeclared(name, null)) {
                report(at, "variable.undefined", Severity.ERROR,
                        where + " uses variable '" + name + "' in merge field '{!" + ref + "}', which is not declared");
            }
        }
        if (text.indexOf("{!", end) >= 0) {
            report(at, "merge-field.unclosed", Severity.WARNING,
                    where + " has a '{!' without a closing '}'; it is sent as written");
        }
    }

    private void checkReachability(BotVersionDefinition v) {
        Map<String, DialogDefinition> dialogs = new LinkedHashMap<>();
        v.dialogs().forEach(d -> dialogs.putIfAbsent(d.developerName(), d));
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        if (v.entryDialog() != null) {
            todo.add(v.entryDialog());
        }
        if (v.mainMenuDialog() != null) {
            todo.add(v.mainMenuDialog());
        }
        // ArrayDeque takes no nulls, and a broken file may leave a system dialog or a dialog without a name
        v.conversationSystemDialogs().stream().map(SystemDialog::dialog).filter(java.util.Objects::nonNull)
                .forEach(todo::add);
        for (DialogDefinition d : v.dialogs()) {
            if (d.developerName() == null) {
                continue;
            }
            if (d.showInFooterMenu() || d.mlIntent() != null || !d.utterances().isEmpty()
                    || d.developerName().equalsIgnoreCase("Confused")
                    || (d.label() != null && d.label().strip().equalsIgnoreCase("Confused"))) {
                todo.add(d.developerName());
            }
        }
        boolean variableTarget = false;
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (name == null || !seen.add(name)) {
                continue;
            }
            DialogDefinition d = dialogs.get(name);
            if (d == null) {
                continue;
            }
            List<NavigationLink> links = new ArrayList<>();
            collectLinks(d.steps(), links);
            for (NavigationLink l : links) {
                if (l.targetDialog() != null) {
                    todo.add(l.targetDialog());
                } else {
                    variableTarget = true;
                }
            }
        }
        if (variableTarget) {
            // a navigation to a dialog named by a variable may reach any dialog
            return;
        }
        for (DialogDefinition d : v.dialogs()) {
            if (!seen.contains(d.developerName())) {
                report(d.location(), "dialog.unreachable", Severity.WARNING, "dialog '" + d.developerName()
                        + "' is never reached: no navigation, intent, menu or system dialog leads to it");
                seen.add(d.developerName());
            }
        }
    }

    private static void collectLinks(List<Step> steps, List<NavigationLink> into) {
        for (Step s : steps) {
            switch (s) {
                case Step.Navigation n -> into.addAll(n.links());
                case Step.Group g -> collectLinks(g.steps(), into);
                case Step.VariableOperation op when op.invalidInputNavigation() != null ->
                        into.addAll(op.invalidInputNavigation().links());
                default -> {
                    // no links
                }
            }
        }
    }

    /**
     * Finds cycles of dialogs that pass control to each other without ever waiting for the customer: edges are
     * unconditional single-target Redirects and Calls reached before any Wait, Collect, menu, transfer or end.
     */
    private void checkRedirectLoops(BotVersionDefinition v) {
        Map<String, List<NavigationLink>> edges = new LinkedHashMap<>();
        for (DialogDefinition d : v.dialogs()) {
            List<NavigationLink> out = new ArrayList<>();
            passThrough(d.steps(), out);
            edges.putIfAbsent(d.developerName(), out);
        }
        // Tarjan's strongly connected components, iterative so that a long chain of dialogs cannot overflow the stack
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        for (String start : edges.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, java.util.Iterator<NavigationLink>>> work = new ArrayDeque<>();
            visit(start, edges, index, low, stack, onStack, work);
            while (!work.isEmpty()) {
                Map.Entry<String, java.util.Iterator<NavigationLink>> frame = work.peek();
                String node = frame.getKey();
                if (frame.getValue().hasNext()) {
                    String next = frame.getValue().next().targetDialog();
                    if (!edges.containsKey(next)) {
                        continue;
                    }
                    if (!index.containsKey(next)) {
                        visit(next, edges, index, low, stack, onStack, work);
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(node));
                    boolean selfLoop = edges.get(node).stream().anyMatch(l -> node.equals(l.targetDialog()));
                    if (component.size() > 1 || selfLoop) {
                        reportCycle(component, edges);
                    }
                }
            }
        }
    }

    private static void visit(String node, Map<String, List<NavigationLink>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
            Deque<Map.Entry<String, java.util.Iterator<NavigationLink>>> work) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        work.push(Map.entry(node, edges.get(node).iterator()));
    }

    private void reportCycle(List<String> component, Map<String, List<NavigationLink>> edges) {
        Set<String> members = new HashSet<>(component);
        // walk the cycle from the dialog that comes first in the file, for a stable message
        String first = version.dialogs().stream().map(DialogDefinition::developerName).filter(members::contains)
                .findFirst().orElse(component.getFirst());
        List<String> path = new ArrayList<>(List.of(first));
        NavigationLink firstLink = null;
        String current = first;
        Set<String> visited = new HashSet<>(Set.of(first));
        while (true) {
            NavigationLink next = null;
            for (NavigationLink l : edges.get(current)) {
                if (members.contains(l.targetDialog())) {
                    next = l;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            if (firstLink == null) {
                firstLink = next;
            }
            path.add(next.targetDialog());
            if (!visited.add(next.targetDialog())) {
                break;
            }
            current = next.targetDialog();
        }
        Location at = firstLink != null && firstLink.location() != null ? firstLink.location()
                : version.dialog(first).map(DialogDefinition::location).orElse(version.location());
        String cycle = path.size() <= 12 ? String.join(" -> ", path)
                : String.join(" -> ", path.subList(0, 10)) + " -> ... (" + (path.size() - 1) + " dialogs) -> "
                        + path.getLast();
        report(at, "redirect.loop", Severity.ERROR, "dialogs " + cycle
                + " redirect to each other without waiting for the customer; the session would end with "
                + "InfiniteLoopDetected");
    }

    /**
     * Adds the dialogs a step list passes control to before it can wait. Returns true when the list surely stops
     * (waits, ends or jumps away) before its end.
     */
    private static boolean passThrough(List<Step> steps, List<NavigationLink> out) {
        for (Step s : steps) {
            switch (s) {
                case Step.Wait w -> {
                    return true;
                }
                case Step.VariableOperation op when op.isCollect() -> {
                    return true;
                }
                case Step.SystemMessage m when "EndChat".equals(m.messageType())
                        || "Transfer".equals(m.messageType()) -> {
                    return true;
                }
                case Step.Navigation n -> {
                    if ("TransferToAgent".equals(n.navigationType())) {
                        return true;
                    }
                    List<NavigationLink> targets = n.links().stream().filter(l -> l.targetDialog() != null).toList();
                    if ("Redirect".equals(n.navigationType())) {
                        if (n.links().size() == 1 && targets.size() == 1) {
                            out.add(targets.getFirst());
                            return true;
                        }
                        if (n.links().size() > 1) {
                            return true; // a menu waits for a choice
                        }
                    } else if ("Call".equals(n.navigationType()) && n.links().size() == 1 && targets.size() == 1) {
                        out.add(targets.getFirst());
                    }
                }
                case Step.Group g -> {
                    if (g.conditions().isEmpty()) {
                        if (passThrough(g.steps(), out)) {
                            return true;
                        }
                    }
                    // conditional groups may not run: neither their jumps nor their waits are certain
                }
                default -> {
                    // messages, Set/Unset, actions and lookups do not stop the turn
                }
            }
        }
        return false;
    }

    private static Location or(Location preferred, Location fallback) {
        return preferred != null ? preferred : fallback;
    }

    private void report(Location at, String code, Severity severity, String message) {
        out.add(Diagnostic.at(at, code, severity, message));
    }
}
