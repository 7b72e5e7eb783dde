package dev.parley.botmodel;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One compiled bot version: immutable, thread-safe, built once and shared by all turns. Dialog references have been
 * checked, so every navigation target and the entry dialog exist. Everything a turn needs is precomputed here (dialog
 * index, phrase indexes for labels and utterances, merge-field templates, typed group conditions, slot class matchers
 * with compiled regular expressions), so a turn does no parsing.
 */
public final class Program {

    private static final Pattern MERGE_FIELD = Pattern.compile("\\{!\\s*([^}]*?)\\s*}");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final String botName;
    private final String versionName;
    private final String entryDialog;
    private final String mainMenuDialog;
    private final String confusedDialog;
    private final int responseDelayMs;
    private final Integer sessionTimeoutMinutes;
    private final boolean logPrivateConversationData;
    private final Double intentThreshold;
    private final String language;
    private final Map<String, DialogDefinition> dialogs;
    private final Map<String, String> systemDialogs;
    private final Map<String, IntentMatch> byUtterance;
    private final Map<String, IntentMatch> byLabel;
    private final Map<String, VariableDefinition> variables;
    private final Map<String, ValueType> variableTypes;
    private final Map<String, SlotMatcher> slotMatchers;
    private final Map<String, Template> templates;
    private final Map<Step.Group, GroupCheck> groupChecks;
    private final List<Diagnostic> warnings;

    Program(BotDefinition bot, BotVersionDefinition version, List<Diagnostic> warnings) {
        this.botName = bot.name();
        this.versionName = version.fullName();
        this.entryDialog = version.entryDialog();
        this.mainMenuDialog = version.mainMenuDialog();
        this.responseDelayMs = version.responseDelayMilliseconds() == null ? 0 : version.responseDelayMilliseconds();
        this.sessionTimeoutMinutes = bot.sessionTimeout();
        this.logPrivateConversationData = Boolean.TRUE.equals(bot.logPrivateConversationData());
        this.intentThreshold = version.intentThreshold();
        this.language = version.language();
        Map<String, DialogDefinition> byName = new LinkedHashMap<>();
        version.dialogs().forEach(d -> byName.putIfAbsent(d.developerName(), d));
        this.dialogs = Collections.unmodifiableMap(byName);
        DialogDefinition confused = findConfused(version.dialogs());
        this.confusedDialog = confused == null ? null : confused.developerName();
        this.systemDialogs = Map.copyOf(version.systemDialogs());

        // first dialog wins on a shared label or utterance, so matching follows file order
        Map<String, IntentMatch> utterances = new HashMap<>();
        Map<String, IntentMatch> labels = new HashMap<>();
        for (DialogDefinition d : version.dialogs()) {
            if (d.label() != null && !normalise(d.label()).isEmpty()) {
                labels.putIfAbsent(normalise(d.label()),
                        new IntentMatch(d.developerName(), "label", d.mlIntent(), d.label()));
            }
            List<String> examples = new ArrayList<>(d.utterances());
            if (d.mlIntent() != null) {
                bot.intent(d.mlIntent()).ifPresent(i -> examples.addAll(i.utterances()));
            }
            for (String u : examples) {
                if (!normalise(u).isEmpty()) {
                    utterances.putIfAbsent(normalise(u),
                            new IntentMatch(d.developerName(), "utterance", d.mlIntent(), u));
                }
            }
        }
        this.byUtterance = Map.copyOf(utterances);
        this.byLabel = Map.copyOf(labels);

        Map<String, VariableDefinition> vars = new LinkedHashMap<>();
        bot.contextVariables().forEach(v -> vars.put(v.developerName(), v));
        version.conversationVariables().forEach(v -> vars.put(v.developerName(), v));
        vars.remove(null);
        this.variables = Collections.unmodifiableMap(vars);
        Map<String, ValueType> types = new HashMap<>();
        vars.forEach((name, v) -> types.put(name, ValueType.of(v.dataType())));
        this.variableTypes = Map.copyOf(types);

        Map<String, SlotMatcher> slots = new HashMap<>();
        for (SlotClassDefinition slot : bot.slotClasses()) {
            if (slot.developerName() != null) {
                slots.putIfAbsent(slot.developerName(), SlotMatcher.of(slot));
            }
        }
        this.slotMatchers = Map.copyOf(slots);

        Map<String, Template> compiled = new HashMap<>();
        Map<Step.Group, GroupCheck> checks = new IdentityHashMap<>();
        for (DialogDefinition d : version.dialogs()) {
            index(d.steps(), compiled, checks);
        }
        this.templates = Collections.unmodifiableMap(compiled);
        this.groupChecks = Collections.unmodifiableMap(checks);
        this.warnings = List.copyOf(warnings);
    }

