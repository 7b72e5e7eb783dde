package dev.parley.botmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParleyYamlParserTests {

    private static ParseResult parse(String yaml) {
        return ParleyYamlParser.parse(new SourceFile("bot.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Diagnostic onlyError(ParseResult result) {
        List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
        assertThat(errors).hasSize(1);
        return errors.getFirst();
    }

    @Test
    void readsTheHandWrittenPizzaBot() {
        ParseResult result = ParleyYamlParser.parse(Fixtures.resource("yaml/pizza.yaml"));

        assertThat(result.diagnostics()).isEmpty();
        BotDefinition bot = result.bot();
        assertThat(bot.name()).isEqualTo("Pizza_Bot");
        assertThat(bot.sessionTimeout()).isEqualTo(30);
        assertThat(bot.intents()).extracting(IntentDefinition::developerName).containsExactly("New_Order",
                "Order_Status");
        assertThat(bot.slotClass("Size").orElseThrow()).satisfies(s -> {
            assertThat(s.extractionType()).isEqualTo("Value");
            assertThat(s.values()).extracting(SlotClassDefinition.SlotValue::value)
                    .containsExactly("Small", "Medium", "Large");
            assertThat(s.values().get(2).synonyms()).containsExactly("big", "huge", "family");
        });
        BotVersionDefinition v = bot.versions().getFirst();
        assertThat(v.fullName()).isEqualTo("v1");
        assertThat(v.responseDelayMilliseconds()).isEqualTo(300);
        assertThat(v.systemDialogs()).containsEntry("ErrorHandling", "Error_Handler");
        DialogDefinition order = v.dialog("New_Order").orElseThrow();
        assertThat(order.utterances()).contains("I want a pizza");
        assertThat(order.mlIntent()).isEqualTo("New_Order");
        assertThat(order.steps()).extracting(Step::type).containsExactly("Group", "VariableOperation",
                "VariableOperation", "Group", "Group", "Invocation", "Message", "Navigation");
        Step.Group verify = (Step.Group) order.steps().getFirst();
        assertThat(verify.conditions()).singleElement().satisfies(c -> {
            assertThat(c.leftOperandName()).isEqualTo("Verified");
            assertThat(c.operatorType()).isEqualTo("IsNotSet");
            assertThat(c.leftOperandType()).isEqualTo("ConversationVariable");
        });
        assertThat(((Step.Navigation) verify.steps().getFirst()).navigationType()).isEqualTo("Call");
        Step.VariableOperation size = (Step.VariableOperation) order.steps().get(1);
        assertThat(size.operands()).singleElement().satisfies(o -> {
            assertThat(o.targetName()).isEqualTo("Pizza_Size");
            assertThat(o.sourceName()).isEqualTo("Size");
            assertThat(o.sourceType()).isEqualTo("MlSlotClass");
        });
        assertThat(size.retryMessages()).hasSize(2);
        assertThat(size.quickReplies()).containsExactly("Small", "Medium", "Large");
        assertThat(size.quickReplyType()).isEqualTo("Static");
        assertThat(size.quickReplyWidgetType()).isEqualTo("Buttons");
        Step.Group party = (Step.Group) order.steps().get(3);
        assertThat(party.conditionLogicType()).isEqualTo("And");
        assertThat(party.conditions()).extracting(Condition::operatorType).containsExactly("GreaterThan", "Equals");
        assertThat(party.conditions()).extracting(Condition::rightOperandValue).containsExactly("5", "Large");
        assertThat(((Step.Group) order.steps().get(4)).conditionLogicType()).isEqualTo("Or");
        Step.Action create = (Step.Action) order.steps().get(5);
        assertThat(create.invocation().mappings()).extracting(Invocation.Mapping::parameterName,
                Invocation.Mapping::direction, Invocation.Mapping::variableType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Size", "Input", "ConversationVariable"),
                        org.assertj.core.groups.Tuple.tuple("Count", "Input", "ConversationVariable"),
                        org.assertj.core.groups.Tuple.tuple("Contact", "Input", "ContextVariable"),
                        org.assertj.core.groups.Tuple.tuple("OrderNumber", "Output", "ConversationVariable"));
        Step.Navigation menu = (Step.Navigation) v.dialog("Main_Menu").orElseThrow().steps().getFirst();
        assertThat(menu.links()).extracting(NavigationLink::targetDialog, NavigationLink::label).containsExactly(
                org.assertj.core.groups.Tuple.tuple("New_Order", null),
                org.assertj.core.groups.Tuple.tuple("Order_Status", null),
                org.assertj.core.groups.Tuple.tuple("Talk_To_Agent", "Talk to a person"));
        assertThat(v.dialog("Confused").orElseThrow().steps()).extracting(Step::type).containsExactly("Message",
                "Wait");
        assertThat(v.dialog("Goodbye").orElseThrow().showInFooterMenu()).isTrue();
        Step.VariableOperation set = (Step.VariableOperation) v.dialog("Verify_Customer").orElseThrow().steps()
                .get(1);
        assertThat(set.operands()).singleElement().satisfies(o -> {
            assertThat(o.targetName()).isEqualTo("Verified");
            assertThat(o.sourceValue()).isEqualTo("true");
            assertThat(o.sourceType()).isEqualTo("Value");
        });
    }

    @Test
    void positionsComeFromTheYaml() {
        ParseResult result = ParleyYamlParser.parse(Fixtures.resource("yaml/pizza.yaml"));
        DialogDefinition welcome = result.bot().versions().getFirst().dialog("Welcome").orElseThrow();

        assertThat(welcome.location()).isEqualTo(new Location("pizza.yaml", 40, 3));
        assertThat(welcome.steps().getFirst().location()).isEqualTo(new Location("pizza.yaml", 41, 7));
        assertThat(welcome.steps().getFirst().id()).isEqualTo("Welcome/0");
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        Diagnostic error = onlyError(parse("parley: 1\nname: X\ndialogs:\n  A: [unclosed\n"));

        assertThat(error.code()).isEqualTo("yaml.malformed");
        assertThat(error.file()).isEqualTo("bot.yaml");
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.column()).isPositive();
    }

    @Test
    void unknownKeysAreWarningsAtTheKey() {
        ParseResult result = parse("""
                parley: 1
                name: X
                colour: blue
                entry: A
                dialogs:
                  A:
                    label: A
                    stepz: []
                """);

        assertThat(result.diagnostics()).filteredOn(d -> d.code().equals("yaml.unknown-key"))
                .extracting(Diagnostic::line, Diagnostic::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "key 'colour' is not known in the bot "
                        + "file; it is ignored"), org.assertj.core.groups.Tuple.tuple(8, "key 'stepz' is not known "
                        + "in dialog 'A'; it is ignored"));
    }

    @Test
    void wrongTypesAndBadValuesAreErrorsNamingTheKey() {
        ParseResult result = parse("""
                parley: 1
                name: X
                sessionTimeout: soon
                entry: A
                dialogs:
                  A:
                    steps: {message: hi}
                  B:
                    - teleport
                    - {message: hi, wait: ~}
                    - if: Flag ~= 3
                      then: []
                """);

        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR)
                .extracting(Diagnostic::code, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("yaml.bad-value", 3),
                        org.assertj.core.groups.Tuple.tuple("yaml.wrong-type", 7),
                        org.assertj.core.groups.Tuple.tuple("yaml.unknown-step", 9),
                        org.assertj.core.groups.Tuple.tuple("yaml.step-keys", 10),
                        org.assertj.core.groups.Tuple.tuple("yaml.bad-condition", 11));
        assertThat(result.bot()).isNotNull();
    }

    @Test
    void theFormatVersionIsChecked() {
        assertThat(onlyError(parse("parley: 2\nname: X\nentry: A\ndialogs: {A: [wait]}\n")).code())
                .isEqualTo("yaml.format-version");
        assertThat(parse("name: X\nentry: A\ndialogs: {A: [wait]}\n").diagnostics()).extracting(Diagnostic::code)
                .containsExactly("yaml.no-format");
    }

    @Test
    void aDocumentThatIsNotAMappingIsAnError() {
        assertThat(onlyError(parse("- just\n- a list\n")).code()).isEqualTo("yaml.wrong-type");
        assertThat(onlyError(parse("")).code()).isEqualTo("yaml.empty");
        assertThat(onlyError(parse("a: 1\n---\nb: 2\n")).code()).isEqualTo("yaml.several-documents");
    }

    @Test
    void duplicateKeysAreRefused() {
        Diagnostic error = onlyError(parse("parley: 1\nname: X\ndialogs:\n  A: [wait]\n  A: [wait]\n"));

        assertThat(error.code()).isEqualTo("yaml.duplicate-key");
        assertThat(error.message()).contains("'A'");
        assertThat(error.line()).isEqualTo(5);
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder doc = new StringBuilder("parley: 1\nname: X\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, "
                + "lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            doc.append("l").append(i).append(": &l").append(i).append(" [");
            doc.append(("*l" + (i - 1) + ", ").repeat(9)).append("*l").append(i - 1).append("]\n");
        }
        long start = System.nanoTime();

        Diagnostic error = onlyError(parse(doc.toString()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(error.code()).isEqualTo("yaml.too-large");
    }

    @Test
    void deepNestingIsRefusedWithoutAStackOverflow() {
        String deep = "parley: 1\nname: X\nx: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        String deepBlock = "parley: 1\nname: X\nx:\n" + "- ".repeat(10_000) + "a\n";

        assertThat(onlyError(parse(deep)).code()).isEqualTo("yaml.too-deep");
        assertThat(onlyError(parse(deepBlock)).code()).isEqualTo("yaml.too-deep");
    }

    @Test
    void tooBigAndNotUtf8AreRefused() {
        byte[] big = new byte[YamlTree.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '#');

        assertThat(onlyError(ParleyYamlParser.parse(new SourceFile("big.yaml", big))).code())
                .isEqualTo("file.too-large");
        assertThat(onlyError(ParleyYamlParser.parse(new SourceFile("bin.yaml", new byte[] {(byte) 0xff, 0x00, 0x41})))
                .code()).isEqualTo("yaml.malformed");
    }

    @Test
    void tagsNeverConstructObjects() {
        ParseResult result = parse("""
                parley: 1
                name: !!java.lang.ProcessBuilder [touch, pwned]
                label: !<tag:yaml.org,2002:javax.script.ScriptEngineManager> x
                entry: A
                dialogs: {A: [wait]}
                """);

        assertThat(result.diagnostics()).extracting(Diagnostic::code).contains("yaml.wrong-type");
        assertThat(result.bot().label()).isEqualTo("x");
    }

    @Test
    void aliasesWithinLimitsAreExpanded() {
        ParseResult result = parse("""
                parley: 1
                name: X
                entry: A
                dialogs:
                  A: &steps [{message: hi}, wait]
                  B: *steps
                """);

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.bot().versions().getFirst().dialog("B").orElseThrow().steps()).hasSize(2);
    }

    @Test
    void inlineVersionKeysAndAVersionsMappingDoNotMix() {
        ParseResult result = parse("parley: 1\nname: X\nentry: A\nversions: {v1: {entry: A, dialogs: {A: [wait]}}}\n");

        assertThat(result.diagnostics()).extracting(Diagnostic::code).contains("yaml.versions-and-inline");
    }
}
