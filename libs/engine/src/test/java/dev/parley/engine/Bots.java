package dev.parley.engine;

import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.BotDefinition;
import dev.parley.botmodel.BotNavigation;
import dev.parley.botmodel.BotVersionDefinition;
import dev.parley.botmodel.Condition;
import dev.parley.botmodel.DialogDefinition;
import dev.parley.botmodel.IntentDefinition;
import dev.parley.botmodel.Invocation;
import dev.parley.botmodel.LookupCondition;
import dev.parley.botmodel.NavigationLink;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.SlotClassDefinition;
import dev.parley.botmodel.Step;
import dev.parley.botmodel.SystemDialog;
import dev.parley.botmodel.VariableDefinition;
import dev.parley.botmodel.VariableOperand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds bot models in code for unit tests: {@code Bots.bot("B").variable("Age", "Number").dialog(...).compile()}. */
final class Bots {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final String name;
    private final List<VariableDefinition> context = new ArrayList<>();
    private final List<VariableDefinition> variables = new ArrayList<>();
    private final List<DialogDefinition> dialogs = new ArrayList<>();
    private final List<SystemDialog> systemDialogs = new ArrayList<>();
    private final List<IntentDefinition> intents = new ArrayList<>();
    private final List<SlotClassDefinition> slotClasses = new ArrayList<>();
    private String entry;
    private Integer delay;

    private Bots(String name) {
        this.name = name;
    }

    static Bots bot(String name) {
        return new Bots(name);
    }

    Bots context(String variable, String dataType) {
        context.add(new VariableDefinition(variable, variable, dataType, null, null));
        return this;
    }

    Bots variable(String variable, String dataType) {
        variables.add(new VariableDefinition(variable, variable, dataType, null, null));
        return this;
    }

    Bots list(String variable, String dataType) {
        variables.add(new VariableDefinition(variable, variable, dataType, "List", null));
        return this;
    }

    /** A dialog labelled like its name with spaces for underscores. */
    Bots dialog(String developerName, Step... steps) {
        return dialog(developerName, developerName.replace('_', ' '), List.of(), steps);
    }

    /** A dialog with an intent of the same name holding these utterances. */
    Bots dialog(String developerName, String label, List<String> utterances, Step... steps) {
        String intent = null;
        if (!utterances.isEmpty()) {
            intent = developerName;
            intents.add(new IntentDefinition(intent, label, null, utterances, List.of(), null));
        }
        dialogs.add(new DialogDefinition(developerName, label, null, false, null, false, intent, utterances,
                Arrays.asList(steps), null));
        if (entry == null) {
            entry = developerName;
        }
        return this;
    }

    Bots system(String type, String dialog) {
        systemDialogs.add(new SystemDialog(type, dialog, null));
        return this;
    }

    Bots slotClass(SlotClassDefinition slot) {
        slotClasses.add(slot);
        return this;
    }

    Bots entry(String dialog) {
        entry = dialog;
        return this;
    }

    Bots delay(int ms) {
        delay = ms;
        return this;
    }

    BotDefinition definition() {
        BotVersionDefinition version = new BotVersionDefinition("v1", entry, null, delay, variables, dialogs,
                systemDialogs, List.of(), null, null, null, null, null, null);
        return new BotDefinition(name, name, null, context, List.of(version), intents, slotClasses, null, null, null,
                null);
    }

    Program compile() {
        return BotCompiler.compile(definition(), null);
    }

    // ---- steps ----------------------------------------------------------------------------------------------------