    /** Compiles the templates and group conditions of these steps and their nested steps. */
    private void index(List<Step> steps, Map<String, Template> compiled, Map<Step.Group, GroupCheck> checks) {
        for (Step step : steps) {
            switch (step) {
                case Step.Message m -> m.messages().forEach(t -> compiled.computeIfAbsent(t, Template::parse));
                case Step.Group g -> {
                    checks.put(g, GroupCheck.of(g, variableTypes, compiled));
                    index(g.steps(), compiled, checks);
                }
                case Step.VariableOperation op -> {
                    op.prompts().forEach(t -> compiled.computeIfAbsent(t, Template::parse));
                    op.retryMessages().forEach(t -> compiled.computeIfAbsent(t, Template::parse));
                    op.quickReplies().forEach(t -> compiled.computeIfAbsent(t, Template::parse));
                    if (op.quickReplyOptionTemplate() != null) {
                        compiled.computeIfAbsent(op.quickReplyOptionTemplate(), Template::parse);
                    }
                    for (VariableOperand o : op.operands()) {
                        if (o.sourceValue() != null) {
                            compiled.computeIfAbsent(o.sourceValue(), Template::parse);
                        }
                    }
                }
                case Step.RecordLookup lookup -> {
                    for (LookupCondition c : lookup.conditions()) {
                        if (c.rightOperandValue() != null) {
                            compiled.computeIfAbsent(c.rightOperandValue(), Template::parse);
                        }
                    }
                }
                case Step.Action action -> {
                    for (Invocation.Mapping m : action.invocation().mappings()) {
                        if (m.value() != null) {
                            compiled.computeIfAbsent(m.value(), Template::parse);
                        }
                    }
                }
                default -> {
                    // nothing to precompute
                }
            }
        }
    }

    /** The Confused dialog: developer name {@code Confused}, else label {@code Confused} (case-insensitive). */
    static DialogDefinition findConfused(List<DialogDefinition> dialogs) {
        for (DialogDefinition d : dialogs) {
            if ("confused".equalsIgnoreCase(d.developerName())) {
                return d;
            }
        }
        for (DialogDefinition d : dialogs) {
            if (d.label() != null && "confused".equalsIgnoreCase(d.label().strip())) {
                return d;
            }
        }
        return null;
    }

    private static String normalise(String text) {
        return BotCompiler.normalise(text);
    }

    /** The bot's API name. */
    public String botName() {
        return botName;
    }

    /** The version's {@code fullName}, e.g. {@code v1}. */
    public String versionName() {
        return versionName;
    }

    /** The developer name of the dialog a session starts with. */
    public String entryDialog() {
        return entryDialog;
    }

    /** The main menu dialog's developer name, or {@code null}. */
    public String mainMenuDialog() {
        return mainMenuDialog;
    }

    /** The Confused dialog's developer name, or {@code null} when the bot has none. */
    public String confusedDialog() {
        return confusedDialog;
    }

    /** The version's {@code responseDelayMilliseconds}, 0 when absent. */
    public int responseDelayMs() {
        return responseDelayMs;
    }

    /** The bot's {@code sessionTimeout} in idle minutes; {@code null} when absent, 0 = the platform default. */
    public Integer sessionTimeoutMinutes() {
        return sessionTimeoutMinutes;
    }

    /**
     * The bot's {@code logPrivateConversationData}; {@code false} when absent (the Salesforce default), in which case
     * user-entered values must be redacted from logs.
     */
    public boolean logPrivateConversationData() {
        return logPrivateConversationData;
    }

    /** The version's {@code intentThreshold} (1..5), or {@code null}: for the NLU model, not used by exact matching. */
    public Double intentThreshold() {
        return intentThreshold;
    }

    /** The version's language (e.g. {@code en_US}), or {@code null}. */
    public String language() {
        return language;
    }

    /** All dialogs by developer name, in file order. */
    public Map<String, DialogDefinition> dialogs() {
        return dialogs;
    }

    /** The dialog with this developer name. */
    public Optional<DialogDefinition> dialog(String developerName) {
        return Optional.ofNullable(developerName == null ? null : dialogs.get(developerName));
    }

    /** The dialog for a system dialog type such as {@code ErrorHandling} or {@code TransferFailed}. */
    public Optional<String> systemDialog(String type) {
        return Optional.ofNullable(systemDialogs.get(type));
    }

