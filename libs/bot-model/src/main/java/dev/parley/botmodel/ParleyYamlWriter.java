package dev.parley.botmodel;

import dev.parley.botmodel.ParleyYamlParser.Names;
import dev.parley.botmodel.YamlEmitter.Raw;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes a bot as Parley YAML. The output reads back with {@link ParleyYamlParser} to an equal model (locations
 * aside): the short forms are used wherever they read back the same, the long forms elsewhere.
 */
public final class ParleyYamlWriter {

    private final BotDefinition bot;
    private Names names;

    private ParleyYamlWriter(BotDefinition bot) {
        this.bot = bot;
    }

    /** The bot as one Parley YAML document. */
    public static String write(BotDefinition bot) {
        Objects.requireNonNull(bot, "bot");
        return YamlEmitter.render(new ParleyYamlWriter(bot).root(),
                "# Parley bot definition; format: docs/bot-authors/parley-yaml.md\n");
    }

    private Map<String, Object> root() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("parley", Raw.of(ParleyYamlParser.FORMAT_VERSION));
        root.put("name", bot.name());
        putLabel(root, bot.label(), bot.name());
        putIf(root, "description", bot.description());
        putRaw(root, "sessionTimeout", bot.sessionTimeout());
        putRaw(root, "logPrivateConversationData", bot.logPrivateConversationData());
        putRaw(root, "richContentEnabled", bot.richContentEnabled());
        if (!bot.contextVariables().isEmpty()) {
            root.put("contextVariables", variables(bot.contextVariables()));
        }
        boolean inline = inlineIntents();
        List<IntentDefinition> topIntents = inline ? List.of() : bot.intents();
        if (!topIntents.isEmpty()) {
            Map<String, Object> intents = new LinkedHashMap<>();
            for (IntentDefinition i : topIntents) {
                boolean simple = Objects.equals(i.label(), i.developerName()) && i.description() == null
                        && i.relatedIntents().isEmpty();
                if (simple) {
                    intents.put(i.developerName(), new ArrayList<Object>(i.utterances()));
                } else {
                    Map<String, Object> m = new LinkedHashMap<>();
                    putLabel(m, i.label(), i.developerName());
                    putIf(m, "description", i.description());
                    m.put("utterances", new ArrayList<Object>(i.utterances()));
                    if (!i.relatedIntents().isEmpty()) {
                        m.put("related", new ArrayList<Object>(i.relatedIntents()));
                    }
                    intents.put(i.developerName(), m);
                }
            }
            root.put("intents", intents);
        }
        if (!bot.slotClasses().isEmpty()) {
            Map<String, Object> entities = new LinkedHashMap<>();
            bot.slotClasses().forEach(s -> entities.put(s.developerName(), entity(s)));
            root.put("entities", entities);
        }
        if (bot.versions().size() == 1 && "v1".equals(bot.versions().getFirst().fullName())) {
            root.putAll(version(bot.versions().getFirst(), inline));
        } else if (bot.versions().size() == 1) {
            root.put("version", bot.versions().getFirst().fullName());
            root.putAll(version(bot.versions().getFirst(), inline));
        } else {
            Map<String, Object> versions = new LinkedHashMap<>();
            bot.versions().forEach(v -> versions.put(v.fullName(), version(v, false)));
            root.put("versions", versions);
        }
        return root;
    }

    /**
     * Whether every intent can be written inside the one dialog that uses it: one version, each intent used by
     * exactly one dialog, in dialog order, with the dialog's label and nothing else.
     */
    private boolean inlineIntents() {
        if (bot.intents().isEmpty() || bot.versions().size() != 1) {
            return false;
        }
        List<DialogDefinition> users = new ArrayList<>();
        for (DialogDefinition d : bot.versions().getFirst().dialogs()) {
            if (d.mlIntent() != null) {
                users.add(d);
            }
        }
        if (users.size() != bot.intents().size()) {
            return false;
        }
        for (int i = 0; i < users.size(); i++) {
            IntentDefinition intent = bot.intents().get(i);
            DialogDefinition d = users.get(i);
            if (!intent.developerName().equals(d.mlIntent()) || !Objects.equals(intent.label(), d.label())
                    || intent.description() != null || !intent.relatedIntents().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Object> entity(SlotClassDefinition s) {
        Map<String, Object> m = new LinkedHashMap<>();
        putLabel(m, s.label(), s.developerName());
        putIf(m, "description", s.description());
        if (!"Text".equals(s.dataType())) {
            m.put("type", s.dataType() == null ? Raw.NULL : s.dataType());
        }
        String inferred = s.extractionRegex() != null ? "Pattern" : !s.values().isEmpty() ? "Value" : null;
        if (!Objects.equals(inferred, s.extractionType())) {
            m.put("extraction", s.extractionType() == null ? Raw.NULL : s.extractionType());
        }
        putIf(m, "pattern", s.extractionRegex());
        if (!s.values().isEmpty()) {
            Set<String> distinct = s.values().stream().map(SlotClassDefinition.SlotValue::value)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            if (distinct.size() == s.values().size()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (SlotClassDefinition.SlotValue v : s.values()) {
                    if (v.languages().isEmpty()) {
                        values.put(v.value(), new ArrayList<Object>(v.synonyms()));
                    } else {
                        Map<String, Object> vm = new LinkedHashMap<>();
                        vm.put("synonyms", new ArrayList<Object>(v.synonyms()));
                        vm.put("languages", new ArrayList<Object>(v.languages()));
                        values.put(v.value(), vm);
                    }
                }
                m.put("values", values);
            } else {
                List<Object> values = new ArrayList<>();
                for (SlotClassDefinition.SlotValue v : s.values()) {
                    Map<String, Object> vm = new LinkedHashMap<>();
                    vm.put("value", v.value() == null ? Raw.NULL : v.value());
                    vm.put("synonyms", new ArrayList<Object>(v.synonyms()));
                    vm.put("languages", new ArrayList<Object>(v.languages()));
                    values.add(vm);
                }
                m.put("values", values);
            }
        }
        return m;
    }

    private Map<String, Object> variables(List<VariableDefinition> variables) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (VariableDefinition v : variables) {
            boolean simple = v.dataType() != null && Objects.equals(v.label(), v.developerName())
                    && v.description() == null && v.collectionType() == null && v.sObjectType() == null
                    && v.visibility() == null && v.mappings().isEmpty();
            if (simple) {
                out.put(v.developerName(), v.dataType());
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            if (!"Text".equals(v.dataType())) {
                m.put("type", v.dataType() == null ? Raw.NULL : v.dataType());
            }
            putLabel(m, v.label(), v.developerName());
            if ("List".equals(v.collectionType())) {
                m.put("list", Raw.of(true));
            } else if (v.collectionType() != null) {
                m.put("collectionType", v.collectionType());
            }
            putIf(m, "description", v.description());
            putIf(m, "sObjectType", v.sObjectType());
            putIf(m, "visibility", v.visibility());
            if (!v.mappings().isEmpty()) {
                List<Object> mappings = new ArrayList<>();
                for (ContextVariableMapping cm : v.mappings()) {
                    Map<String, Object> mm = new LinkedHashMap<>();
                    putIf(mm, "sObjectType", cm.sObjectType());
                    putIf(mm, "field", cm.fieldName());
                    putIf(mm, "channel", cm.messageType());
                    mappings.add(mm);
                }
                m.put("mappings", mappings);
            }
            out.put(v.developerName(), m);
        }
        return out;
    }

    private Map<String, Object> version(BotVersionDefinition v, boolean inlineIntents) {
        names = new Names(names(bot.contextVariables()), names(v.conversationVariables()),
                bot.slotClasses().stream().map(SlotClassDefinition::developerName).collect(Collectors.toSet()));
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "entry", v.entryDialog());
        putIf(m, "mainMenu", v.mainMenuDialog());
        putRaw(m, "responseDelay", v.responseDelayMilliseconds());
        putRaw(m, "intentThreshold", v.intentThreshold());
        putRaw(m, "intentDisambiguation", v.intentDisambiguationEnabled());
        putIf(m, "language", v.language());
        if (!v.conversationSystemDialogs().isEmpty()) {
            Set<String> types = new HashSet<>();
            boolean unique = v.conversationSystemDialogs().stream()
                    .allMatch(s -> s.type() != null && s.dialog() != null && types.add(s.type()));
            if (unique) {
                Map<String, Object> sys = new LinkedHashMap<>();
                v.conversationSystemDialogs().forEach(s -> sys.put(s.type(), s.dialog()));
                m.put("systemDialogs", sys);
            } else {
                List<Object> sys = new ArrayList<>();
                for (SystemDialog s : v.conversationSystemDialogs()) {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("type", s.type() == null ? Raw.NULL : s.type());
                    sm.put("dialog", s.dialog() == null ? Raw.NULL : s.dialog());
                    sys.add(sm);
                }
                m.put("systemDialogs", sys);
            }
        }
        if (!v.conversationVariables().isEmpty()) {
            m.put("variables", variables(v.conversationVariables()));
        }
        if (!v.dialogGroups().isEmpty()) {
            Map<String, Object> groups = new LinkedHashMap<>();
            for (DialogGroup g : v.dialogGroups()) {
                if (g.description() == null && g.label() != null) {
                    groups.put(g.developerName(), g.label());
                } else {
                    Map<String, Object> gm = new LinkedHashMap<>();
                    putLabel(gm, g.label(), g.developerName());
                    putIf(gm, "description", g.description());
                    groups.put(g.developerName(), gm);
                }
            }
            m.put("dialogGroups", groups);
        }
        Map<String, Object> dialogs = new LinkedHashMap<>();
        for (DialogDefinition d : v.dialogs()) {
            dialogs.put(d.developerName(), dialog(d, inlineIntents));
        }
        m.put("dialogs", dialogs);
        return m;
    }

    private static Set<String> names(List<VariableDefinition> variables) {
        return variables.stream().map(VariableDefinition::developerName).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private Object dialog(DialogDefinition d, boolean inlineIntents) {
        List<Object> steps = steps(d.steps(), d.developerName(), "");
        boolean simple = Objects.equals(d.label(), d.developerName()) && d.description() == null && !d.placeholder()
                && d.botDialogGroup() == null && !d.showInFooterMenu() && d.mlIntent() == null
                && d.mlIntentTrainingEnabled() == null;
        if (simple) {
            return steps;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        putLabel(m, d.label(), d.developerName());
        putIf(m, "description", d.description());
        putIf(m, "group", d.botDialogGroup());
        if (d.showInFooterMenu()) {
            m.put("footer", Raw.of(true));
        }
        if (d.placeholder()) {
            m.put("placeholder", Raw.of(true));
        }
        if (d.mlIntent() != null) {
            if (inlineIntents) {
                if (!d.mlIntent().equals(d.developerName())) {
                    m.put("intent", d.mlIntent());
                }
                List<String> utterances = bot.intent(d.mlIntent()).map(IntentDefinition::utterances)
                        .orElse(List.of());
                m.put("utterances", new ArrayList<Object>(utterances));
            } else {
                m.put("intent", d.mlIntent());
            }
        }
        putRaw(m, "training", d.mlIntentTrainingEnabled());
        m.put("steps", steps);
        return m;
    }

    private List<Object> steps(List<Step> steps, String dialog, String prefix) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        for (Step step : steps) {
            String path = prefix.isEmpty() ? String.valueOf(i) : prefix + "." + i;
            i++;
            out.add(step(step, dialog, path));
        }
        return out;
    }

    private Object step(Step step, String dialog, String path) {
        boolean syntheticId = Objects.equals(step.id(), SalesforceMetadataParser.syntheticStepId(dialog, path));
        Map<String, Object> m = new LinkedHashMap<>();
        switch (step) {
            case Step.Message msg -> m.put("message", msg.messages().size() == 1 ? msg.messages().getFirst()
                    : new ArrayList<Object>(msg.messages()));
            case Step.Wait w -> {
                if (syntheticId) {
                    return "wait";
                }
                m.put("wait", Raw.NULL);
            }
            case Step.Navigation nav -> {
                Object scalar = navigation(nav.navigationType(), nav.links(), m);
                if (scalar != null) {
                    if (syntheticId) {
                        return scalar;
                    }
                    m.put((String) scalar, Raw.NULL);
                }
            }
            case Step.Group g -> group(g, dialog, path, m);
            case Step.VariableOperation op -> variableOperation(op, m);
            case Step.SystemMessage s -> {
                if ("EndChat".equals(s.messageType()) && s.transferVariable() == null) {
                    if (syntheticId) {
                        return "endChat";
                    }
                    m.put("endChat", Raw.NULL);
                } else if ("Transfer".equals(s.messageType())) {
                    if (s.transferVariable() == null) {
                        if (syntheticId) {
                            return "transfer";
                        }
                        m.put("transfer", Raw.NULL);
                    } else {
                        m.put("transfer", new LinkedHashMap<String, Object>(Map.of("variable", s.transferVariable())));
                    }
                } else {
                    Map<String, Object> sm = new LinkedHashMap<>();
                    sm.put("type", s.messageType());
                    putIf(sm, "transferVariable", s.transferVariable());
                    m.put("systemMessage", sm);
                }
            }
            case Step.Action a -> m.put("action", invocation(a.invocation()));
            case Step.RecordLookup r -> m.put("lookup", lookup(r));
            case Step.Unsupported u -> {
                Map<String, Object> um = new LinkedHashMap<>();
                um.put("type", u.type());
                m.put("unsupported", um);
            }
        }
        if (!syntheticId) {
            m.put("id", step.id() == null ? Raw.NULL : step.id());
        }
        return m;
    }

    /**
     * Puts the navigation's key into {@code m}, or returns the bare step word ({@code transferToAgent}) when the
     * navigation has no other content.
     */
    private Object navigation(String type, List<NavigationLink> links, Map<String, Object> m) {
        boolean allPlain = links.stream().allMatch(this::plainLink);
        if ("Redirect".equals(type) && links.size() == 1 && links.getFirst().label() == null
                && (plainLink(links.getFirst()) || links.getFirst().targetDialog() == null)) {
            m.put("redirect", link(links.getFirst()));
        } else if ("Redirect".equals(type) && links.size() > 1) {
            m.put("menu", links.stream().map(this::link).toList());
        } else if ("Call".equals(type) && links.size() == 1 && allPlain) {
            m.put("call", link(links.getFirst()));
        } else if ("Call".equals(type) && links.size() > 1) {
            m.put("call", links.stream().map(this::link).toList());
        } else if ("TransferToAgent".equals(type) && links.isEmpty()) {
            return "transferToAgent";
        } else {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("type", type == null ? Raw.NULL : type);
            nm.put("links", links.stream().map(this::link).toList());
            m.put("navigate", nm);
        }
        return null;
    }

    private boolean plainLink(NavigationLink l) {
        return l.label() == null && l.targetDialog() != null && l.targetVariable() == null
                && l.targetVariableType() == null;
    }

    private Object link(NavigationLink l) {
        if (plainLink(l)) {
            return l.targetDialog();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "dialog", l.targetDialog());
        putIf(m, "label", l.label());
        putIf(m, "variable", l.targetVariable());
        String inferred = l.targetVariable() == null ? null : names.variableType(l.targetVariable());
        if (!Objects.equals(inferred, l.targetVariableType())) {
            m.put("variableType", l.targetVariableType() == null ? Raw.NULL : l.targetVariableType());
        }
        return m;
    }

    private void group(Step.Group g, String dialog, String path, Map<String, Object> m) {
        String inferred;
        if (g.conditions().isEmpty()) {
            inferred = null;
            m.put("group", steps(g.steps(), dialog, path));
        } else {
            if (g.conditions().size() == 1 && g.conditionLogicType() == null) {
                m.put("if", condition(g.conditions().getFirst()));
                inferred = null;
            } else {
                boolean any = "Or".equals(g.conditionLogicType());
                m.put("if", new LinkedHashMap<String, Object>(Map.of(any ? "any" : "all",
                        g.conditions().stream().map(this::condition).toList())));
                inferred = any ? "Or" : "And";
            }
            m.put("then", steps(g.steps(), dialog, path));
        }
        if (!Objects.equals(inferred, g.conditionLogicType())) {
            m.put("logic", g.conditionLogicType() == null ? Raw.NULL : g.conditionLogicType());
        }
    }

    private Object condition(Condition c) {
        String symbol = null;
        for (Map.Entry<String, String> e : ParleyYamlParser.OPERATORS.entrySet()) {
            if (e.getValue().equals(c.operatorType())) {
                symbol = e.getKey();
            }
        }
        String name = c.leftOperandName();
        boolean nameOk = name != null && !name.isEmpty() && name.chars().noneMatch(Character::isWhitespace);
        boolean typeOk = Objects.equals(c.leftOperandType(), names.variableType(name));
        if (symbol != null && nameOk && typeOk) {
            boolean unary = c.operatorType().startsWith("Is");
            String v = c.rightOperandValue();
            if (unary && v == null) {
                return name + " " + symbol;
            }
            if (!unary && v != null && !v.isEmpty() && v.equals(v.strip()) && !startsOrEndsWithQuote(v)) {
                return name + " " + symbol + " " + v;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variable", name == null ? Raw.NULL : name);
        if (!typeOk) {
            m.put("variableType", c.leftOperandType() == null ? Raw.NULL : c.leftOperandType());
        }
        m.put("operator", c.operatorType() == null ? Raw.NULL : c.operatorType());
        if (c.rightOperandValue() != null) {
            m.put("value", c.rightOperandValue());
        }
        return m;
    }

    private static boolean startsOrEndsWithQuote(String v) {
        return v.startsWith("'") || v.startsWith("\"") || v.endsWith("'") || v.endsWith("\"");
    }

    private void variableOperation(Step.VariableOperation op, Map<String, Object> m) {
        boolean bare = op.prompts().isEmpty() && op.retryMessages().isEmpty() && op.quickReplies().isEmpty()
                && op.quickReplyType() == null && op.quickReplyWidgetType() == null
                && op.quickReplyOptionTemplate() == null && op.sourceVariableName() == null
                && op.sourceVariableType() == null && op.invalidInputNavigation() == null && !op.askCollectIfSet()
                && !op.optionalCollect() && !op.autoSelectIfSingleChoice() && !op.ignoreIntentRecognition();
        if ("Set".equals(op.operationType()) && bare) {
            boolean shorthand = op.invocation() == null && op.operands().stream().allMatch(this::literalOperand)
                    && op.operands().stream().map(VariableOperand::targetName).distinct().count()
                            == op.operands().size()
                    && op.operands().stream().noneMatch(o -> o.targetName().equals("operands")
                            || o.targetName().equals("action"));
            Map<String, Object> s = new LinkedHashMap<>();
            if (shorthand) {
                op.operands().forEach(o -> s.put(o.targetName(), o.sourceValue() == null ? Raw.NULL
                        : o.sourceValue()));
            } else {
                if (!op.operands().isEmpty() || op.invocation() == null) {
                    s.put("operands", op.operands().stream().map(this::operand).toList());
                }
                if (op.invocation() != null) {
                    s.put("action", invocation(op.invocation()));
                }
            }
            m.put("set", s);
            return;
        }
        if ("Unset".equals(op.operationType()) && bare && op.invocation() == null) {
            m.put("unset", op.operands().stream().map(o -> nameOnly(o) ? (Object) o.targetName() : operand(o))
                    .toList());
            return;
        }
        Map<String, Object> c = new LinkedHashMap<>();
        String key;
        if ("Collect".equals(op.operationType())) {
            key = "collect";
        } else {
            key = "variables";
            c.put("operation", op.operationType());
        }
        if (op.operands().size() == 1 && op.operands().getFirst().targetName() != null) {
            VariableOperand o = op.operands().getFirst();
            c.put("variable", o.targetName());
            if (!Objects.equals(o.targetType(), names.variableType(o.targetName()))) {
                c.put("variableType", o.targetType() == null ? Raw.NULL : o.targetType());
            }
            putIf(c, "entity", o.sourceName());
            if (!Objects.equals(o.sourceType(), names.sourceType(o.sourceName(), o.sourceValue()))) {
                c.put("entityType", o.sourceType() == null ? Raw.NULL : o.sourceType());
            }
            putIf(c, "value", o.sourceValue());
            putRaw(c, "disableAutoFill", o.disableAutoFill());
        } else {
            c.put("operands", op.operands().stream().map(this::operand).toList());
        }
        if (!op.prompts().isEmpty()) {
            c.put("prompt", op.prompts().size() == 1 ? op.prompts().getFirst()
                    : new ArrayList<Object>(op.prompts()));
        }
        if (!op.retryMessages().isEmpty()) {
            c.put("retry", op.retryMessages().size() == 1 ? op.retryMessages().getFirst()
                    : new ArrayList<Object>(op.retryMessages()));
        }
        boolean writeChoices = !op.quickReplies().isEmpty() || "Static".equals(op.quickReplyType());
        if (writeChoices) {
            c.put("choices", new ArrayList<Object>(op.quickReplies()));
        }
        String inferredType = writeChoices ? "Static" : op.sourceVariableName() != null ? "Dynamic" : null;
        if (!Objects.equals(inferredType, op.quickReplyType())) {
            c.put("quickReplyType", op.quickReplyType() == null ? Raw.NULL : op.quickReplyType());
        }
        if (op.quickReplyWidgetType() != null) {
            c.put("widget", switch (op.quickReplyWidgetType()) {
                case "Buttons" -> "buttons";
                case "Menu" -> "menu";
                default -> op.quickReplyWidgetType();
            });
        }
        putIf(c, "from", op.sourceVariableName());
        String inferredFrom = op.sourceVariableName() == null ? null : names.variableType(op.sourceVariableName());
        if (!Objects.equals(inferredFrom, op.sourceVariableType())) {
            c.put("fromType", op.sourceVariableType() == null ? Raw.NULL : op.sourceVariableType());
        }
        putIf(c, "template", op.quickReplyOptionTemplate());
        if (op.invocation() != null) {
            c.put("action", invocation(op.invocation()));
        }
        if (op.invalidInputNavigation() != null) {
            BotNavigation n = op.invalidInputNavigation();
            Map<String, Object> nm = new LinkedHashMap<>();
            Object bareWord = navigation(n.navigationType(), n.links(), nm);
            c.put("invalidInput", bareWord != null ? bareWord : nm);
        }
        if (op.optionalCollect()) {
            c.put("optional", Raw.of(true));
        }
        if (op.askCollectIfSet()) {
            c.put("askIfSet", Raw.of(true));
        }
        if (op.autoSelectIfSingleChoice()) {
            c.put("autoSelect", Raw.of(true));
        }
        if (op.ignoreIntentRecognition()) {
            c.put("ignoreIntents", Raw.of(true));
        }
        m.put(key, c);
    }

    private boolean literalOperand(VariableOperand o) {
        return o.targetName() != null && o.sourceName() == null && o.disableAutoFill() == null
                && Objects.equals(o.sourceType(), names.sourceType(null, o.sourceValue()))
                && Objects.equals(o.targetType(), names.variableType(o.targetName()));
    }

    private boolean nameOnly(VariableOperand o) {
        return o.targetName() != null && o.sourceName() == null && o.sourceType() == null && o.sourceValue() == null
                && o.disableAutoFill() == null && Objects.equals(o.targetType(), names.variableType(o.targetName()));
    }

    private Map<String, Object> operand(VariableOperand o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", o.targetName() == null ? Raw.NULL : o.targetName());
        if (!Objects.equals(o.targetType(), names.variableType(o.targetName()))) {
            m.put("targetType", o.targetType() == null ? Raw.NULL : o.targetType());
        }
        putIf(m, "source", o.sourceName());
        if (!Objects.equals(o.sourceType(), names.sourceType(o.sourceName(), o.sourceValue()))) {
            m.put("sourceType", o.sourceType() == null ? Raw.NULL : o.sourceType());
        }
        putIf(m, "value", o.sourceValue());
        putRaw(m, "disableAutoFill", o.disableAutoFill());
        return m;
    }

    private Map<String, Object> invocation(Invocation inv) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "name", inv.actionName());
        putIf(m, "type", inv.actionType());
        if (groupedMappings(inv.mappings())) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            Map<String, Object> outputs = new LinkedHashMap<>();
            for (Invocation.Mapping mp : inv.mappings()) {
                (mp.direction().equals("Input") ? inputs : outputs).put(mp.parameterName(), parameter(mp));
            }
            if (!inputs.isEmpty()) {
                m.put("inputs", inputs);
            }
            if (!outputs.isEmpty()) {
                m.put("outputs", outputs);
            }
        } else {
            List<Object> list = new ArrayList<>();
            for (Invocation.Mapping mp : inv.mappings()) {
                Map<String, Object> mm = new LinkedHashMap<>();
                mm.put("parameter", mp.parameterName() == null ? Raw.NULL : mp.parameterName());
                mm.put("direction", mp.direction() == null ? Raw.NULL : mp.direction());
                putVariable(mm, mp);
                list.add(mm);
            }
            m.put("mappings", list);
        }
        return m;
    }

    /** Whether mappings can be written as {@code inputs} then {@code outputs} maps and read back in order. */
    private static boolean groupedMappings(List<Invocation.Mapping> mappings) {
        boolean outputSeen = false;
        Set<String> inputs = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        for (Invocation.Mapping m : mappings) {
            if (m.parameterName() == null || m.direction() == null) {
                return false;
            }
            if (m.direction().equals("Input")) {
                if (outputSeen || !inputs.add(m.parameterName())) {
                    return false;
                }
            } else if (m.direction().equals("Output")) {
                outputSeen = true;
                if (!outputs.add(m.parameterName())) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private Object parameter(Invocation.Mapping mp) {
        if (mp.variableName() != null && mp.value() == null
                && Objects.equals(mp.variableType(), names.variableType(mp.variableName()))) {
            return mp.variableName();
        }
        if (mp.variableName() == null && mp.value() == null && mp.variableType() == null) {
            return Raw.NULL;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        putVariable(m, mp);
        return m;
    }

    private void putVariable(Map<String, Object> m, Invocation.Mapping mp) {
        putIf(m, "variable", mp.variableName());
        if (!Objects.equals(mp.variableType(), names.variableType(mp.variableName()))) {
            m.put("variableType", mp.variableType() == null ? Raw.NULL : mp.variableType());
        }
        putIf(m, "value", mp.value());
    }

    private Map<String, Object> lookup(Step.RecordLookup r) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "object", r.sObjectType());
        if (!r.lookupFields().isEmpty()) {
            m.put("fields", new ArrayList<Object>(r.lookupFields()));
        }
        if (!r.conditions().isEmpty()) {
            List<Object> where = new ArrayList<>();
            for (LookupCondition c : r.conditions()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                putIf(cm, "field", c.leftOperand());
                putIf(cm, "operator", c.operatorType());
                putIf(cm, "variable", c.rightOperandName());
                putIf(cm, "variableType", c.rightOperandType());
                putIf(cm, "value", c.rightOperandValue());
                putRaw(cm, "order", c.sortOrder());
                where.add(cm);
            }
            m.put("where", where);
        }
        putIf(m, "filterLogic", r.filterLogic());
        putRaw(m, "max", r.maxLookupResults());
        putIf(m, "sortBy", r.sortFieldName());
        putIf(m, "sortOrder", r.sortOrder());
        putIf(m, "source", r.sourceVariableName());
        putIf(m, "sourceType", r.sourceVariableType());
        putIf(m, "into", r.targetVariableName());
        return m;
    }

    private static void putLabel(Map<String, Object> m, String label, String name) {
        if (!Objects.equals(label, name)) {
            m.put("label", label == null ? Raw.NULL : label);
        }
    }

    private static void putIf(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void putRaw(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, Raw.of(value));
        }
    }
}
