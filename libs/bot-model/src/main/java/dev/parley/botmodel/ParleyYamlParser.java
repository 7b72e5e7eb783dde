package dev.parley.botmodel;

import dev.parley.botmodel.YamlTree.MapNode;
import dev.parley.botmodel.YamlTree.Node;
import dev.parley.botmodel.YamlTree.Scalar;
import dev.parley.botmodel.YamlTree.Seq;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Parley YAML (see {@code docs/bot-authors/parley-yaml.md}) into the same model as Salesforce metadata.
 * Never throws for bad input: problems are diagnostics with the file's line and column.
 */
public final class ParleyYamlParser {

    /** The format version this parser reads ({@code parley: 1}). */
    public static final int FORMAT_VERSION = 1;

    static final Set<String> VERSION_KEYS = Set.of("version", "entry", "mainMenu", "responseDelay", "systemDialogs",
            "variables", "dialogGroups", "dialogs", "intentThreshold", "intentDisambiguation", "language");
    static final Set<String> SCALAR_STEPS = Set.of("wait", "endChat", "transfer", "transferToAgent");
    static final Set<String> STEP_KEYS = Set.of("message", "wait", "redirect", "menu", "call", "navigate",
            "transferToAgent", "endChat", "transfer", "systemMessage", "set", "unset", "collect", "variables",
            "if", "group", "action", "lookup", "unsupported");
    /** Operators of the condition shorthand ({@code "Age >= 18"}), in the order they are tried. */
    static final Map<String, String> OPERATORS = operators();

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<IntentDefinition> intents = new ArrayList<>();
    private final List<IntentDefinition> inlineIntents = new ArrayList<>();
    private final List<SlotClassDefinition> entities = new ArrayList<>();
    private List<VariableDefinition> contextVariables = List.of();
    private Names names;

    private ParleyYamlParser(String file) {
        this.file = file;
    }