    /**
     * The dialog an utterance opens by exact match: first an intent utterance, then a dialog label (case, surrounding
     * punctuation and runs of white space do not count).
     */
    public Optional<IntentMatch> matchText(String text) {
        String key = normalise(text);
        IntentMatch match = byUtterance.get(key);
        return Optional.ofNullable(match != null ? match : byLabel.get(key));
    }

    /** The dialog whose label or an utterance equals the text (case-insensitive, whitespace-normalised). */
    public Optional<String> dialogForText(String text) {
        return matchText(text).map(IntentMatch::dialog);
    }

    /** Declared context and conversation variables by developer name. */
    public Map<String, VariableDefinition> variables() {
        return variables;
    }

    /** The declared type of a variable; {@link ValueType#ANY} when it is not declared. */
    public ValueType variableType(String name) {
        return name == null ? ValueType.ANY : variableTypes.getOrDefault(name, ValueType.ANY);
    }

    /** Whether the variable is declared as a {@code List}. */
    public boolean isListVariable(String name) {
        VariableDefinition v = name == null ? null : variables.get(name);
        return v != null && v.isList();
    }

    /** The matcher of a custom slot class ({@code MlSlotClass}), if the bot defines it. */
    public Optional<SlotMatcher> slotMatcher(String slotClass) {
        return Optional.ofNullable(slotClass == null ? null : slotMatchers.get(slotClass));
    }

    /** The compiled merge-field template of a message, prompt or literal (compiled on the fly if unknown). */
    public Template template(String text) {
        Template t = templates.get(text);
        return t != null ? t : Template.parse(text);
    }

    /** The compiled conditions of a group step of this program. */
    public GroupCheck groupCheck(Step.Group group) {
        GroupCheck check = groupChecks.get(group);
        return check != null ? check : GroupCheck.of(group, variableTypes, new HashMap<>());
    }

