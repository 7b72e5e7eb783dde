package dev.parley.botmodel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a bot as Salesforce metadata XML, in SFDX source form ({@code bots/X/X.bot-meta.xml} plus one
 * {@code bots/X/vN.botVersion-meta.xml} per version) or Metadata API form ({@code bots/X.bot} with inline
 * {@code botVersions}). Elements come in the alphabetical order Salesforce itself writes; the output reads back with
 * {@link SalesforceMetadataParser} to an equal model (locations aside).
 */
public final class SalesforceMetadataWriter {

    private static final String NS = "http://soap.sforce.com/2006/04/metadata";

    private final StringBuilder out = new StringBuilder();
    private int depth;

    private SalesforceMetadataWriter() {
    }

    /** The SFDX source form: the Bot file first, then one BotVersion file per version. */
    public static List<SourceFile> writeSfdx(BotDefinition bot) {
        Objects.requireNonNull(bot, "bot");
        List<SourceFile> files = new ArrayList<>();
        String dir = "bots/" + bot.name() + "/";
        SalesforceMetadataWriter w = new SalesforceMetadataWriter();
        w.bot(bot, false);
        files.add(new SourceFile(dir + bot.name() + ".bot-meta.xml", w.bytes()));
        for (BotVersionDefinition v : bot.versions()) {
            SalesforceMetadataWriter vw = new SalesforceMetadataWriter();
            vw.header();
            vw.open("BotVersion xmlns=\"" + NS + "\"");
            vw.versionBody(v);
            vw.close("BotVersion");
            files.add(new SourceFile(dir + v.fullName() + ".botVersion-meta.xml", vw.bytes()));
        }
        return files;
    }

    /** The Metadata API form: one {@code .bot} file with its versions inline. */
    public static SourceFile writeMetadataApi(BotDefinition bot) {
        Objects.requireNonNull(bot, "bot");
        SalesforceMetadataWriter w = new SalesforceMetadataWriter();
        w.bot(bot, true);
        return new SourceFile("bots/" + bot.name() + ".bot", w.bytes());
    }

    private byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void header() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    private void bot(BotDefinition bot, boolean inlineVersions) {
        header();
        open("Bot xmlns=\"" + NS + "\"");
        open("botMlDomain");
        text("label", bot.label() == null ? bot.name() : bot.label());
        for (IntentDefinition i : bot.intents()) {
            open("mlIntents");
            text("description", i.description());
            text("developerName", i.developerName());
            text("label", i.label());
            for (String u : i.utterances()) {
                open("mlIntentUtterances");
                text("utterance", u);
                close("mlIntentUtterances");
            }
            for (String r : i.relatedIntents()) {
                open("relatedMlIntents");
                text("relatedMlIntent", r);
                close("relatedMlIntents");
            }
            close("mlIntents");
        }
        for (SlotClassDefinition s : bot.slotClasses()) {
            open("mlSlotClasses");
            text("dataType", s.dataType());
            text("description", s.description());
            text("developerName", s.developerName());
            text("extractionRegex", s.extractionRegex());
            text("extractionType", s.extractionType());
            text("label", s.label());
            for (SlotClassDefinition.SlotValue v : s.values()) {
                open("mlSlotClassValues");
                if (!v.synonyms().isEmpty() || !v.languages().isEmpty()) {
                    open("synonymGroup");
                    v.languages().forEach(l -> text("languages", l));
                    v.synonyms().forEach(t -> text("terms", t));
                    close("synonymGroup");
                }
                text("value", v.value());
                close("mlSlotClassValues");
            }
            close("mlSlotClasses");
        }
        text("name", bot.name());
        close("botMlDomain");
        if (inlineVersions) {
            for (BotVersionDefinition v : bot.versions()) {
                open("botVersions");
                versionBody(v);
                close("botVersions");
            }
        }
        bot.contextVariables().forEach(v -> variable("contextVariables", v));
        text("description", bot.description());
        text("label", bot.label());
        bool("logPrivateConversationData", bot.logPrivateConversationData());
        bool("richContentEnabled", bot.richContentEnabled());
        if (bot.sessionTimeout() != null) {
            text("sessionTimeout", String.valueOf(bot.sessionTimeout()));
        }
        close("Bot");
    }

