package dev.parley.botmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Salesforce {@code Bot}/{@code BotVersion} metadata XML: SFDX source form ({@code X.bot-meta.xml} plus
 * {@code vN.botVersion-meta.xml}) and Metadata API form ({@code X.bot} with inline {@code botVersions}). Files are
 * classified by their root element. Never throws for bad input: problems are diagnostics. Every element is either
 * read into the model, reported as ignored (INFO: a setting with no effect on a dialog bot), reported as used only by
 * generative agents (WARNING {@code element.agent-only}) or reported as unsupported (WARNING).
 */
public final class SalesforceMetadataParser {

    /** Settings Parley reads past: they change nothing in how a dialog bot runs. Reported once per file as INFO. */
    private static final Set<String> IGNORED = Set.of("botUser", "botSource", "type", "defaultOutboundFlow",
            "conversationChannelProviders", "botMlDomainLabel", "intentV3Enabled", "smallTalkEnabled",
            "staticPromptsEnabled", "stopRecPrompts", "stopWelcomePrompts", "surfacesEnabled", "citationsEnabled",
            "knowledgeFallbackEnabled", "articleAnswersGPTEnabled", "initialIntentDetectionEnabled",
            "copilotSecondaryLanguages", "includeInPrompt", "messageIdentifier", "variableOperationIdentifier",
            "quickReplyOptionIdentifier", "booleanFilter", "permissionSets", "botEnabled", "isPersonalized",
            "ruleNamespace");
    /**
     * Elements only generative agents (Agentforce) use. A WARNING when they carry something ({@code true} or content),
     * an INFO when they are just {@code false} or empty.
     */
    private static final Set<String> AGENT_ONLY = Set.of("agentDSLEnabled", "agentTemplate", "agentType",
            "conversationDefinitionPlanners", "conversationPlanner", "planners", "copilotPrimaryLanguage",
            "copilotPrimaryLangauge", "toneType", "company", "role", "conversationGoals",
            "conversationStepGoalMappings", "knowledgeActionEnabled", "genAiPlannerName");

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private final List<IntentDefinition> intents = new ArrayList<>();
    private final List<SlotClassDefinition> slotClasses = new ArrayList<>();

    private SalesforceMetadataParser() {
    }

    /** Parses one bot from its files; see the class comment. */
    public static ParseResult parse(List<SourceFile> files) {
        return new SalesforceMetadataParser().run(files == null ? List.of() : files);
    }

    private ParseResult run(List<SourceFile> files) {
        if (files.isEmpty()) {
            diagnostics.add(new Diagnostic(null, 0, 0, "bot.no-files", Severity.ERROR, "no files were given"));
            return new ParseResult(null, diagnostics);
        }
        XmlNode botRoot = null;
        String botFile = null;
        List<XmlNode> versionRoots = new ArrayList<>();
        for (SourceFile file : files) {
            if (file == null) {
                continue;
            }
            XmlNode root = SecureXmlReader.read(file, diagnostics);
            if (root == null) {
                continue;
            }
            switch (root.name()) {
                case "Bot" -> {
                    if (botRoot != null) {
                        diagnostics.add(Diagnostic.at(root.location(), "bot.duplicate", Severity.ERROR,
                                "a second Bot file was given (first: " + botFile + "); upload one bot at a time"));
                    } else {
                        botRoot = root;
                        botFile = file.name();
                    }
                }
                case "BotVersion" -> versionRoots.add(root);
                default -> diagnostics.add(Diagnostic.at(root.location(), "file.unrecognised", Severity.WARNING,
                        "root element <" + root.name() + "> is neither Bot nor BotVersion; file ignored"));
            }
        }
        if (botRoot == null && versionRoots.isEmpty()) {
            if (diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
                diagnostics.add(new Diagnostic(null, 0, 0, "bot.missing", Severity.ERROR,
                        "no Bot or BotVersion metadata was found in the given files"));
            }
            return new ParseResult(null, inFileOrder(files));
        }
        if (botRoot != null) {
            botRoot.child("botMlDomain").ifPresent(this::readMlDomain);
        }
        for (XmlNode root : versionRoots) {
            // API 43 kept the intent set in the version
            root.child("localMlDomain").ifPresent(this::readMlDomain);
        }
        List<BotVersionDefinition> versions = new ArrayList<>();
        if (botRoot != null) {
            for (XmlNode inline : botRoot.all("botVersions")) {
                inline.child("localMlDomain").ifPresent(this::readMlDomain);
                versions.add(readVersion(inline, null));
            }
        }
        for (XmlNode root : versionRoots) {
            versions.add(readVersion(root, versionNameFromFile(root.location().file())));
        }
        Set<String> seen = new HashSet<>();
        for (BotVersionDefinition v : versions) {
            if (!seen.add(v.fullName())) {
                diagnostics.add(Diagnostic.at(v.location(), "version.duplicate", Severity.ERROR,
                        "version '" + v.fullName() + "' is defined more than once"));
            }
        }
        versions.sort(Comparator.comparing(BotVersionDefinition::fullName, SalesforceMetadataParser::compareVersions));
        if (versions.isEmpty()) {
            diagnostics.add(Diagnostic.at(botRoot.location(), "version.missing", Severity.ERROR,
                    "the bot has no versions: add a BotVersion file or inline <botVersions>"));
        }
        BotDefinition bot;
        if (botRoot == null) {
            diagnostics.add(new Diagnostic(null, 0, 0, "bot.missing", Severity.ERROR,
                    "no Bot file (root element <Bot>) was given, only BotVersion files"));
            String name = botNameFromFile(versionRoots.getFirst().location().file());
            bot = new BotDefinition(name, name, null, List.of(), versions, intents, slotClasses, null, null, null,
                    null);
        } else {
            bot = readBot(botRoot, botFile, versions);
        }
        return new ParseResult(bot, inFileOrder(files));
    }