    /** Non-fatal findings of the compilation (warnings and infos). */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    /** A name-based UUID stable for this bot version and the given parts (used for choice ids). */
    public String stableId(String... parts) {
        StringBuilder key = new StringBuilder("parley:").append(botName).append(':').append(versionName);
        for (String part : parts) {
            key.append('\u0000').append(part);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public String toString() {
        return "Program[" + botName + " " + versionName + ", " + dialogs.size() + " dialogs]";
    }

    // ---- precompiled parts -----------------------------------------------------------------------------------------

    /**
     * A dialog found for free text by exact match.
     *
     * @param dialog the dialog's developer name
     * @param source {@code utterance} (an intent's example) or {@code label} (the dialog's label)
     * @param intent the dialog's intent name, or {@code null}
     * @param phrase the utterance or label that matched, as written in the bot
     */
    public record IntentMatch(String dialog, String source, String intent, String phrase) {
    }

    /** A variable's declared data type. */
    public enum ValueType {
        TEXT, ID, NUMBER, CURRENCY, BOOLEAN, DATE, DATETIME, OBJECT,
        /** Not declared: the value's own JSON type decides. */
        ANY;

        /** The type of a {@code dataType} as written ({@code Text}, {@code Number}, ...); unknown gives ANY. */
        public static ValueType of(String dataType) {
            if (dataType == null) {
                return ANY;
            }
            return switch (dataType.strip().toLowerCase(Locale.ROOT)) {
                case "text", "string", "email", "phone", "url", "picklist", "textarea" -> TEXT;
                case "id", "reference" -> ID;
                case "number", "double", "integer", "int", "decimal", "percent", "long" -> NUMBER;
                case "currency", "money" -> CURRENCY;
                case "boolean", "checkbox" -> BOOLEAN;
                case "date" -> DATE;
                case "datetime" -> DATETIME;
                case "object", "sobject", "record" -> OBJECT;
                default -> ANY;
            };
        }

        /** Whether values of this type compare as numbers. */
        public boolean numeric() {
            return this == NUMBER || this == CURRENCY;
        }
    }

    /**
     * A text with merge fields, split once: literal segments and field paths ({@code {!Var}} is {@code [Var]},
     * {@code {!Var.Field}} is {@code [Var, Field]}, {@code {!$Context.Var}} is {@code [Var]}).
     *
     * @param source   the text as written
     * @param segments literal and field segments in order
     */
    public record Template(String source, List<Segment> segments) {

        public Template {
            segments = List.copyOf(segments);
        }

        /** Whether the text has no merge fields. */
        public boolean constant() {
            return segments.stream().allMatch(s -> s.path() == null);
        }

        static Template parse(String text) {
            List<Segment> out = new ArrayList<>();
            Matcher m = MERGE_FIELD.matcher(text);
            int last = 0;
            while (m.find()) {
                if (m.start() > last) {
                    out.add(new Segment(text.substring(last, m.start()), null));
                }
                List<String> path = new ArrayList<>(List.of(m.group(1).split("\\.", -1)));
                path.replaceAll(String::strip);
                if (path.size() > 1 && path.getFirst().startsWith("$")) {
                    path.removeFirst(); // $Context.X, $Variable.X: the variable is X
                }
                out.add(new Segment(null, path));
                last = m.end();
            }
            if (last < text.length()) {
                out.add(new Segment(text.substring(last), null));
            }
            return new Template(text, out);
        }

        /**
         * One part of a template.
         *
         * @param text a literal, or {@code null} for a field
         * @param path the field path (variable first), or {@code null} for a literal
         */
        public record Segment(String text, List<String> path) {
            public Segment {
                path = path == null ? null : List.copyOf(path);
            }
        }
    }

    /** A condition operator as Parley runs it. */
    public enum Operator {
        EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_THAN_OR_EQUAL_TO, LESS_THAN, LESS_THAN_OR_EQUAL_TO, IS_SET,
        IS_NOT_SET, CONTAINS, STARTS_WITH, ENDS_WITH,
        /** Not an operator Parley knows: the condition never holds. */
        UNKNOWN;

        /** The operator of an {@code operatorType} (Salesforce names plus common spellings). */
        public static Operator of(String operatorType) {
            if (operatorType == null) {
                return UNKNOWN;
            }
            return switch (operatorType.strip().toLowerCase(Locale.ROOT)) {
                case "equals", "equal", "equalto", "eq" -> EQUALS;
                case "notequals", "notequal", "notequalto", "ne" -> NOT_EQUALS;
                case "greaterthan", "gt" -> GREATER_THAN;
                case "greaterthanorequalto", "greaterthanorequal", "greaterthanorequals", "ge" ->
                        GREATER_THAN_OR_EQUAL_TO;
                case "lessthan", "lt" -> LESS_THAN;
                case "lessthanorequalto", "lessthanorequal", "lessthanorequals", "le" -> LESS_THAN_OR_EQUAL_TO;
                case "isset", "isnotnull" -> IS_SET;
                case "isnotset", "isnull" -> IS_NOT_SET;
                case "contains" -> CONTAINS;
                case "startswith" -> STARTS_WITH;
                case "endswith" -> ENDS_WITH;
                default -> UNKNOWN;
            };
        }
    }

    /**
     * One group condition, typed once: the right operand is parsed to the left variable's declared type.
     *
     * @param condition     the condition as written
     * @param variable      the variable tested
     * @param operator      the operator
     * @param type          the variable's declared type ({@link ValueType#ANY} when undeclared)
     * @param right         the right operand as written, or {@code null}
     * @param rightTemplate the right operand's template when it has merge fields (then it is typed at run time), or
     *                      {@code null}
     * @param typedRight    the right operand as {@link BigDecimal} (number, currency), {@link LocalDate},
     *                      {@link Instant}, {@link Boolean} or {@link String}; for an undeclared variable a
     *                      {@link BigDecimal} when it reads as a number, else the text; {@code null} when absent or
     *                      unreadable as the type
     */
    public record ConditionCheck(Condition condition, String variable, Operator operator, ValueType type,
            String right, Template rightTemplate, Object typedRight) {

        static ConditionCheck of(Condition c, Map<String, ValueType> types, Map<String, Template> compiled) {
            ValueType type = c.leftOperandName() == null ? ValueType.ANY
                    : types.getOrDefault(c.leftOperandName(), ValueType.ANY);
            String right = c.rightOperandValue();
            Template template = null;
            Object typed = null;
            if (right != null) {
                Template t = compiled.computeIfAbsent(right, Template::parse);
                if (t.constant()) {
                    typed = typedOperand(right, type);
                } else {
                    template = t;
                }
            }
            return new ConditionCheck(c, c.leftOperandName(), Operator.of(c.operatorType()), type, right, template,
                    typed);
        }

        /** Reads a literal as a value of the type; {@code null} when it does not read as one. */
        public static Object typedOperand(String text, ValueType type) {
            if (text == null) {
                return null;
            }
            String s = text.strip();
            return switch (type) {
                case NUMBER, CURRENCY -> decimal(s);
                case BOOLEAN -> s.equalsIgnoreCase("true") ? Boolean.TRUE
                        : s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                case DATE -> date(s);
                case DATETIME -> instant(s);
                case ANY -> {
                    BigDecimal d = decimal(s);
                    yield d != null ? d : text;
                }
                default -> text;
            };
        }

        static BigDecimal decimal(String s) {
            try {
                return new BigDecimal(s.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        static LocalDate date(String s) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeException e) {
                Instant i = instant(s);
                return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
            }
        }

        static Instant instant(String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeException e) {
                // not an instant with Z
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeException e) {
                // no offset
            }
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // not a date-time
            }
            try {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    /**
     * A group's conditions, compiled.
     *
     * @param any        {@code true} for {@code Or} (any condition), {@code false} for {@code And} (all)
     * @param conditions the conditions in order; empty = always true
     */
    public record GroupCheck(boolean any, List<ConditionCheck> conditions) {

        public GroupCheck {
            conditions = List.copyOf(conditions);
        }

        static GroupCheck of(Step.Group g, Map<String, ValueType> types, Map<String, Template> compiled) {
            List<ConditionCheck> checks = new ArrayList<>();
            for (Condition c : g.conditions()) {
                checks.add(ConditionCheck.of(c, types, compiled));
            }
            return new GroupCheck("Or".equalsIgnoreCase(g.conditionLogicType()), checks);
        }
    }

    /**
     * Extracts a custom slot class's value from text: {@code Pattern} slot classes by their regular expression (the
     * first match), {@code Value} slot classes by their values and synonyms (case and punctuation do not count; the
     * whole text first, then the longest value or synonym found as whole words in it). Thread-safe.
     */
    public static final class SlotMatcher {

        private final String name;
        private final ValueType type;
        private final Pattern regex;
        /** Normalised phrase (value or synonym) to the canonical value, longest phrase first. */
        private final List<Map.Entry<String, String>> phrases;
        private final String problem;

        private SlotMatcher(String name, ValueType type, Pattern regex, List<Map.Entry<String, String>> phrases,
                String problem) {
            this.name = name;
            this.type = type;
            this.regex = regex;
            this.phrases = phrases;
            this.problem = problem;
        }

        static SlotMatcher of(SlotClassDefinition slot) {
            ValueType type = ValueType.of(slot.dataType());
            Pattern regex = null;
            String problem = null;
            if (slot.extractionRegex() != null && !slot.extractionRegex().isBlank()) {
                try {
                    regex = Pattern.compile(slot.extractionRegex());
                } catch (PatternSyntaxException e) {
                    problem = "slot class '" + slot.developerName() + "' has an invalid extractionRegex '"
                            + slot.extractionRegex() + "': " + e.getDescription();
                }
            }
            Map<String, String> byPhrase = new LinkedHashMap<>();
            for (SlotClassDefinition.SlotValue v : slot.values()) {
                if (v.value() == null) {
                    continue;
                }
                byPhrase.putIfAbsent(words(v.value()), v.value());
                for (String synonym : v.synonyms()) {
                    byPhrase.putIfAbsent(words(synonym), v.value());
                }
            }
            byPhrase.remove("");
            List<Map.Entry<String, String>> phrases = new ArrayList<>(byPhrase.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
            phrases.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
            return new SlotMatcher(slot.developerName(), type, regex, List.copyOf(phrases), problem);
        }

        private static String words(String text) {
            return NON_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        }

        /** The slot class's developer name. */
        public String name() {
            return name;
        }

        /** The slot class's data type. */
        public ValueType type() {
            return type;
        }

        /** Why the slot class cannot extract anything (e.g. an invalid regex), or {@code null}. */
        public String problem() {
            return problem;
        }

        /** The value found in the text, or {@code null}. */
        public String extract(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            if (regex != null) {
                Matcher m = regex.matcher(text);
                if (m.find() && !m.group().isBlank()) {
                    return m.group();
                }
            }
            if (phrases.isEmpty()) {
                return null;
            }
            String normalised = words(text);
            for (Map.Entry<String, String> p : phrases) {
                if (p.getKey().equals(normalised)) {
                    return p.getValue();
                }
            }
            String padded = " " + normalised + " ";
            for (Map.Entry<String, String> p : phrases) {
                if (padded.contains(" " + p.getKey() + " ")) {
                    return p.getValue();
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return "SlotMatcher[" + name + "]";
        }
    }
}