    private static String id(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    static Step.Message message(String... texts) {
        return new Step.Message(id("message"), List.of(texts), null);
    }

    static Step.Wait waitStep() {
        return new Step.Wait(id("wait"), null);
    }

    static Step.Navigation redirect(String... targets) {
        return navigation("Redirect", targets);
    }

    static Step.Navigation call(String target) {
        return navigation("Call", target);
    }

    static Step.Navigation transferToAgent() {
        return new Step.Navigation(id("transfer"), "TransferToAgent", List.of(), null);
    }

    static Step.Navigation navigation(String type, String... targets) {
        List<NavigationLink> links = new ArrayList<>();
        for (String t : targets) {
            links.add(new NavigationLink(null, t, null));
        }
        return new Step.Navigation(id("nav"), type, links, null);
    }

    static Step.Navigation menu(NavigationLink... links) {
        return new Step.Navigation(id("menu"), "Redirect", List.of(links), null);
    }

    static NavigationLink link(String label, String target) {
        return new NavigationLink(label, target, null);
    }

    static NavigationLink variableLink(String variable) {
        return new NavigationLink(null, null, variable, "ConversationVariable", null);
    }

    static Step.Group group(String logic, List<Condition> conditions, Step... steps) {
        return new Step.Group(id("group"), logic, conditions, List.of(steps), null);
    }

    static Step.Group when(Condition condition, Step... steps) {
        return group("And", List.of(condition), steps);
    }

    static Condition condition(String variable, String operator, String value) {
        return new Condition(variable, "ConversationVariable", operator, value);
    }

    static Step.VariableOperation set(String target, String literal) {
        return new Step.VariableOperation(id("set"), "Set",
                List.of(new VariableOperand(null, "Value", literal, target, "ConversationVariable")), List.of(),
                false, false, null, List.of(), null);
    }

    static Step.VariableOperation copy(String target, String source) {
        return new Step.VariableOperation(id("set"), "Set",
                List.of(new VariableOperand(source, "ConversationVariable", null, target, "ConversationVariable")),
                List.of(), false, false, null, List.of(), null);
    }

    static Step.VariableOperation unset(String target) {
        return new Step.VariableOperation(id("unset"), "Unset",
                List.of(new VariableOperand(null, null, null, target, "ConversationVariable")), List.of(), false,
                false, null, List.of(), null);
    }

    static Step.VariableOperation setByAction(Invocation invocation) {
        return new Step.VariableOperation(id("action"), "Set", List.of(), List.of(), false, false, invocation,
                List.of(), null);
    }

    static Step.SystemMessage endChat() {
        return new Step.SystemMessage(id("end"), "EndChat", null, null);
    }

    static Step.SystemMessage transfer(String variable) {
        return new Step.SystemMessage(id("transfer"), "Transfer", variable, null);
    }

    static Step.Action action(String type, String name, Invocation.Mapping... mappings) {
        return new Step.Action(id("action"), invocation(type, name, mappings), null);
    }

    static Invocation invocation(String type, String name, Invocation.Mapping... mappings) {
        return new Invocation(name, type, List.of(mappings));
    }

    static Invocation.Mapping in(String parameter, String variable) {
        return new Invocation.Mapping(parameter, "Input", variable);
    }

    static Invocation.Mapping literal(String parameter, String value) {
        return new Invocation.Mapping(parameter, "Input", null, null, value, null);
    }

    static Invocation.Mapping out(String parameter, String variable) {
        return new Invocation.Mapping(parameter, "Output", variable);
    }

    static Step.RecordLookup lookup(String sObject, String target, List<String> fields,
            LookupCondition... conditions) {
        return new Step.RecordLookup(id("lookup"), sObject, fields, List.of(conditions), "And", 3, null, null, null,
                null, target, null);
    }

    static Collect collect(String target, String entity) {
        return new Collect(target, entity);
    }

    /** A Collect step under construction. */
    static final class Collect {
        private final String target;
        private final String entity;
        private final List<String> prompts = new ArrayList<>();
        private final List<String> retries = new ArrayList<>();
        private final List<String> quickReplies = new ArrayList<>();
        private String quickReplyType;
        private String widget;
        private String template;
        private String source;
        private boolean optional;
        private boolean askIfSet;
        private boolean ignoreIntents;
        private boolean autoSelect;
        private Boolean disableAutoFill;
        private Invocation invocation;
        private BotNavigation invalidNavigation;

        private Collect(String target, String entity) {
            this.target = target;
            this.entity = entity;
        }

        Collect prompt(String... texts) {
            prompts.addAll(List.of(texts));
            return this;
        }

        Collect retry(String... texts) {
            retries.addAll(List.of(texts));
            return this;
        }

        Collect options(String... literals) {
            quickReplies.addAll(List.of(literals));
            quickReplyType = "Static";
            return this;
        }

        Collect dynamic(String sourceVariable, String optionTemplate) {
            quickReplyType = "Dynamic";
            source = sourceVariable;
            template = optionTemplate;
            return this;
        }

        Collect widget(String type) {
            widget = type;
            return this;
        }

        Collect optional() {
            optional = true;
            return this;
        }

        Collect askIfSet() {
            askIfSet = true;
            return this;
        }

        Collect ignoreIntents() {
            ignoreIntents = true;
            return this;
        }

        Collect autoSelect() {
            autoSelect = true;
            return this;
        }

        Collect autoFill(boolean on) {
            disableAutoFill = !on;
            return this;
        }

        Collect invocation(Invocation value) {
            invocation = value;
            return this;
        }

        Collect onInvalid(String navigationType, String target) {
            invalidNavigation = new BotNavigation(navigationType, List.of(new NavigationLink(null, target, null)),
                    null);
            return this;
        }

        Step.VariableOperation build() {
            String sourceType = entity == null ? null : entity.startsWith("_") ? "StandardMlSlotClass" : "MlSlotClass";
            VariableOperand operand = new VariableOperand(entity, sourceType, null, target, "ConversationVariable",
                    disableAutoFill, null);
            return new Step.VariableOperation(id("collect"), "Collect", List.of(operand), prompts, askIfSet,
                    optional, invocation, quickReplies, quickReplyType, widget, template, source,
                    source == null ? null : "ConversationVariable", retries, invalidNavigation, autoSelect,
                    ignoreIntents, null);
        }
    }
}