    private void versionBody(BotVersionDefinition v) {
        text("fullName", v.fullName());
        for (DialogGroup g : v.dialogGroups()) {
            open("botDialogGroups");
            text("description", g.description());
            text("developerName", g.developerName());
            text("label", g.label());
            close("botDialogGroups");
        }
        v.dialogs().forEach(this::dialog);
        for (SystemDialog s : v.conversationSystemDialogs()) {
            open("conversationSystemDialogs");
            text("dialog", s.dialog());
            text("type", s.type());
            close("conversationSystemDialogs");
        }
        v.conversationVariables().forEach(c -> variable("conversationVariables", c));
        text("entryDialog", v.entryDialog());
        bool("intentDisambiguationEnabled", v.intentDisambiguationEnabled());
        if (v.intentThreshold() != null) {
            text("intentThreshold", String.valueOf(v.intentThreshold()));
        }
        text("mainMenuDialog", v.mainMenuDialog());
        if (v.language() != null) {
            open("nlpProviders");
            text("language", v.language());
            text("nlpProviderType", "EinsteinAi");
            close("nlpProviders");
        }
        if (v.responseDelayMilliseconds() != null) {
            text("responseDelayMilliseconds", String.valueOf(v.responseDelayMilliseconds()));
        }
    }

    private void variable(String element, VariableDefinition v) {
        open(element);
        text("SObjectType", v.sObjectType());
        text("collectionType", v.collectionType());
        for (ContextVariableMapping m : v.mappings()) {
            open("contextVariableMappings");
            text("SObjectType", m.sObjectType());
            text("fieldName", m.fieldName());
            text("messageType", m.messageType());
            close("contextVariableMappings");
        }
        text("dataType", v.dataType());
        text("description", v.description());
        text("developerName", v.developerName());
        text("label", v.label());
        text("visibility", v.visibility());
        close(element);
    }

    private void dialog(DialogDefinition d) {
        open("botDialogs");
        text("botDialogGroup", d.botDialogGroup());
        steps(d.steps(), d.developerName(), "");
        text("description", d.description());
        text("developerName", d.developerName());
        bool("isPlaceholderDialog", d.placeholder());
        text("label", d.label());
        text("mlIntent", d.mlIntent());
        bool("mlIntentTrainingEnabled", d.mlIntentTrainingEnabled());
        bool("showInFooterMenu", d.showInFooterMenu());
        close("botDialogs");
    }

    private void steps(List<Step> steps, String dialog, String prefix) {
        int i = 0;
        for (Step s : steps) {
            String path = prefix.isEmpty() ? String.valueOf(i) : prefix + "." + i;
            i++;
            open("botSteps");
            step(s, dialog, path);
            if (!Objects.equals(s.id(), SalesforceMetadataParser.syntheticStepId(dialog, path))) {
                text("stepIdentifier", s.id());
            }
            if (!"(none)".equals(s.type())) {
                text("type", s.type());
            }
            close("botSteps");
        }
    }

    /** The step's own elements (all sort before {@code stepIdentifier} and {@code type}). */
    private void step(Step step, String dialog, String path) {
        switch (step) {
            case Step.Message m -> messages("botMessages", m.messages());
            case Step.Navigation n -> navigation("botNavigation", n.navigationType(), n.links());
            case Step.Wait w -> {
                // a type only
            }
            case Step.Group g -> {
                for (Condition c : g.conditions()) {
                    open("botStepConditions");
                    text("leftOperandName", c.leftOperandName());
                    text("leftOperandType", c.leftOperandType());
                    text("operatorType", c.operatorType());
                    text("rightOperandValue", c.rightOperandValue());
                    close("botStepConditions");
                }
                steps(g.steps(), dialog, path);
                text("conditionLogicType", g.conditionLogicType());
            }
            case Step.VariableOperation op -> variableOperation(op);
            case Step.SystemMessage s -> {
                open("conversationSystemMessage");
                if (s.transferVariable() != null) {
                    open("systemMessageMappings");
                    text("mappingType", "Input");
                    text("parameterType", "Transfer");
                    text("variableName", s.transferVariable());
                    close("systemMessageMappings");
                }
                if (!"(none)".equals(s.messageType())) {
                    text("type", s.messageType());
                }
                close("conversationSystemMessage");
            }
            case Step.Action a -> invocation(a.invocation());
            case Step.RecordLookup r -> lookup(r);
            case Step.Unsupported u -> {
                // only its type survives: Parley never read its body
            }
        }
    }

    private void messages(String element, List<String> messages) {
        for (String m : messages) {
            open(element);
            text("message", m);
            close(element);
        }
    }

