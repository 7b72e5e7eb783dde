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
 * classified by their root element. Never throws for bad input: problems are diagnostics.
 */
public final class SalesforceMetadataParser {

    /** Bot settings Parley reads but does not act on: reported once per file as INFO. */
    private static final Set<String> IGNORED_BOT = Set.of("agentDSLEnabled", "botSource", "botUser",
            "defaultOutboundFlow", "logPrivateConversationData", "richContentEnabled", "sessionTimeout", "type",
            "conversationChannelProviders", "conversationDefinitionPlanners", "copilotPrimaryLanguage",
            "agentTemplate", "botMlDomainLabel");
    private static final Set<String> IGNORED_VERSION = Set.of("articleAnswersGPTEnabled", "citationsEnabled",
            "intentDisambiguationEnabled", "intentV3Enabled", "knowledgeActionEnabled", "knowledgeFallbackEnabled",
            "nlpProviders", "smallTalkEnabled", "staticPromptsEnabled", "stopRecPrompts", "stopWelcomePrompts",
            "surfacesEnabled", "botDialogGroups", "copilotPrimaryLanguage", "toneType", "conversationDefinitionPlanners",
            "company", "role", "botEnabled", "planners", "permissionSets");
    private static final Set<String> IGNORED_DIALOG = Set.of("mlIntentTrainingEnabled", "description");
    private static final Set<String> IGNORED_VARIABLE = Set.of("includeInPrompt", "SObjectType",
            "contextVariableMappings", "isPersonalized");

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    /** Intent name to utterances, from {@code botMlDomain/mlIntents}. */
    private final Map<String, List<String>> utterances = new LinkedHashMap<>();

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
            return new ParseResult(null, diagnostics);
        }
        if (botRoot != null) {
            botRoot.child("botMlDomain").ifPresent(this::readMlDomain);
        }
        List<BotVersionDefinition> versions = new ArrayList<>();
        if (botRoot != null) {
            for (XmlNode inline : botRoot.all("botVersions")) {
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
            bot = new BotDefinition(name, name, null, List.of(), versions);
        } else {
            bot = readBot(botRoot, botFile, versions);
        }
        return new ParseResult(bot, inFileOrder(files));
    }

    /** Diagnostics ordered by the files' order in the upload, then by position; bot-wide ones last. */
    private List<Diagnostic> inFileOrder(List<SourceFile> files) {
        Map<String, Integer> order = new LinkedHashMap<>();
        for (SourceFile f : files) {
            order.putIfAbsent(f.name(), order.size());
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
        for (XmlNode child : root.children()) {
            switch (child.name()) {
                case "fullName", "label", "description", "botMlDomain", "botVersions" -> {
                    // read above or below
                }
                case "contextVariables" -> context.add(readVariable(child));
                default -> unknown(child, "Bot", IGNORED_BOT);
            }
        }
        return new BotDefinition(name, label == null ? name : label, root.value("description"), context, versions);
    }

    private void readMlDomain(XmlNode domain) {
        for (XmlNode child : domain.children()) {
            switch (child.name()) {
                case "label", "name" -> {
                    // identity only
                }
                case "mlIntents" -> {
                    List<String> list = new ArrayList<>();
                    for (XmlNode u : child.all("mlIntentUtterances")) {
                        String text = u.value("utterance");
                        if (text != null && !text.isBlank()) {
                            list.add(text);
                        }
                    }
                    String intent = child.value("developerName");
                    if (intent != null) {
                        utterances.put(intent, list);
                    }
                    for (XmlNode c : child.children()) {
                        if (!Set.of("developerName", "label", "mlIntentUtterances", "description").contains(c.name())) {
                            unknown(c, "mlIntents", Set.of("relatedMlIntents"));
                        }
                    }
                }
                default -> unknown(child, "botMlDomain", Set.of("mlSlotClasses", "mlIntents"));
            }
        }
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
        List<VariableDefinition> variables = new ArrayList<>();
        List<DialogDefinition> dialogs = new ArrayList<>();
        Map<String, String> systemDialogs = new LinkedHashMap<>();
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "fullName", "entryDialog", "mainMenuDialog" -> {
                    // read directly
                }
                case "responseDelayMilliseconds" -> delay = parseInt(child, 0, 60_000);
                case "conversationVariables" -> variables.add(readVariable(child));
                case "botDialogs" -> dialogs.add(readDialog(child));
                case "conversationSystemDialogs" -> {
                    String type = child.value("type");
                    String dialog = child.value("dialog");
                    if (type == null || dialog == null) {
                        diagnostics.add(Diagnostic.at(child.location(), "system-dialog.incomplete", Severity.WARNING,
                                "<conversationSystemDialogs> needs both <type> and <dialog>; ignored"));
                    } else {
                        systemDialogs.put(type, dialog);
                    }
                }
                default -> unknown(child, "BotVersion", IGNORED_VERSION);
            }
        }
        String entry = node.value("entryDialog");
        if (entry == null) {
            diagnostics.add(Diagnostic.at(node.location(), "version.no-entry-dialog", Severity.ERROR,
                    "version '" + fullName + "' has no <entryDialog>"));
        }
        return new BotVersionDefinition(fullName, entry, node.value("mainMenuDialog"), delay, variables, dialogs,
                systemDialogs, node.location());
    }

    private VariableDefinition readVariable(XmlNode node) {
        String name = node.value("developerName");
        if (name == null) {
            diagnostics.add(Diagnostic.at(node.location(), "variable.no-name", Severity.WARNING,
                    "<" + node.name() + "> has no <developerName>"));
        }
        for (XmlNode child : node.children()) {
            if (!Set.of("developerName", "label", "dataType", "collectionType", "description").contains(child.name())) {
                unknown(child, node.name(), IGNORED_VARIABLE);
            }
        }
        return new VariableDefinition(name, node.value("label"), node.value("dataType"), node.value("collectionType"),
                node.value("description"));
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
        for (XmlNode child : node.children()) {
            switch (child.name()) {
                case "botSteps" -> steps.add(readStep(child, name, String.valueOf(index++)));
                case "developerName", "label", "isPlaceholderDialog", "botDialogGroup", "showInFooterMenu",
                        "mlIntent" -> {
                    // read directly
                }
                default -> unknown(child, "botDialogs", IGNORED_DIALOG);
            }
        }
        String intent = node.value("mlIntent");
        List<String> examples = intent == null ? List.of() : utterances.getOrDefault(intent, List.of());
        return new DialogDefinition(name, node.value("label"), node.value("description"),
                bool(node, "isPlaceholderDialog"), node.value("botDialogGroup"), bool(node, "showInFooterMenu"),
                intent, examples, steps, node.location());
    }

    private Step readStep(XmlNode node, String dialog, String path) {
        String id = node.value("stepIdentifier");
        if (id == null) {
            id = dialog + "/" + path;
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
                yield new Step.Message(id, messages(node), at);
            }
            case "Navigation" -> {
                known.add("botNavigation");
                yield readNavigation(node, id, dialog);
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
                    conditions.add(new Condition(c.value("leftOperandName"), c.value("leftOperandType"),
                            c.value("operatorType"), c.value("rightOperandValue")));
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
            default -> {
                diagnostics.add(Diagnostic.at(at, "step.unsupported", Severity.WARNING,
                        "step type '" + type + "' in dialog '" + dialog + "' is not supported; it will be skipped"));
                // the step's body belongs to the unsupported type: don't report its parts again
                known.addAll(node.children().stream().map(XmlNode::name).toList());
                yield new Step.Unsupported(id, type, at);
            }
        };
        for (XmlNode child : node.children()) {
            if (!known.contains(child.name())) {
                unknown(child, "botSteps", Set.of());
            }
        }
        return step;
    }

    private List<String> messages(XmlNode node) {
        List<String> messages = new ArrayList<>();
        for (XmlNode m : node.all("botMessages")) {
            XmlNode text = m.child("message").orElse(null);
            if (text == null) {
                diagnostics.add(Diagnostic.at(m.location(), "message.empty", Severity.WARNING,
                        "<botMessages> has no <message>; nothing will be sent"));
                continue;
            }
            messages.add(text.text().strip());
            for (XmlNode c : m.children()) {
                if (!Set.of("message", "messageIdentifier").contains(c.name())) {
                    unknown(c, "botMessages", Set.of());
                }
            }
        }
        return messages;
    }

    private Step readNavigation(XmlNode step, String id, String dialog) {
        XmlNode nav = step.child("botNavigation").orElse(null);
        if (nav == null) {
            diagnostics.add(Diagnostic.at(step.location(), "navigation.missing", Severity.ERROR,
                    "Navigation step in dialog '" + dialog + "' has no <botNavigation>"));
            return new Step.Navigation(id, "Redirect", List.of(), step.location());
        }
        String type = nav.value("type") == null ? "Redirect" : nav.value("type");
        List<NavigationLink> links = new ArrayList<>();
        for (XmlNode child : nav.children()) {
            switch (child.name()) {
                case "type" -> {
                    // read above
                }
                case "botNavigationLinks" -> {
                    String target = child.value("targetBotDialog");
                    if (target == null) {
                        diagnostics.add(Diagnostic.at(child.location(), "navigation.no-target", Severity.WARNING,
                                "<botNavigationLinks> without <targetBotDialog> in dialog '" + dialog
                                        + "' is not supported (e.g. a variable target); ignored"));
                    } else {
                        links.add(new NavigationLink(child.value("label"), target, child.location()));
                    }
                    for (XmlNode c : child.children()) {
                        if (!Set.of("label", "targetBotDialog").contains(c.name())) {
                            unknown(c, "botNavigationLinks", Set.of());
                        }
                    }
                }
                default -> unknown(child, "botNavigation", Set.of());
            }
        }
        if (!"Redirect".equals(type)) {
            diagnostics.add(Diagnostic.at(nav.location(), "navigation.unsupported-type", Severity.WARNING,
                    "navigation type '" + type + "' in dialog '" + dialog + "' is not supported; only Redirect is"));
        }
        return new Step.Navigation(id, type, links, step.location());
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
        List<String> quickReplies = new ArrayList<>();
        for (XmlNode child : op.children()) {
            switch (child.name()) {
                case "type", "variableOperationIdentifier", "askCollectIfSet", "optionalCollect", "botMessages" -> {
                    // read directly
                }
                case "botVariableOperands" -> {
                    operands.add(new VariableOperand(child.value("sourceName"), child.value("sourceType"),
                            child.value("sourceValue"), child.value("targetName"), child.value("targetType")));
                    for (XmlNode c : child.children()) {
                        if (!Set.of("sourceName", "sourceType", "sourceValue", "targetName", "targetType")
                                .contains(c.name())) {
                            unknown(c, "botVariableOperands", Set.of("disableAutoFill"));
                        }
                    }
                }
                case "botInvocation" -> {
                    List<Invocation.Mapping> mappings = new ArrayList<>();
                    for (XmlNode m : child.all("invocationMappings")) {
                        mappings.add(new Invocation.Mapping(m.value("parameterName"), m.value("type"),
                                m.value("variableName")));
                    }
                    invocation = new Invocation(child.value("invocationActionName"),
                            child.value("invocationActionType"), mappings);
                    diagnostics.add(Diagnostic.at(child.location(), "invocation.unsupported", Severity.WARNING,
                            "action '" + invocation.actionName() + "' (" + invocation.actionType() + ") in dialog '"
                                    + dialog + "' is not executed yet: its output variables stay unset"));
                }
                case "botQuickReplyOptions" -> {
                    String literal = child.value("literalValue");
                    if (literal != null) {
                        quickReplies.add(literal);
                    }
                }
                default -> unknown(child, "botVariableOperation", Set.of("quickReplyWidgetType", "quickReplyType",
                        "quickReplyOptionTemplate", "retryMessages", "invalidInputBotNavigation",
                        "sourceVariableName", "sourceVariableType", "ruleNamespace"));
            }
        }
        if (type == null || !Set.of("Set", "Unset", "Collect").contains(type)) {
            diagnostics.add(Diagnostic.at(op.location(), "variable-operation.unsupported", Severity.WARNING,
                    "variable operation type '" + type + "' in dialog '" + dialog + "' is not supported; skipped"));
        }
        return new Step.VariableOperation(id, type == null ? "(none)" : type, operands, messages(op),
                bool(op, "askCollectIfSet"), bool(op, "optionalCollect"), invocation, quickReplies, step.location());
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
                        if ("Transfer".equals(child.value("parameterType"))) {
                            transferVariable = child.value("variableName");
                        }
                    }
                    default -> unknown(child, "conversationSystemMessage", Set.of());
                }
            }
        }
        return new Step.SystemMessage(id, type == null ? "(none)" : type, transferVariable, step.location());
    }

    /** Reports an element Parley does not act on: INFO when it is a known setting, WARNING otherwise. Once per file. */
    private void unknown(XmlNode node, String parent, Set<String> knownIgnored) {
        if (!reported.add(node.location().file() + "|" + parent + "/" + node.name())) {
            return;
        }
        if (knownIgnored.contains(node.name())) {
            diagnostics.add(Diagnostic.at(node.location(), "element.ignored", Severity.INFO,
                    "<" + node.name() + "> in <" + parent + "> is not used by Parley and is ignored"));
        } else {
            diagnostics.add(Diagnostic.at(node.location(), "element.unsupported", Severity.WARNING,
                    "<" + node.name() + "> in <" + parent + "> is not supported and is ignored"));
        }
    }

    private boolean bool(XmlNode node, String child) {
        return node.child(child).map(c -> {
            String v = c.text().strip();
            if (!v.equals("true") && !v.equals("false")) {
                diagnostics.add(Diagnostic.at(c.location(), "value.not-boolean", Severity.WARNING,
                        "<" + child + "> must be true or false, was '" + v + "'; false assumed"));
            }
            return v.equals("true");
        }).orElse(false);
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