    private static Map<String, String> operators() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("is not set", "IsNotSet");
        m.put("is set", "IsSet");
        m.put("==", "Equals");
        m.put("!=", "NotEquals");
        m.put(">=", "GreaterThanOrEqualTo");
        m.put("<=", "LessThanOrEqualTo");
        m.put(">", "GreaterThan");
        m.put("<", "LessThan");
        m.put("contains", "Contains");
        m.put("startsWith", "StartsWith");
        m.put("endsWith", "EndsWith");
        return m;
    }

    /** The declared names the shorthand forms infer types from. */
    record Names(Set<String> context, Set<String> conversation, Set<String> entities) {

        /** {@code ConversationVariable} unless only a context variable has the name. */
        String variableType(String name) {
            if (name == null) {
                return null;
            }
            return !conversation.contains(name) && context.contains(name) ? "ContextVariable" : "ConversationVariable";
        }

        /** The source type a shorthand operand gets from its source name and literal. */
        String sourceType(String source, String value) {
            if (source == null) {
                return value != null ? "Value" : null;
            }
            if (source.startsWith("_")) {
                return "StandardMlSlotClass";
            }
            if (entities.contains(source)) {
                return "MlSlotClass";
            }
            if (conversation.contains(source)) {
                return "ConversationVariable";
            }
            if (context.contains(source)) {
                return "ContextVariable";
            }
            return null;
        }
    }

    /** Parses one Parley YAML file. */
    public static ParseResult parse(SourceFile file) {
        if (file == null) {
            return new ParseResult(null, List.of(new Diagnostic(null, 0, 0, "bot.no-files", Severity.ERROR,
                    "no file was given")));
        }
        ParleyYamlParser parser = new ParleyYamlParser(file.name());
        BotDefinition bot = parser.run(file);
        List<Diagnostic> sorted = new ArrayList<>(parser.diagnostics);
        sorted.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return new ParseResult(bot, sorted);
    }

    private BotDefinition run(SourceFile source) {
        Node root = YamlTree.read(source, diagnostics);
        if (root == null) {
            if (diagnostics.isEmpty()) {
                diagnostics.add(new Diagnostic(file, 1, 1, "yaml.empty", Severity.ERROR, "the file is empty"));
            }
            return null;
        }
        YamlFields top = YamlFields.of(root, "the bot file", diagnostics);
        if (top == null) {
            return null;
        }
        readFormat(top);
        String name = top.string("name");
        if (name == null) {
            name = SalesforceMetadataParser.botNameFromFile(file);
            diagnostics.add(Diagnostic.at(top.at(), "bot.no-name", Severity.ERROR,
                    "the bot has no 'name'; add e.g. 'name: " + name + "'"));
        }
        contextVariables = variables(top, "contextVariables", "context variable");
        readIntents(top);
        readEntities(top);
        List<BotVersionDefinition> versions = new ArrayList<>();
        boolean inline = VERSION_KEYS.stream().anyMatch(top::has);
        if (top.has("versions")) {
            if (inline) {
                diagnostics.add(Diagnostic.at(top.keyAt("versions"), "yaml.versions-and-inline", Severity.ERROR,
                        "the file has both 'versions' and version keys at the top ("
                                + VERSION_KEYS.stream().filter(top::has).sorted().toList()
                                + "); put them under one version"));
            }
            YamlFields all = top.fields("versions", "'versions'");
            if (all != null) {
                for (Map.Entry<String, Node> e : all.map().entries().entrySet()) {
                    all.node(e.getKey());
                    YamlFields v = YamlFields.of(e.getValue(), "version '" + e.getKey() + "'", diagnostics);
                    if (v != null) {
                        versions.add(readVersion(v, e.getKey(), all.keyAt(e.getKey())));
                    }
                }
                all.finish();
            }
        } else if (inline) {
            String versionName = top.string("version", "v1");
            versions.add(readVersion(top, versionName == null ? "v1" : versionName, top.at()));
        }
        if (versions.isEmpty()) {
            diagnostics.add(Diagnostic.at(top.at(), "version.missing", Severity.ERROR,
                    "the bot has no version: add 'entry' and 'dialogs', or a 'versions' mapping"));
        }
        versions.sort(Comparator.comparing(BotVersionDefinition::fullName, SalesforceMetadataParser::compareVersions));
        List<IntentDefinition> allIntents = new ArrayList<>(intents);
        allIntents.addAll(inlineIntents);
        versions = versions.stream().map(v -> withUtterances(v, allIntents)).toList();
        BotDefinition bot = new BotDefinition(name, top.string("label", name), top.string("description"),
                contextVariables, versions, allIntents, entities, top.integer("sessionTimeout", 0, 10_000_000),
                top.bool("logPrivateConversationData"), top.bool("richContentEnabled"), top.at());
        top.finish();
        return bot;
    }

    private void readFormat(YamlFields top) {
        if (!top.has("parley")) {
            diagnostics.add(Diagnostic.at(top.at(), "yaml.no-format", Severity.WARNING,
                    "the file does not say its format; start it with 'parley: " + FORMAT_VERSION + "'"));
            return;
        }
        String format = top.string("parley");
        if (!String.valueOf(FORMAT_VERSION).equals(format)) {
            diagnostics.add(Diagnostic.at(top.valueAt("parley"), "yaml.format-version", Severity.ERROR,
                    "format 'parley: " + format + "' is not supported; this Parley reads 'parley: "
                            + FORMAT_VERSION + "'"));
        }
    }

    /** Copies each dialog's intent utterances into the dialog, as the XML parser does. */
    private static BotVersionDefinition withUtterances(BotVersionDefinition v, List<IntentDefinition> intents) {
        List<DialogDefinition> dialogs = v.dialogs().stream().map(d -> {
            if (d.mlIntent() == null) {
                return d;
            }
            List<String> u = intents.stream().filter(i -> i.developerName().equals(d.mlIntent())).findFirst()
                    .map(IntentDefinition::utterances).orElse(List.of());
            return new DialogDefinition(d.developerName(), d.label(), d.description(), d.placeholder(),
                    d.botDialogGroup(), d.showInFooterMenu(), d.mlIntent(), u, d.steps(), d.mlIntentTrainingEnabled(),
                    d.location());
        }).toList();
        return new BotVersionDefinition(v.fullName(), v.entryDialog(), v.mainMenuDialog(),
                v.responseDelayMilliseconds(), v.conversationVariables(), dialogs, v.conversationSystemDialogs(),
                v.dialogGroups(), v.intentThreshold(), v.intentDisambiguationEnabled(), v.language(),
                v.entryDialogLocation(), v.mainMenuDialogLocation(), v.location());
    }

    // ---- bot-wide parts ----------------------------------------------------------------------------------------

    private List<VariableDefinition> variables(YamlFields owner, String key, String kind) {
        YamlFields map = owner.fields(key, "'" + key + "'");
        List<VariableDefinition> out = new ArrayList<>();
        if (map == null) {
            return out;
        }
        for (Map.Entry<String, Node> e : map.map().entries().entrySet()) {
            String name = e.getKey();
            map.node(name);
            Location at = map.keyAt(name);
            if (e.getValue() instanceof Scalar s) {
                out.add(new VariableDefinition(name, name, s.isNull() ? null : s.value(), null, null, null, null,
                        List.of(), at));
                continue;
            }
            YamlFields v = YamlFields.of(e.getValue(), kind + " '" + name + "'", diagnostics);
            if (v == null) {
                continue;
            }
            String collection = v.has("list") ? (v.flag("list") ? "List" : null) : v.string("collectionType");
            List<ContextVariableMapping> mappings = new ArrayList<>();
            for (Node m : v.list("mappings")) {
                YamlFields mf = YamlFields.of(m, "a mapping of " + kind + " '" + name + "'", diagnostics);
                if (mf != null) {
                    mappings.add(new ContextVariableMapping(mf.string("sObjectType"), mf.string("field"),
                            mf.string("channel")));
                    mf.finish();
                }
            }
            out.add(new VariableDefinition(name, v.string("label", name), v.string("type", "Text"), collection,
                    v.string("description"), v.string("sObjectType"), v.string("visibility"), mappings, at));
            v.finish();
        }
        map.finish();
        return out;
    }

    private void readIntents(YamlFields top) {
        YamlFields map = top.fields("intents", "'intents'");
        if (map == null) {
            return;
        }
        for (Map.Entry<String, Node> e : map.map().entries().entrySet()) {
            String name = e.getKey();
            map.node(name);
            Location at = map.keyAt(name);
            if (e.getValue() instanceof Seq || e.getValue() instanceof Scalar) {
                intents.add(new IntentDefinition(name, name, null, texts(e.getValue(), "intent '" + name + "'"),
                        List.of(), at));
                continue;
            }
            YamlFields i = YamlFields.of(e.getValue(), "intent '" + name + "'", diagnostics);
            if (i != null) {
                intents.add(new IntentDefinition(name, i.string("label", name), i.string("description"),
                        i.strings("utterances"), i.strings("related"), at));
                i.finish();
            }
        }
        map.finish();
    }

    private List<String> texts(Node node, String what) {
        List<String> out = new ArrayList<>();
        if (node instanceof Scalar s) {
            if (!s.isNull()) {
                out.add(s.value());
            }
        } else if (node instanceof Seq seq) {
            for (Node item : seq.items()) {
                if (item instanceof Scalar s && !s.isNull()) {
                    out.add(s.value());
                } else {
                    YamlFields.wrongType(item, "an entry of " + what, "a text", diagnostics);
                }
            }
        } else {
            YamlFields.wrongType(node, what, "a text or a list of texts", diagnostics);
        }
        return out;
    }

    private void readEntities(YamlFields top) {
        YamlFields map = top.fields("entities", "'entities'");
        if (map == null) {
            return;
        }
        for (Map.Entry<String, Node> e : map.map().entries().entrySet()) {
            String name = e.getKey();
            map.node(name);
            YamlFields s = YamlFields.of(e.getValue(), "entity '" + name + "'", diagnostics);
            if (s == null) {
                continue;
            }
            List<SlotClassDefinition.SlotValue> values = new ArrayList<>();
            Node valuesNode = s.node("values");
            if (valuesNode instanceof MapNode vm) {
                for (Map.Entry<String, Node> v : vm.entries().entrySet()) {
                    Location at = vm.keys().get(v.getKey());
                    if (v.getValue() instanceof MapNode) {
                        YamlFields vf = YamlFields.of(v.getValue(), "value '" + v.getKey() + "'", diagnostics);
                        values.add(new SlotClassDefinition.SlotValue(v.getKey(), vf.strings("synonyms"),
                                vf.strings("languages"), at));
                        vf.finish();
                    } else {
                        values.add(new SlotClassDefinition.SlotValue(v.getKey(),
                                texts(v.getValue(), "the synonyms of value '" + v.getKey() + "'"), List.of(), at));
                    }
                }
            } else if (valuesNode instanceof Seq seq) {
                for (Node item : seq.items()) {
                    if (item instanceof Scalar sc && !sc.isNull()) {
                        values.add(new SlotClassDefinition.SlotValue(sc.value(), List.of(), List.of(), sc.at()));
                        continue;
                    }
                    YamlFields vf = YamlFields.of(item, "a value of entity '" + name + "'", diagnostics);
                    if (vf != null) {
                        values.add(new SlotClassDefinition.SlotValue(vf.string("value"), vf.strings("synonyms"),
                                vf.strings("languages"), item.at()));
                        vf.finish();
                    }
                }
            } else if (valuesNode != null && !(valuesNode instanceof Scalar sc && sc.isNull())) {
                YamlFields.wrongType(valuesNode, "'values' of entity '" + name + "'", "a mapping or a list",
                        diagnostics);
            }
            String pattern = s.string("pattern");
            String inferred = pattern != null ? "Pattern" : !values.isEmpty() ? "Value" : null;
            entities.add(new SlotClassDefinition(name, s.string("label", name), s.string("description"),
                    s.string("type", "Text"), s.string("extraction", inferred), pattern, values, map.keyAt(name)));
            s.finish();
        }
        map.finish();
    }

    // ---- versions and dialogs ----------------------------------------------------------------------------------

    private BotVersionDefinition readVersion(YamlFields v, String fullName, Location at) {
        List<VariableDefinition> variables = variables(v, "variables", "variable");
        names = new Names(names(contextVariables), names(variables),
                entities.stream().map(SlotClassDefinition::developerName).collect(java.util.stream.Collectors.toSet()));
        List<SystemDialog> systemDialogs = new ArrayList<>();
        Node sys = v.node("systemDialogs");
        if (sys instanceof MapNode sm) {
            sm.entries().forEach((type, dialog) -> {
                if (dialog instanceof Scalar s && !s.isNull()) {
                    systemDialogs.add(new SystemDialog(type, s.value(), sm.keys().get(type)));
                } else {
                    YamlFields.wrongType(dialog, "system dialog '" + type + "'", "a dialog name", diagnostics);
                }
            });
        } else if (sys instanceof Seq seq) {
            for (Node item : seq.items()) {
                YamlFields f = YamlFields.of(item, "a system dialog", diagnostics);
                if (f != null) {
                    systemDialogs.add(new SystemDialog(f.string("type"), f.string("dialog"), item.at()));
                    f.finish();
                }
            }
        } else if (sys != null && !(sys instanceof Scalar s && s.isNull())) {
            YamlFields.wrongType(sys, "'systemDialogs'", "a mapping of type to dialog", diagnostics);
        }
        List<DialogGroup> groups = new ArrayList<>();
        YamlFields g = v.fields("dialogGroups", "'dialogGroups'");
        if (g != null) {
            for (Map.Entry<String, Node> e : g.map().entries().entrySet()) {
                g.node(e.getKey());
                if (e.getValue() instanceof Scalar s) {
                    groups.add(new DialogGroup(e.getKey(), s.isNull() ? e.getKey() : s.value(), null,
                            g.keyAt(e.getKey())));
                } else {
                    YamlFields gf = YamlFields.of(e.getValue(), "dialog group '" + e.getKey() + "'", diagnostics);
                    if (gf != null) {
                        groups.add(new DialogGroup(e.getKey(), gf.string("label", e.getKey()),
                                gf.string("description"), g.keyAt(e.getKey())));
                        gf.finish();
                    }
                }
            }
            g.finish();
        }
        List<DialogDefinition> dialogs = new ArrayList<>();
        YamlFields d = v.fields("dialogs", "'dialogs'");
        if (d != null) {
            for (Map.Entry<String, Node> e : d.map().entries().entrySet()) {
                d.node(e.getKey());
                DialogDefinition dialog = readDialog(e.getKey(), e.getValue(), d.keyAt(e.getKey()));
                if (dialog != null) {
                    dialogs.add(dialog);
                }
            }
            d.finish();
        }
        String entry = v.string("entry");
        String mainMenu = v.string("mainMenu");
        BotVersionDefinition version = new BotVersionDefinition(fullName, entry, mainMenu,
                v.integer("responseDelay", 0, 60_000), variables, dialogs, systemDialogs, groups,
                v.decimal("intentThreshold"), v.bool("intentDisambiguation"), v.string("language"),
                v.has("entry") ? v.valueAt("entry") : null, v.has("mainMenu") ? v.valueAt("mainMenu") : null, at);
        if (v.has("version")) {
            v.node("version");
        }
        if (!v.what().equals("the bot file")) {
            v.finish();
        }
        return version;
    }

    private static Set<String> names(List<VariableDefinition> variables) {
        return variables.stream().map(VariableDefinition::developerName).collect(java.util.stream.Collectors.toSet());
    }

    private DialogDefinition readDialog(String name, Node node, Location at) {
        if (node instanceof Seq) {
            return new DialogDefinition(name, name, null, false, null, false, null, List.of(),
                    steps(node, name, ""), null, at);
        }
        YamlFields f = YamlFields.of(node, "dialog '" + name + "'", diagnostics);
        if (f == null) {
            return null;
        }
        String label = f.string("label", name);
        String intent = f.string("intent");
        if (f.has("utterances")) {
            if (intent == null) {
                intent = name;
            }
            inlineIntents.add(new IntentDefinition(intent, label, null, f.strings("utterances"), List.of(),
                    f.keyAt("utterances")));
        }
        Node stepsNode = f.node("steps");
        List<Step> steps = stepsNode == null ? List.of() : steps(stepsNode, name, "");
        DialogDefinition dialog = new DialogDefinition(name, label, f.string("description"), f.flag("placeholder"),
                f.string("group"), f.flag("footer"), intent, List.of(), steps, f.bool("training"), at);
        f.finish();
        return dialog;
    }

    // ---- steps -------------------------------------------------------------------------------------------------

    private List<Step> steps(Node node, String dialog, String prefix) {
        List<Step> out = new ArrayList<>();
        if (node instanceof Scalar s && s.isNull()) {
            return out;
        }
        if (!(node instanceof Seq seq)) {
            YamlFields.wrongType(node, "the steps of dialog '" + dialog + "'", "a list", diagnostics);
            return out;
        }
        int i = 0;
        for (Node item : seq.items()) {
            String path = prefix.isEmpty() ? String.valueOf(i) : prefix + "." + i;
            i++;
            Step step = step(item, dialog, path);
            if (step != null) {
                out.add(step);
            }
        }
        return out;
    }

    private Step step(Node item, String dialog, String path) {
        String synthetic = SalesforceMetadataParser.syntheticStepId(dialog, path);
        if (item instanceof Scalar s) {
            String kind = s.isNull() ? "" : s.value();
            return switch (kind) {
                case "wait" -> new Step.Wait(synthetic, s.at());
                case "endChat" -> new Step.SystemMessage(synthetic, "EndChat", null, s.at());
                case "transfer" -> new Step.SystemMessage(synthetic, "Transfer", null, s.at());
                case "transferToAgent" -> new Step.Navigation(synthetic, "TransferToAgent", List.of(), s.at());
                default -> {
                    diagnostics.add(Diagnostic.at(s.at(), "yaml.unknown-step", Severity.ERROR, "step '"
                            + kind + "' in dialog '" + dialog + "' is not known; a step is one of " + SCALAR_STEPS
                            + " or a mapping with one of " + STEP_KEYS.stream().sorted().toList()));
                    yield null;
                }
            };
        }
        YamlFields f = YamlFields.of(item, "a step of dialog '" + dialog + "'", diagnostics);
        if (f == null) {
            return null;
        }
        List<String> kinds = STEP_KEYS.stream().filter(f::has).sorted().toList();
        if (kinds.contains("if") && kinds.contains("group")) {
            kinds = List.of("if");
            diagnostics.add(Diagnostic.at(f.keyAt("group"), "yaml.step-keys", Severity.ERROR, "a step of dialog '"
                    + dialog + "' has both 'if' and 'group'; use 'if' with 'then'"));
        }
        if (kinds.size() != 1) {
            diagnostics.add(Diagnostic.at(f.at(), "yaml.step-keys", Severity.ERROR, "a step of dialog '" + dialog
                    + "' must have exactly one step key, found " + (kinds.isEmpty() ? "none" : kinds)
                    + "; step keys are " + STEP_KEYS.stream().sorted().toList()));
            return null;
        }
        String kind = kinds.getFirst();
        String id = f.has("id") ? f.string("id") : null;
        if (id == null) {
            id = synthetic;
        }
        Location at = f.at();
        String where = kind + " step of dialog '" + dialog + "'";
        Step step = switch (kind) {
            case "message" -> {
                f.node("message");
                yield new Step.Message(id, texts(f.map().entries().get("message"), "the " + where), at);
            }
            case "wait" -> {
                f.node("wait");
                yield new Step.Wait(id, at);
            }
            case "endChat" -> {
                f.node("endChat");
                yield new Step.SystemMessage(id, "EndChat", null, at);
            }
            case "transfer" -> {
                Node n = f.node("transfer");
                String variable = null;
                if (n instanceof MapNode) {
                    YamlFields t = YamlFields.of(n, "the " + where, diagnostics);
                    variable = t.string("variable");
                    t.finish();
                } else if (!(n instanceof Scalar s && s.isNull())) {
                    YamlFields.wrongType(n, "the " + where, "empty or a mapping with 'variable'", diagnostics);
                }
                yield new Step.SystemMessage(id, "Transfer", variable, at);
            }
            case "systemMessage" -> {
                YamlFields t = f.fields("systemMessage", "the " + where);
                String type = t == null ? null : t.string("type");
                String variable = t == null ? null : t.string("transferVariable");
                if (t != null) {
                    t.finish();
                }
                diagnostics.add(Diagnostic.at(at, "system-message.unsupported", Severity.WARNING,
                        "system message type '" + type + "' in dialog '" + dialog + "' is not supported; skipped"));
                yield new Step.SystemMessage(id, type == null ? "(none)" : type, variable, at);
            }
            case "redirect", "menu", "call", "navigate", "transferToAgent" -> {
                BotNavigation nav = navigation(f, kind, where);
                yield new Step.Navigation(id, nav.navigationType(), nav.links(), at);
            }
            case "if", "group" -> group(f, kind, id, dialog, path, at);
            case "set", "unset", "collect", "variables" -> variableOperation(f, kind, id, where, at);
            case "action" -> {
                YamlFields a = f.fields("action", "the " + where);
                yield new Step.Action(id, a == null ? new Invocation(null, null, List.of(), at) : invocation(a), at);
            }
            case "lookup" -> lookup(f, id, where, at);
            case "unsupported" -> {
                YamlFields u = f.fields("unsupported", "the " + where);
                String type = u == null ? null : u.string("type");
                if (u != null) {
                    u.finish();
                }
                diagnostics.add(Diagnostic.at(at, "step.unsupported", Severity.WARNING, "step type '" + type
                        + "' in dialog '" + dialog + "' is not supported; it will be skipped"));
                yield new Step.Unsupported(id, type == null ? "(none)" : type, at);
            }
            default -> throw new IllegalStateException("unhandled step key " + kind);
        };
        f.finish();
        return step;
    }

    /** Reads a navigation written with one of the keys redirect, menu, call, navigate, transferToAgent. */
    private BotNavigation navigation(YamlFields f, String kind, String where) {
        Node n = f.node(kind);
        Location at = f.at();
        return switch (kind) {
            case "redirect" -> new BotNavigation("Redirect", List.of(link(n, where)), at);
            case "menu" -> new BotNavigation("Redirect", links(n, where), at);
            case "call" -> new BotNavigation("Call", n instanceof Seq ? links(n, where) : List.of(link(n, where)), at);
            case "transferToAgent" -> new BotNavigation("TransferToAgent", List.of(), at);
            default -> {
                YamlFields g = YamlFields.of(n, "the " + where, diagnostics);
                if (g == null) {
                    yield new BotNavigation("Redirect", List.of(), at);
                }
                String type = g.string("type", "Redirect");
                Node linksNode = g.node("links");
                List<NavigationLink> links = linksNode == null ? List.of() : links(linksNode, where);
                g.finish();
                if (!Set.of("Redirect", "Call", "TransferToAgent").contains(type)) {
                    diagnostics.add(Diagnostic.at(at, "navigation.unsupported-type", Severity.WARNING,
                            "navigation type '" + type + "' in the " + where + " is not supported"));
                }
                yield new BotNavigation(type, links, at);
            }
        };
    }

    private List<NavigationLink> links(Node n, String where) {
        List<NavigationLink> out = new ArrayList<>();
        if (n instanceof Seq seq) {
            for (Node item : seq.items()) {
                out.add(link(item, where));
            }
        } else {
            YamlFields.wrongType(n, "the targets of the " + where, "a list", diagnostics);
        }
        return out;
    }

    private NavigationLink link(Node n, String where) {
        if (n instanceof Scalar s) {
            if (s.isNull()) {
                diagnostics.add(Diagnostic.at(s.at(), "navigation.no-target", Severity.ERROR,
                        "the " + where + " names no dialog"));
                return new NavigationLink(null, null, null, null, s.at());
            }
            return new NavigationLink(null, s.value(), null, null, s.at());
        }
        YamlFields l = YamlFields.of(n, "a target of the " + where, diagnostics);
        if (l == null) {
            return new NavigationLink(null, null, null, null, n.at());
        }
        String variable = l.string("variable");
        NavigationLink link = new NavigationLink(l.string("label"), l.string("dialog"), variable,
                l.string("variableType", variable == null ? null : names.variableType(variable)), n.at());
        l.finish();
        return link;
    }

    private Step group(YamlFields f, String kind, String id, String dialog, String path, Location at) {
        List<Condition> conditions = new ArrayList<>();
        String logic = null;
        List<Step> nested;
        if (kind.equals("if")) {
            Node cond = f.node("if");
            if (cond instanceof MapNode m && (m.entries().containsKey("all") || m.entries().containsKey("any"))) {
                YamlFields c = YamlFields.of(cond, "the condition of a step of dialog '" + dialog + "'", diagnostics);
                boolean all = c.has("all");
                if (c.has("all") && c.has("any")) {
                    diagnostics.add(Diagnostic.at(cond.at(), "yaml.bad-condition", Severity.ERROR,
                            "a condition has both 'all' and 'any'; nest a second 'if' instead"));
                }
                logic = all ? "And" : "Or";
                for (Node item : c.list(all ? "all" : "any")) {
                    conditions.add(condition(item, dialog));
                }
                c.finish();
            } else if (cond != null) {
                conditions.add(condition(cond, dialog));
            }
            Node then = f.node("then");
            if (then == null) {
                diagnostics.add(Diagnostic.at(at, "yaml.missing-key", Severity.ERROR,
                        "an 'if' step of dialog '" + dialog + "' has no 'then' steps"));
                nested = List.of();
            } else {
                nested = steps(then, dialog, path);
            }
        } else {
            nested = steps(f.node("group"), dialog, path);
        }
        if (f.has("logic")) {
            logic = f.string("logic");
        }
        return new Step.Group(id, logic, conditions, nested, at);
    }

    private Condition condition(Node node, String dialog) {
        String where = "a condition of dialog '" + dialog + "'";
        if (node instanceof Scalar s && !s.isNull()) {
            return expression(s, where);
        }
        YamlFields c = YamlFields.of(node, where, diagnostics);
        if (c == null) {
            return new Condition(null, null, null, null, node.at());
        }
        String variable = c.string("variable");
        String operator = c.string("operator");
        if (operator != null && OPERATORS.containsKey(operator)) {
            operator = OPERATORS.get(operator);
        }
        Condition condition = new Condition(variable, c.string("variableType", names.variableType(variable)),
                operator, c.string("value"), node.at());
        c.finish();
        return condition;
    }

    /** Reads the shorthand {@code "Variable <operator> value"}. */
    private Condition expression(Scalar s, String where) {
        String text = s.value().strip();
        int space = indexOfSpace(text);
        String variable = space < 0 ? text : text.substring(0, space);
        String rest = space < 0 ? "" : text.substring(space).strip();
        for (Map.Entry<String, String> op : OPERATORS.entrySet()) {
            String symbol = op.getKey();
            boolean unary = op.getValue().startsWith("Is");
            if (unary ? rest.equals(symbol) : rest.startsWith(symbol + " ") || rest.equals(symbol)) {
                String value = unary ? null : unquote(rest.substring(symbol.length()).strip());
                if (!unary && value.isEmpty()) {
                    break;
                }
                return new Condition(variable, names.variableType(variable), op.getValue(), value, s.at());
            }
        }
        diagnostics.add(Diagnostic.at(s.at(), "yaml.bad-condition", Severity.ERROR, where + " reads '" + text
                + "'; write 'Variable <operator> value' with one of " + OPERATORS.keySet()
                + ", or a mapping with variable, operator and value"));
        return new Condition(variable, names.variableType(variable), null, null, s.at());
    }

    private static int indexOfSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith("\"") && v.endsWith("\"")))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private Step variableOperation(YamlFields f, String kind, String id, String where, Location at) {
        Node n = f.node(kind);
        switch (kind) {
            case "set" -> {
                YamlFields s = YamlFields.of(n, "the " + where, diagnostics);
                if (s == null) {
                    return setOf(id, "Set", List.of(), null, at);
                }
                if (structured(s)) {
                    List<VariableOperand> operands = operands(s.list("operands"), where);
                    YamlFields a = s.fields("action", "the action of the " + where);
                    Invocation inv = a == null ? null : invocation(a);
                    s.finish();
                    return setOf(id, "Set", operands, inv, at);
                }
                List<VariableOperand> operands = new ArrayList<>();
                for (Map.Entry<String, Node> e : s.map().entries().entrySet()) {
                    s.node(e.getKey());
                    if (e.getValue() instanceof Scalar v) {
                        String value = v.isNull() ? null : v.value();
                        operands.add(new VariableOperand(null, names.sourceType(null, value), value, e.getKey(),
                                names.variableType(e.getKey()), null, s.keyAt(e.getKey())));
                    } else {
                        YamlFields.wrongType(e.getValue(), "the value set to '" + e.getKey() + "'", "a text",
                                diagnostics);
                    }
                }
                return setOf(id, "Set", operands, null, at);
            }
            case "unset" -> {
                List<Node> items = n instanceof Seq seq ? seq.items() : List.of(n);
                return setOf(id, "Unset", operands(items, where), null, at);
            }
            default -> {
                YamlFields c = YamlFields.of(n, "the " + where, diagnostics);
                if (c == null) {
                    return setOf(id, kind.equals("collect") ? "Collect" : "(none)", List.of(), null, at);
                }
                Step step = collect(c, kind, id, where, at);
                c.finish();
                return step;
            }
        }
    }

    /** Whether a {@code set} mapping is the structured form (operands and/or action) rather than target: value. */
    static boolean structured(YamlFields s) {
        Node ops = s.map().entries().get("operands");
        Node action = s.map().entries().get("action");
        return ops instanceof Seq || action instanceof MapNode;
    }

    private static Step.VariableOperation setOf(String id, String type, List<VariableOperand> operands,
            Invocation invocation, Location at) {
        return new Step.VariableOperation(id, type, operands, List.of(), false, false, invocation, List.of(), null,
                null, null, null, null, List.of(), null, false, false, at);
    }

    private List<VariableOperand> operands(List<Node> items, String where) {
        List<VariableOperand> out = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof Scalar s && !s.isNull()) {
                out.add(new VariableOperand(null, null, null, s.value(), names.variableType(s.value()), null,
                        s.at()));
                continue;
            }
            YamlFields o = YamlFields.of(item, "an operand of the " + where, diagnostics);
            if (o != null) {
                out.add(operand(o, "target", "targetType", "source", "sourceType", item.at()));
                o.finish();
            }
        }
        return out;
    }

    private VariableOperand operand(YamlFields o, String targetKey, String targetTypeKey, String sourceKey,
            String sourceTypeKey, Location at) {
        String target = o.string(targetKey);
        String source = o.string(sourceKey);
        String value = o.string("value");
        return new VariableOperand(source, o.string(sourceTypeKey, names.sourceType(source, value)), value, target,
                o.string(targetTypeKey, names.variableType(target)), o.bool("disableAutoFill"), at);
    }

    private Step collect(YamlFields c, String kind, String id, String where, Location at) {
        String operation = c.string("operation", kind.equals("collect") ? "Collect" : null);
        if (operation == null) {
            diagnostics.add(Diagnostic.at(at, "yaml.missing-key", Severity.ERROR,
                    "the " + where + " needs 'operation' (Set, Unset, Collect, ...)"));
            operation = "(none)";
        } else if (!Set.of("Set", "Unset", "Collect").contains(operation)) {
            diagnostics.add(Diagnostic.at(at, "variable-operation.unsupported", Severity.WARNING,
                    "variable operation type '" + operation + "' in the " + where + " is not supported; skipped"));
        }
        List<VariableOperand> operands;
        if (c.has("operands")) {
            operands = operands(c.list("operands"), where);
            for (String single : List.of("variable", "entity", "value", "variableType", "entityType",
                    "disableAutoFill")) {
                if (c.has(single)) {
                    c.node(single);
                    diagnostics.add(Diagnostic.at(c.keyAt(single), "yaml.step-keys", Severity.ERROR, "the " + where
                            + " has both 'operands' and '" + single + "'; put it in an operand"));
                }
            }
        } else if (c.has("variable")) {
            operands = List.of(operand(c, "variable", "variableType", "entity", "entityType", at));
        } else {
            operands = List.of();
            for (String single : List.of("entity", "value", "entityType", "variableType", "disableAutoFill")) {
                if (c.has(single)) {
                    c.node(single);
                    diagnostics.add(Diagnostic.at(c.keyAt(single), "yaml.missing-key", Severity.ERROR,
                            "the " + where + " has '" + single + "' but no 'variable' to store into"));
                }
            }
        }
        boolean hasChoices = c.has("choices");
        List<String> choices = c.strings("choices");
        String from = c.string("from");
        String inferredType = hasChoices ? "Static" : from != null ? "Dynamic" : null;
        YamlFields a = c.fields("action", "the action of the " + where);
        Invocation invocation = a == null ? null : invocation(a);
        BotNavigation invalid = null;
        Node inv = c.node("invalidInput");
        if (inv != null && !(inv instanceof Scalar s && s.isNull())) {
            invalid = invalidInput(inv, where);
        }
        String widget = c.string("widget");
        if ("buttons".equals(widget)) {
            widget = "Buttons";
        } else if ("menu".equals(widget)) {
            widget = "Menu";
        }
        return new Step.VariableOperation(id, operation, operands, c.strings("prompt"), c.flag("askIfSet"),
                c.flag("optional"), invocation, choices, c.string("quickReplyType", inferredType), widget,
                c.string("template"), from, c.string("fromType", from == null ? null : names.variableType(from)),
                c.strings("retry"), invalid, c.flag("autoSelect"), c.flag("ignoreIntents"), at);
    }

    private BotNavigation invalidInput(Node n, String where) {
        String what = "the invalid-input navigation of the " + where;
        if (n instanceof Scalar s && "transferToAgent".equals(s.value())) {
            return new BotNavigation("TransferToAgent", List.of(), s.at());
        }
        YamlFields f = YamlFields.of(n, what, diagnostics);
        if (f == null) {
            return null;
        }
        List<String> kinds = List.of("redirect", "menu", "call", "navigate", "transferToAgent").stream()
                .filter(f::has).toList();
        if (kinds.size() != 1) {
            diagnostics.add(Diagnostic.at(n.at(), "yaml.step-keys", Severity.ERROR, what
                    + " must have exactly one of redirect, menu, call, navigate, transferToAgent"));
            return null;
        }
        BotNavigation nav = navigation(f, kinds.getFirst(), what);
        f.finish();
        return new BotNavigation(nav.navigationType(), nav.links(), n.at());
    }

    private Invocation invocation(YamlFields a) {
        List<Invocation.Mapping> mappings = new ArrayList<>();
        if (a.has("mappings")) {
            for (Node item : a.list("mappings")) {
                YamlFields m = YamlFields.of(item, "a mapping of " + a.what(), diagnostics);
                if (m != null) {
                    String variable = m.string("variable");
                    mappings.add(new Invocation.Mapping(m.string("parameter"), m.string("direction"), variable,
                            m.string("variableType", names.variableType(variable)), m.string("value"), item.at()));
                    m.finish();
                }
            }
        }
        mappings.addAll(parameters(a, "inputs", "Input"));
        mappings.addAll(parameters(a, "outputs", "Output"));
        Invocation invocation = new Invocation(a.string("name"), a.string("type"), mappings, a.at());
        a.finish();
        return invocation;
    }

    private List<Invocation.Mapping> parameters(YamlFields a, String key, String direction) {
        List<Invocation.Mapping> out = new ArrayList<>();
        YamlFields p = a.fields(key, "'" + key + "' of " + a.what());
        if (p == null) {
            return out;
        }
        for (Map.Entry<String, Node> e : p.map().entries().entrySet()) {
            p.node(e.getKey());
            Location at = p.keyAt(e.getKey());
            if (e.getValue() instanceof Scalar s) {
                String variable = s.isNull() ? null : s.value();
                out.add(new Invocation.Mapping(e.getKey(), direction, variable, names.variableType(variable), null,
                        at));
                continue;
            }
            YamlFields m = YamlFields.of(e.getValue(), "parameter '" + e.getKey() + "'", diagnostics);
            if (m != null) {
                String variable = m.string("variable");
                out.add(new Invocation.Mapping(e.getKey(), direction, variable,
                        m.string("variableType", names.variableType(variable)), m.string("value"), at));
                m.finish();
            }
        }
        p.finish();
        return out;
    }

    private Step lookup(YamlFields f, String id, String where, Location at) {
        YamlFields l = f.fields("lookup", "the " + where);
        if (l == null) {
            return new Step.RecordLookup(id, null, List.of(), List.of(), null, null, null, null, null, null, null,
                    at);
        }
        List<LookupCondition> conditions = new ArrayList<>();
        for (Node item : l.list("where")) {
            YamlFields c = YamlFields.of(item, "a filter of the " + where, diagnostics);
            if (c != null) {
                conditions.add(new LookupCondition(c.string("field"), c.string("operator"), c.string("variable"),
                        c.string("variableType"), c.string("value"), c.integer("order", 0, 10_000), item.at()));
                c.finish();
            }
        }
        Step step = new Step.RecordLookup(id, l.string("object"), l.strings("fields"), conditions,
                l.string("filterLogic"), l.integer("max", 1, 2000), l.string("sortBy"), l.string("sortOrder"),
                l.string("source"), l.string("sourceType"), l.string("into"), at);
        l.finish();
        return step;
    }
}