    private void navigation(String element, String type, List<NavigationLink> links) {
        open(element);
        for (NavigationLink l : links) {
            open("botNavigationLinks");
            text("label", l.label());
            text("targetBotDialog", l.targetDialog());
            text("targetVariable", l.targetVariable());
            text("targetVariableType", l.targetVariableType());
            close("botNavigationLinks");
        }
        text("type", type);
        close(element);
    }

    private void variableOperation(Step.VariableOperation op) {
        open("botVariableOperation");
        boolean collect = op.isCollect();
        if (collect || op.askCollectIfSet()) {
            text("askCollectIfSet", String.valueOf(op.askCollectIfSet()));
        }
        if (op.autoSelectIfSingleChoice()) {
            text("autoSelectIfSingleChoice", "true");
        }
        if (op.invocation() != null) {
            invocation(op.invocation());
        }
        messages("botMessages", op.prompts());
        for (String q : op.quickReplies()) {
            open("botQuickReplyOptions");
            text("literalValue", q);
            close("botQuickReplyOptions");
        }
        for (VariableOperand o : op.operands()) {
            open("botVariableOperands");
            bool("disableAutoFill", o.disableAutoFill());
            text("sourceName", o.sourceName());
            text("sourceType", o.sourceType());
            text("sourceValue", o.sourceValue());
            text("targetName", o.targetName());
            text("targetType", o.targetType());
            close("botVariableOperands");
        }
        if (op.ignoreIntentRecognition()) {
            text("ignoreIntentRecognition", "true");
        }
        if (op.invalidInputNavigation() != null) {
            BotNavigation n = op.invalidInputNavigation();
            navigation("invalidInputBotNavigation", n.navigationType(), n.links());
        }
        if (collect || op.optionalCollect()) {
            text("optionalCollect", String.valueOf(op.optionalCollect()));
        }
        text("quickReplyOptionTemplate", op.quickReplyOptionTemplate());
        text("quickReplyType", op.quickReplyType());
        text("quickReplyWidgetType", op.quickReplyWidgetType());
        messages("retryMessages", op.retryMessages());
        text("sourceVariableName", op.sourceVariableName());
        text("sourceVariableType", op.sourceVariableType());
        if (!"(none)".equals(op.operationType())) {
            text("type", op.operationType());
        }
        close("botVariableOperation");
    }

    private void invocation(Invocation inv) {
        open("botInvocation");
        text("invocationActionName", inv.actionName());
        text("invocationActionType", inv.actionType());
        for (Invocation.Mapping m : inv.mappings()) {
            open("invocationMappings");
            text("parameterName", m.parameterName());
            text("type", m.direction());
            text("value", m.value());
            text("variableName", m.variableName());
            text("variableType", m.variableType());
            close("invocationMappings");
        }
        close("botInvocation");
    }

    private void lookup(Step.RecordLookup r) {
        open("conversationRecordLookup");
        text("SObjectType", r.sObjectType());
        for (LookupCondition c : r.conditions()) {
            open("conditions");
            text("leftOperand", c.leftOperand());
            text("operatorType", c.operatorType());
            text("rightOperandName", c.rightOperandName());
            text("rightOperandType", c.rightOperandType());
            text("rightOperandValue", c.rightOperandValue());
            if (c.sortOrder() != null) {
                text("sortOrder", String.valueOf(c.sortOrder()));
            }
            close("conditions");
        }
        text("filterLogic", r.filterLogic());
        for (String f : r.lookupFields()) {
            open("lookupFields");
            text("fieldName", f);
            close("lookupFields");
        }
        if (r.maxLookupResults() != null) {
            text("maxLookupResults", String.valueOf(r.maxLookupResults()));
        }
        text("sortFieldName", r.sortFieldName());
        text("sortOrder", r.sortOrder());
        text("sourceVariableName", r.sourceVariableName());
        text("sourceVariableType", r.sourceVariableType());
        text("targetVariableName", r.targetVariableName());
        close("conversationRecordLookup");
    }

    private void open(String tag) {
        indent();
        out.append('<').append(tag).append(">\n");
        depth++;
    }

    private void close(String tag) {
        depth--;
        indent();
        out.append("</").append(tag).append(">\n");
    }

    private void text(String tag, String value) {
        if (value == null) {
            return;
        }
        indent();
        out.append('<').append(tag).append('>').append(escape(value)).append("</").append(tag).append(">\n");
    }

    private void bool(String tag, Boolean value) {
        if (value != null) {
            text(tag, String.valueOf(value));
        }
    }

    private void indent() {
        out.append("    ".repeat(depth));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\r' -> b.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append('\uFFFD'); // not representable in XML 1.0
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