    /** Diagnostics ordered by the files' order in the upload, then by position; bot-wide ones last. */
    private List<Diagnostic> inFileOrder(List<SourceFile> files) {
        Map<String, Integer> order = new LinkedHashMap<>();
        for (SourceFile f : files) {
            if (f != null) {
                order.putIfAbsent(f.name(), order.size());
            }
        }
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.file() == null ? Integer.MAX_VALUE
                        : order.getOrDefault(d.file(), Integer.MAX_VALUE - 1))
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return sorted;
    }

    private BotDefinition readBot(XmlNode root, String file, List<BotVersionDefinition> versions) {
        String name = root.value("fullName");
        if (name == null) {
            name = root.child("botMlDomain").map(d -> d.value("name")).orElse(null);
        }
        if (name == null) {
            name = botNameFromFile(file);
        }
        String label = root.value("label");
        List<VariableDefinition> context = new ArrayList<>();
        Integer sessionTimeout = null;
        Boolean logPrivate = null;
        Boolean richContent = null;
        for (XmlNode child : root.children()) {
            switch (child.name()) {
                case "fullName", "label", "description", "botMlDomain", "botVersions" -> {
                    // read above or below
                }
                case "contextVariables" -> context.add(readVariable(child));
                case "sessionTimeout" -> sessionTimeout = parseInt(child, 0, 10_000_000);
                case "logPrivateConversationData" -> logPrivate = bool(child);
                case "richContentEnabled" -> richContent = bool(child);
                default -> other(child, "Bot");
            }
        }
        return new BotDefinition(name, label == null ? name : label, root.value("description"), context, versions,
                intents, slotClasses, sessionTimeout, logPrivate, richContent, root.location());
    }

    private void readMlDomain(XmlNode domain) {
        for (XmlNode child : domain.children()) {
            switch (child.name()) {
                case "label", "name" -> {
                    // identity only: the bot's name and label stand for it
                }
                case "mlIntents" -> readIntent(child);
                case "mlSlotClasses" -> readSlotClass(child);
                default -> other(child, domain.name());
            }
        }
    }

    private void readIntent(XmlNode node) {
        List<String> list = new ArrayList<>();
        List<String> related = new ArrayList<>();
        for (XmlNode c : node.children()) {
            switch (c.name()) {
                case "developerName", "label", "description" -> {
                    // read below
                }
                case "mlIntentUtterances" -> {
                    String text = c.value("utterance");
                    if (text != null && !text.isBlank()) {
                        list.add(text);
                    }
                    children(c, "mlIntentUtterances", Set.of("utterance", "language"));
                }
                case "relatedMlIntents" -> {
                    String r = c.value("relatedMlIntent");
                    if (r != null) {
                        related.add(r);
                    }
                }
                default -> other(c, "mlIntents");
            }
        }
        String intent = node.value("developerName");
        if (intent == null) {
            diagnostics.add(Diagnostic.at(node.location(), "intent.no-name", Severity.WARNING,
                    "<mlIntents> has no <developerName>; ignored"));
            return;
        }
        intents.add(new IntentDefinition(intent, node.value("label"), node.value("description"), list, related,
                node.location()));
    }

    private void readSlotClass(XmlNode node) {
        List<SlotClassDefinition.SlotValue> values = new ArrayList<>();
        for (XmlNode c : node.children()) {
            switch (c.name()) {
                case "developerName", "label", "description", "dataType", "extractionType", "extractionRegex" -> {
                    // read below
                }
                case "mlSlotClassValues" -> {
                    List<String> synonyms = new ArrayList<>();
                    List<String> languages = new ArrayList<>();
                    for (XmlNode v : c.children()) {
                        switch (v.name()) {
                            case "value" -> {
                                // read below
                            }
                            case "synonymGroup" -> {
                                for (XmlNode s : v.children()) {
                                    switch (s.name()) {
                                        case "terms" -> synonyms.add(s.text().strip());
                                        case "languages" -> languages.add(s.text().strip());
                                        default -> other(s, "synonymGroup");
                                    }
                                }
                            }
                            default -> other(v, "mlSlotClassValues");
                        }
                    }
                    String value = c.value("value");
                    if (value == null) {
                        diagnostics.add(Diagnostic.at(c.location(), "entity.value-missing", Severity.WARNING,
                                "<mlSlotClassValues> has no <value>; ignored"));
                    } else {
                        values.add(new SlotClassDefinition.SlotValue(value, synonyms, languages, c.location()));
                    }
                }
                default -> other(c, "mlSlotClasses");
            }
        }
        String name = node.value("developerName");
        if (name == null) {
            diagnostics.add(Diagnostic.at(node.location(), "entity.no-name", Severity.WARNING,
                    "<mlSlotClasses> has no <developerName>; ignored"));
            return;
        }
        slotClasses.add(new SlotClassDefinition(name, node.value("label"), node.value("description"),
                node.value("dataType"), node.value("extractionType"), node.value("extractionRegex"), values,
                node.location()));
    }

    private BotVersionDefinition readVersion(XmlNode node, String fallbackName) {
        String fullName = node.value("fullName");
        if (fullName == null) {
            fullName = fallbackName;
        }
        if (fullName == null) {
            fullName = "v1";
            diagnostics.add(Diagnostic.at(node.location(), "version.no-name", Severity.WARNING,
                    "the version has no <fullName>; assuming 'v1'"));
        }
        Integer delay = null;
        Double threshold = null;
        Boolean disambiguation = null;
        String language = null;
        List<VariableDefinition> variables = new ArrayList<>();
        List<DialogDefinition> dialogs = new ArrayList<>();
        List<SystemDialog> systemDialogs = new ArrayList<>();
        List<DialogGroup> groups = new ArrayList<>();
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "fullName", "entryDialog", "mainMenuDialog", "localMlDomain" -> {
                    // read directly or by the caller
                }
                case "responseDelayMilliseconds" -> delay = parseInt(child, 0, 60_000);
                case "intentThreshold" -> threshold = parseDouble(child);
                case "intentDisambiguationEnabled" -> disambiguation = bool(child);
                case "conversationVariables" -> variables.add(readVariable(child));
                case "botDialogs" -> dialogs.add(readDialog(child));
                case "botDialogGroups" -> {
                    children(child, "botDialogGroups", Set.of("developerName", "label", "description"));
                    groups.add(new DialogGroup(child.value("developerName"), child.value("label"),
                            child.value("description"), child.location()));
                }
                case "nlpProviders" -> {
                    children(child, "nlpProviders", Set.of("language", "nlpProviderType", "nlpProviderName"));
                    if (language == null) {
                        language = child.value("language");
                    }
                    String provider = child.value("nlpProviderType");
                    if (provider != null && !provider.equalsIgnoreCase("EinsteinAi")) {
                        diagnostics.add(Diagnostic.at(child.location(), "nlp-provider.unsupported", Severity.WARNING,
                                "NLP provider '" + provider + "' is not supported; Parley's own intent matching is used"));
                    }
                }
                case "conversationSystemDialogs" -> {
                    children(child, "conversationSystemDialogs", Set.of("type", "dialog"));
                    String type = child.value("type");
                    String dialog = child.value("dialog");
                    if (type == null || dialog == null) {
                        diagnostics.add(Diagnostic.at(child.location(), "system-dialog.incomplete", Severity.WARNING,
                                "<conversationSystemDialogs> needs both <type> and <dialog>; ignored"));
                    } else {
                        systemDialogs.add(new SystemDialog(type, dialog, child.location()));
                    }
                }
                default -> other(child, "BotVersion");
            }
        }
        String entry = node.value("entryDialog");
        return new BotVersionDefinition(fullName, entry, node.value("mainMenuDialog"), delay, variables, dialogs,
                systemDialogs, groups, threshold, disambiguation, language,
                node.child("entryDialog").map(XmlNode::location).orElse(null),
                node.child("mainMenuDialog").map(XmlNode::location).orElse(null), node.location());
    }

    private VariableDefinition readVariable(XmlNode node) {
        String name = node.value("developerName");
        if (name == null) {
            diagnostics.add(Diagnostic.at(node.location(), "variable.no-name", Severity.WARNING,
                    "<" + node.name() + "> has no <developerName>"));
        }
        List<ContextVariableMapping> mappings = new ArrayList<>();
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "developerName", "label", "dataType", "collectionType", "description", "SObjectType",
                        "visibility" -> {
                    // read below
                }
                case "contextVariableMappings" -> {
                    children(child, "contextVariableMappings", Set.of("SObjectType", "fieldName", "messageType"));
                    mappings.add(new ContextVariableMapping(child.value("SObjectType"), child.value("fieldName"),
                            child.value("messageType")));
                }
                default -> other(child, node.name());
            }
        }
        return new VariableDefinition(name, node.value("label"), node.value("dataType"), node.value("collectionType"),
                node.value("description"), node.value("SObjectType"), node.value("visibility"), mappings,
                node.location());
    }

    private DialogDefinition readDialog(XmlNode node) {
        String name = node.value("developerName");
        if (name == null) {
            name = "dialog@" + node.location().line();
            diagnostics.add(Diagnostic.at(node.location(), "dialog.no-name", Severity.ERROR,
                    "<botDialogs> has no <developerName>"));
        }
        List<Step> steps = new ArrayList<>();
        int index = 0;
        Boolean training = null;
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "botSteps" -> steps.add(readStep(child, name, String.valueOf(index++)));
                case "mlIntentTrainingEnabled" -> training = bool(child);
                case "developerName", "label", "isPlaceholderDialog", "botDialogGroup", "showInFooterMenu",
                        "mlIntent", "description" -> {
                    // read directly
                }
                default -> other(child, "botDialogs");
            }
        }
        String intent = node.value("mlIntent");
        List<String> examples = intent == null ? List.of() : intents.stream()
                .filter(i -> i.developerName().equals(intent)).findFirst()
                .map(IntentDefinition::utterances).orElse(List.of());
        return new DialogDefinition(name, node.value("label"), node.value("description"),
                boolChild(node, "isPlaceholderDialog"), node.value("botDialogGroup"),
                boolChild(node, "showInFooterMenu"), intent, examples, steps, training, node.location());
    }

    /** The id a step without {@code stepIdentifier} gets: its dialog and position, e.g. {@code Welcome/1.0}. */
    static String syntheticStepId(String dialog, String path) {
        return dialog + "/" + path;
    }

    private Step readStep(XmlNode node, String dialog, String path) {
        String id = node.value("stepIdentifier");
        if (id == null) {
            id = syntheticStepId(dialog, path);
        }
        String type = node.value("type");
        Location at = node.location();
        if (type == null) {
            diagnostics.add(Diagnostic.at(at, "step.no-type", Severity.WARNING,
                    "step in dialog '" + dialog + "' has no <type>; it will be skipped"));
            return new Step.Unsupported(id, "(none)", at);
        }
        Set<String> known = new HashSet<>(Set.of("stepIdentifier", "type"));
        Step step = switch (type) {
            case "Message" -> {
                known.add("botMessages");
                yield new Step.Message(id, messages(node, "botMessages"), at);
            }
            case "Navigation" -> {
                known.add("botNavigation");
                XmlNode nav = node.child("botNavigation").orElse(null);
                if (nav == null) {
                    diagnostics.add(Diagnostic.at(at, "navigation.missing", Severity.ERROR,
                            "Navigation step in dialog '" + dialog + "' has no <botNavigation>"));
                    yield new Step.Navigation(id, "Redirect", List.of(), at);
                }
                BotNavigation n = readNavigation(nav, dialog);
                yield new Step.Navigation(id, n.navigationType(), n.links(), at);
            }
            case "Wait" -> new Step.Wait(id, at);
            case "Group" -> {
                known.addAll(Set.of("botSteps", "conditionLogicType", "botStepConditions"));
                List<Step> nested = new ArrayList<>();
                int i = 0;
                for (XmlNode child : node.all("botSteps")) {
                    nested.add(readStep(child, dialog, path + "." + i++));
                }
                List<Condition> conditions = new ArrayList<>();
                for (XmlNode c : node.all("botStepConditions")) {
                    children(c, "botStepConditions",
                            Set.of("leftOperandName", "leftOperandType", "operatorType", "rightOperandValue"));
                    conditions.add(new Condition(c.value("leftOperandName"), c.value("leftOperandType"),
                            c.value("operatorType"), c.value("rightOperandValue"), c.location()));
                }
                yield new Step.Group(id, node.value("conditionLogicType"), conditions, nested, at);
            }
            case "VariableOperation" -> {
                known.add("botVariableOperation");
                yield readVariableOperation(node, id, dialog);
            }
            case "SystemMessage" -> {
                known.add("conversationSystemMessage");
                yield readSystemMessage(node, id, dialog);
            }
            case "Invocation" -> {
                known.add("botInvocation");
                XmlNode inv = node.child("botInvocation").orElse(null);
                if (inv == null) {
                    diagnostics.add(Diagnostic.at(at, "invocation.missing", Severity.ERROR,
                            "Invocation step in dialog '" + dialog + "' has no <botInvocation>"));
                    yield new Step.Unsupported(id, type, at);
                }
                yield new Step.Action(id, readInvocation(inv), at);
            }
            case "RecordLookup" -> {
                known.add("conversationRecordLookup");
                XmlNode lookup = node.child("conversationRecordLookup").orElse(null);
                if (lookup == null) {
                    diagnostics.add(Diagnostic.at(at, "record-lookup.missing", Severity.ERROR,
                            "RecordLookup step in dialog '" + dialog + "' has no <conversationRecordLookup>"));
                    yield new Step.Unsupported(id, type, at);
                }
                yield readRecordLookup(lookup, id, at);
            }
            default -> {
                boolean agent = type.equals("GoalStep");
                diagnostics.add(Diagnostic.at(at, agent ? "element.agent-only" : "step.unsupported", Severity.WARNING,
                        "step type '" + type + "' in dialog '" + dialog + "' is "
                                + (agent ? "used only by generative agents" : "not supported")
                                + "; it will be skipped"));
                // the step's body belongs to the unsupported type: don't report its parts again
                known.addAll(node.children().stream().map(XmlNode::name).toList());
                yield new Step.Unsupported(id, type, at);
            }
        };
        for (XmlNode child : node.children()) {
            if (!known.contains(child.name())) {
                other(child, "botSteps");
            }
        }
        return step;
    }

    private List<String> messages(XmlNode node, String element) {
        List<String> messages = new ArrayList<>();
        for (XmlNode m : node.all(element)) {
            XmlNode text = m.child("message").orElse(null);
            if (text == null) {
                diagnostics.add(Diagnostic.at(m.location(), "message.empty", Severity.WARNING,
                        "<" + element + "> has no <message>; nothing will be sent"));
                continue;
            }
            messages.add(text.text().strip());
            children(m, element, Set.of("message", "messageIdentifier"));
        }
        return messages;
    }

    private BotNavigation readNavigation(XmlNode nav, String dialog) {
        String type = nav.value("type") == null ? "Redirect" : nav.value("type");
        List<NavigationLink> links = new ArrayList<>();
        for (XmlNode child : nav.children()) {
            switch (child.name()) {
                case "type" -> {
                    // read above
                }
                case "botNavigationLinks" -> {
                    String target = child.value("targetBotDialog");
                    String variable = child.value("targetVariable");
                    if (target == null && variable == null) {
                        diagnostics.add(Diagnostic.at(child.location(), "navigation.no-target", Severity.WARNING,
                                "<botNavigationLinks> in dialog '" + dialog
                                        + "' has neither <targetBotDialog> nor <targetVariable>; ignored"));
                    } else {
                        links.add(new NavigationLink(child.value("label"), target, variable,
                                child.value("targetVariableType"), child.location()));
                    }
                    children(child, "botNavigationLinks",
                            Set.of("label", "targetBotDialog", "targetVariable", "targetVariableType"));
                }
                default -> other(child, "botNavigation");
            }
        }
        if (!Set.of("Redirect", "Call", "TransferToAgent").contains(type)) {
            diagnostics.add(Diagnostic.at(nav.location(), "navigation.unsupported-type", Severity.WARNING,
                    "navigation type '" + type + "' in dialog '" + dialog
                            + "' is not supported; only Redirect, Call and TransferToAgent are"));
        }
        return new BotNavigation(type, links, nav.location());
    }

    private Invocation readInvocation(XmlNode node) {
        List<Invocation.Mapping> mappings = new ArrayList<>();
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "invocationActionName", "invocationActionType" -> {
                    // read below
                }
                case "invocationMappings" -> {
                    children(child, "invocationMappings",
                            Set.of("parameterName", "type", "variableName", "variableType", "value", "recordName"));
                    mappings.add(new Invocation.Mapping(child.value("parameterName"), child.value("type"),
                            child.value("variableName"), child.value("variableType"), child.value("value"),
                            child.location()));
                }
                default -> other(child, "botInvocation");
            }
        }
        return new Invocation(node.value("invocationActionName"), node.value("invocationActionType"), mappings,
                node.location());
    }

    private Step readRecordLookup(XmlNode node, String id, Location at) {
        List<String> fields = new ArrayList<>();
        List<LookupCondition> conditions = new ArrayList<>();
        Integer max = null;
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "SObjectType", "filterLogic", "sortFieldName", "sortOrder", "sourceVariableName",
                        "sourceVariableType", "targetVariableName" -> {
                    // read below
                }
                case "maxLookupResults" -> max = parseInt(child, 1, 2000);
                case "lookupFields", "fields" -> {
                    children(child, child.name(), Set.of("fieldName"));
                    String field = child.value("fieldName");
                    if (field != null) {
                        fields.add(field);
                    }
                }
                case "conditions" -> {
                    children(child, "conditions", Set.of("leftOperand", "operatorType", "rightOperandName",
                            "rightOperandType", "rightOperandValue", "sortOrder"));
                    Integer order = child.child("sortOrder").map(s -> parseInt(s, 0, 10_000)).orElse(null);
                    conditions.add(new LookupCondition(child.value("leftOperand"), child.value("operatorType"),
                            child.value("rightOperandName"), child.value("rightOperandType"),
                            child.value("rightOperandValue"), order, child.location()));
                }
                default -> other(child, "conversationRecordLookup");
            }
        }
        return new Step.RecordLookup(id, node.value("SObjectType"), fields, conditions, node.value("filterLogic"), max,
                node.value("sortFieldName"), node.value("sortOrder"), node.value("sourceVariableName"),
                node.value("sourceVariableType"), node.value("targetVariableName"), at);
    }

    private Step readVariableOperation(XmlNode step, String id, String dialog) {
        XmlNode op = step.child("botVariableOperation").orElse(null);
        if (op == null) {
            diagnostics.add(Diagnostic.at(step.location(), "variable-operation.missing", Severity.WARNING,
                    "VariableOperation step in dialog '" + dialog + "' has no <botVariableOperation>; skipped"));
            return new Step.Unsupported(id, "VariableOperation", step.location());
        }
        String type = op.value("type");
        List<VariableOperand> operands = new ArrayList<>();
        Invocation invocation = null;
        BotNavigation invalidInput = null;
        List<String> quickReplies = new ArrayList<>();
        for (XmlNode child : op.children()) {
            switch (child.name()) {
                case "type", "askCollectIfSet", "optionalCollect", "botMessages", "retryMessages",
                        "quickReplyType", "quickReplyWidgetType", "quickReplyOptionTemplate", "sourceVariableName",
                        "sourceVariableType", "autoSelectIfSingleChoice", "ignoreIntentRecognition" -> {
                    // read directly
                }
                case "botVariableOperands" -> {
                    children(child, "botVariableOperands", Set.of("sourceName", "sourceType", "sourceValue",
                            "targetName", "targetType", "disableAutoFill"));
                    operands.add(new VariableOperand(child.value("sourceName"), child.value("sourceType"),
                            child.value("sourceValue"), child.value("targetName"), child.value("targetType"),
                            child.child("disableAutoFill").map(this::bool).orElse(null), child.location()));
                }
                case "botInvocation" -> invocation = readInvocation(child);
                case "invalidInputBotNavigation" -> invalidInput = readNavigation(child, dialog);
                case "botQuickReplyOptions" -> {
                    children(child, "botQuickReplyOptions",
                            Set.of("literalValue", "quickReplyOptionIdentifier", "quickReplyOrder"));
                    String literal = child.value("literalValue");
                    if (literal != null) {
                        quickReplies.add(literal);
                    }
                }
                case "messageDefinition", "successMessages" -> other(child, "botVariableOperation");
                default -> other(child, "botVariableOperation");
            }
        }
        if (type == null || !Set.of("Set", "Unset", "Collect").contains(type)) {
            diagnostics.add(Diagnostic.at(op.location(), "variable-operation.unsupported", Severity.WARNING,
                    "variable operation type '" + type + "' in dialog '" + dialog + "' is not supported; skipped"));
        }
        return new Step.VariableOperation(id, type == null ? "(none)" : type, operands, messages(op, "botMessages"),
                boolChild(op, "askCollectIfSet"), boolChild(op, "optionalCollect"), invocation, quickReplies,
                op.value("quickReplyType"), op.value("quickReplyWidgetType"), op.value("quickReplyOptionTemplate"),
                op.value("sourceVariableName"), op.value("sourceVariableType"), messages(op, "retryMessages"),
                invalidInput, boolChild(op, "autoSelectIfSingleChoice"), boolChild(op, "ignoreIntentRecognition"),
                step.location());
    }

    private Step readSystemMessage(XmlNode step, String id, String dialog) {
        XmlNode message = step.child("conversationSystemMessage").orElse(null);
        String type = message == null ? null : message.value("type");
        if (type == null || !Set.of("EndChat", "Transfer").contains(type)) {
            diagnostics.add(Diagnostic.at(step.location(), "system-message.unsupported", Severity.WARNING,
                    "system message type '" + type + "' in dialog '" + dialog + "' is not supported; skipped"));
        }
        String transferVariable = null;
        if (message != null) {
            for (XmlNode child : message.children()) {
                switch (child.name()) {
                    case "type" -> {
                        // read above
                    }
                    case "systemMessageMappings" -> {
                        children(child, "systemMessageMappings", Set.of("mappingType", "parameterType",
                                "variableName"));
                        if ("Transfer".equals(child.value("parameterType"))) {
                            transferVariable = child.value("variableName");
                        }
                    }
                    default -> other(child, "conversationSystemMessage");
                }
            }
        }
        return new Step.SystemMessage(id, type == null ? "(none)" : type, transferVariable, step.location());
    }

    /** Reports every child of {@code node} whose name is not in {@code known}. */
    private void children(XmlNode node, String parent, Set<String> known) {
        for (XmlNode c : node.children()) {
            if (!known.contains(c.name())) {
                other(c, parent);
            }
        }
    }

    /**
     * Reports an element the model does not hold: INFO when it is a known setting without effect, WARNING
     * {@code element.agent-only} for generative-agent features in use, WARNING {@code element.unsupported} otherwise.
     * Once per element name, parent and file.
     */
    private void other(XmlNode node, String parent) {
        if (!reported.add(node.location().file() + "|" + parent + "/" + node.name())) {
            return;
        }
        String text = node.text().strip();
        boolean empty = node.children().isEmpty() && (text.isEmpty() || text.equals("false"));
        if (AGENT_ONLY.contains(node.name()) && !empty) {
            diagnostics.add(Diagnostic.at(node.location(), "element.agent-only", Severity.WARNING,
                    "<" + node.name() + "> in <" + parent
                            + "> is used only by generative agents (Agentforce); Parley does not run it"));
        } else if (IGNORED.contains(node.name()) || AGENT_ONLY.contains(node.name())
                || (node.name().equals("localMlDomain"))) {
            diagnostics.add(Diagnostic.at(node.location(), "element.ignored", Severity.INFO,
                    "<" + node.name() + "> in <" + parent + "> is not used by Parley and is ignored"));
        } else {
            diagnostics.add(Diagnostic.at(node.location(), "element.unsupported", Severity.WARNING,
                    "<" + node.name() + "> in <" + parent + "> is not supported and is ignored"));
        }
    }

    private boolean boolChild(XmlNode node, String child) {
        return node.child(child).map(this::bool).orElse(false);
    }

    private Boolean bool(XmlNode c) {
        String v = c.text().strip();
        if (!v.equals("true") && !v.equals("false")) {
            diagnostics.add(Diagnostic.at(c.location(), "value.not-boolean", Severity.WARNING,
                    "<" + c.name() + "> must be true or false, was '" + v + "'; false assumed"));
        }
        return v.equals("true");
    }

    private Integer parseInt(XmlNode node, int min, int max) {
        String v = node.text().strip();
        try {
            int value = Integer.parseInt(v);
            if (value < min || value > max) {
                diagnostics.add(Diagnostic.at(node.location(), "value.out-of-range", Severity.WARNING,
                        "<" + node.name() + "> must be between " + min + " and " + max + ", was " + value
                                + "; ignored"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.at(node.location(), "value.not-a-number", Severity.WARNING,
                    "<" + node.name() + "> must be a whole number, was '" + v + "'; ignored"));
            return null;
        }
    }

    private Double parseDouble(XmlNode node) {
        String v = node.text().strip();
        try {
            double value = Double.parseDouble(v);
            if (!Double.isFinite(value)) {
                throw new NumberFormatException(v);
            }
            return value;
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.at(node.location(), "value.not-a-number", Severity.WARNING,
                    "<" + node.name() + "> must be a number, was '" + v + "'; ignored"));
            return null;
        }
    }

    private static String baseName(String file) {
        String name = file.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** {@code Astro__v1.botVersion-meta.xml} and {@code v1.botVersion-meta.xml} both give {@code v1}. */
    static String versionNameFromFile(String file) {
        String name = baseName(file);
        int dot = name.indexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        int sep = name.lastIndexOf("__");
        return sep >= 0 ? name.substring(sep + 2) : name;
    }

    static String botNameFromFile(String file) {
        String name = baseName(file);
        int dot = name.indexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        int sep = name.indexOf("__");
        return sep > 0 ? name.substring(0, sep) : name;
    }

    /** Orders {@code v2} before {@code v10}; non-numeric names after numeric ones, alphabetically. */
    static int compareVersions(String a, String b) {
        Integer na = versionNumber(a);
        Integer nb = versionNumber(b);
        if (na != null && nb != null) {
            return Integer.compare(na, nb);
        }
        if (na != null) {
            return -1;
        }
        if (nb != null) {
            return 1;
        }
        return a.compareTo(b);
    }

    private static Integer versionNumber(String name) {
        if (name.length() > 1 && (name.charAt(0) == 'v' || name.charAt(0) == 'V')) {
            try {
                return Integer.parseInt(name.substring(1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
