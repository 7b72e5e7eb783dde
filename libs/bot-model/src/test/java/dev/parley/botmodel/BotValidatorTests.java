package dev.parley.botmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotValidatorTests {

    /** A small valid bot; tests add dialogs, variables and entities to it. */
    private static String bot(String variables, String dialogs) {
        return bot("", variables, dialogs);
    }

    private static String bot(String top, String variables, String dialogs) {
        return """
                parley: 1
                name: T
                %s
                entry: Welcome
                systemDialogs: {ErrorHandling: Welcome}
                variables:
                  Name: Text
                  Count: Number
                  Flag: Boolean
                  Day: Date
                  Items: {type: Object, list: true}
                %s
                dialogs:
                  Welcome:
                    - message: Hi
                    - wait
                %s
                """.formatted(top, variables.indent(2), dialogs.indent(2));
    }

    private static List<Diagnostic> load(String yaml) {
        ParseResult result = BotLoader.load(List.of(new SourceFile("t.yaml", yaml.getBytes(StandardCharsets.UTF_8))));
        assertThat(result.diagnostics()).noneMatch(d -> d.code().startsWith("yaml."));
        return result.diagnostics();
    }

    private static List<Diagnostic> withCode(List<Diagnostic> diagnostics, String code) {
        return diagnostics.stream().filter(d -> d.code().equals(code)).toList();
    }

    private static List<Diagnostic> errors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    @Test
    void theSmallBotIsClean() {
        assertThat(load(bot("", ""))).isEmpty();
    }

    @Test
    void everyReferenceBotValidatesWithoutErrors() {
        for (List<String> files : List.of(
                List.of("reference/Astro_Case_Resolution.bot-meta.xml",
                        "reference/Astro_Case_Resolution__v1.botVersion-meta.xml"),
                List.of("reference/ExternalBot.bot-meta.xml", "reference/ExternalBot__v1.botVersion-meta.xml"),
                List.of("reference/kovai.bot"))) {
            ParseResult result = BotLoader.load(files.stream().map(Fixtures::resource).toList());

            assertThat(errors(result.diagnostics())).as("%s", files).isEmpty();
            assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.WARNING)
                    .extracting(Diagnostic::code).containsOnly("dialog.unreachable");
        }
    }

    @Test
    void aMissingOrUnknownEntryDialogIsAnErrorAtTheEntryLine() {
        List<Diagnostic> unknown = load(bot("", "").replace("entry: Welcome", "entry: Start"));
        List<Diagnostic> missing = load(bot("", "").replace("entry: Welcome\n", ""));

        assertThat(withCode(unknown, "entry-dialog.unknown")).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).contains("'Start'");
            assertThat(d.file()).isEqualTo("t.yaml");
            assertThat(d.line()).isEqualTo(4);
            assertThat(d.column()).isEqualTo(8);
        });
        assertThat(withCode(missing, "entry-dialog.missing")).hasSize(1);
    }

    @Test
    void navigationToAMissingDialogIsAnErrorWhereverItIs() {
        List<Diagnostic> d = load(bot("", """
                Other:
                  - redirect: Nowhere
                  - call: Gone
                  - menu: [Welcome, Missing]
                  - collect: {variable: Name, entity: _Text, invalidInput: {redirect: Lost}}
                """).replace("    - wait\n", "    - menu: [Welcome, Other]\n"));

        assertThat(withCode(d, "navigation.unknown-dialog")).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("'Nowhere'"))
                .anySatisfy(m -> assertThat(m).contains("'Gone'"))
                .anySatisfy(m -> assertThat(m).contains("'Missing'"))
                .anySatisfy(m -> assertThat(m).contains("'Lost'"))
                .allSatisfy(m -> assertThat(m).contains("dialog 'Other'"));
    }

    @Test
    void undefinedVariablesInMergeFieldsAndConditionsAreErrors() {
        List<Diagnostic> d = load(bot("", """
                Other:
                  - message: "Hello {!Name}, {!Name.First}, {!Nobody} and {!Ghost.Field}"
                  - if: Unknown == 1
                    then:
                      - message: "{!LastCustomerInput}"
                  - set: {Missing: "x"}
                  - wait
                """).replace("    - wait\n", "    - menu: [Welcome, Other]\n"));

        assertThat(withCode(d, "variable.undefined")).extracting(Diagnostic::message)
                .hasSize(4)
                .anySatisfy(m -> assertThat(m).contains("'Nobody'"))
                .anySatisfy(m -> assertThat(m).contains("'Ghost'").contains("{!Ghost.Field}"))
                .anySatisfy(m -> assertThat(m).contains("'Unknown'"))
                .anySatisfy(m -> assertThat(m).contains("'Missing'"));
    }

    @Test
    void anOperatorThatDoesNotFitTheVariablesTypeIsAnError() {
        List<Diagnostic> d = load(bot("", """
                Other:
                  - if: {all: [Flag > 3, Name >= b, Count == abc, Flag == maybe, Count contains 1, Items > 2]}
                    then: []
                  - if: {all: [Count > 5, 'Count == {!Name}', Flag == true, Name contains x, Day < 2025-01-01]}
                    then: []
                  - wait
                """).replace("    - wait\n", "    - menu: [Welcome, Other]\n"));

        assertThat(withCode(d, "condition.type-mismatch")).extracting(Diagnostic::message).hasSize(6)
                .anySatisfy(m -> assertThat(m).contains("GreaterThan").contains("Boolean variable 'Flag'"))
                .anySatisfy(m -> assertThat(m).contains("Text variable 'Name'"))
                .anySatisfy(m -> assertThat(m).contains("'abc', not a number"))
                .anySatisfy(m -> assertThat(m).contains("'maybe'"))
                .anySatisfy(m -> assertThat(m).contains("Contains").contains("'Count'"))
                .anySatisfy(m -> assertThat(m).contains("list variable 'Items'"));
        assertThat(errors(d)).hasSize(6);
    }

    @Test
    void unreachableDialogsAreWarningsButIntentsFooterAndSystemDialogsCount() {
        List<Diagnostic> d = load(bot("", """
                Orphan: [wait]
                ByIntent: {utterances: [hello there], steps: [wait]}
                InFooter: {footer: true, steps: [wait]}
                Called: [wait]
                Caller: {footer: true, steps: [{call: Called}, wait]}
                """));

        assertThat(withCode(d, "dialog.unreachable")).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.message()).contains("'Orphan'");
        });
    }

    @Test
    void redirectCyclesWithoutAWaitAreErrorsNamingTheCycle() {
        String dialogs = """
                A: [{message: a}, {redirect: B}]
                B: [{message: b}, {call: C}, {redirect: A}]
                C: [{message: c}]
                Self: [{redirect: Self}]
                Waits: [wait, {redirect: Waits2}]
                Waits2: [{redirect: Waits}]
                Conditional: [{if: Flag == true, then: [{redirect: Conditional}]}, wait]
                Menu: [{menu: [Menu, A]}]
                """;
        List<Diagnostic> d = load(bot("", dialogs).replace("    - wait\n",
                "    - menu: [A, Self, Waits, Conditional, Menu]\n"));

        assertThat(withCode(d, "redirect.loop")).extracting(Diagnostic::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("A -> B -> A").contains("InfiniteLoopDetected"))
                .anySatisfy(m -> assertThat(m).contains("Self -> Self"));
        assertThat(withCode(d, "redirect.loop")).allSatisfy(e -> assertThat(e.line()).isPositive());
    }

    @Test
    void aVeryLongCycleIsFoundWithoutExhaustingTheStack() {
        int n = 20_000;
        List<DialogDefinition> dialogs = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Location at = new Location("long.bot", i + 1, 1);
            dialogs.add(new DialogDefinition("D" + i, "D" + i, null, false, null, false, null, List.of(),
                    List.of(new Step.Navigation("D" + i + "/0", "Redirect",
                            List.of(new NavigationLink(null, "D" + (i + 1) % n, at)), at)), at));
        }
        BotVersionDefinition version = new BotVersionDefinition("v1", "D0", null, null, List.of(), dialogs,
                java.util.Map.of("ErrorHandling", "D0"), new Location("long.bot", 1, 1));

        List<Diagnostic> d = BotValidator.validate(new BotDefinition("Long", "Long", null, List.of(),
                List.of(version)));

        assertThat(withCode(d, "redirect.loop")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("D0 -> D1").contains("(20000 dialogs) -> D0"));
    }

    @Test
    void aCallCycleIsALoopToo() {
        List<Diagnostic> d = load(bot("", """
                P: [{call: Q}, wait]
                Q: [{call: P}]
                """).replace("    - wait\n", "    - menu: [P, Q]\n"));

        assertThat(withCode(d, "redirect.loop")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("P -> Q -> P"));
    }

    @Test
    void duplicateNamesAreErrors() {
        ParseResult xml = Fixtures.parse(Fixtures.xml("d.bot", """
                <Bot><botVersions><fullName>v1</fullName>
                  <botDialogs><developerName>D</developerName><label>D</label>
                    <botSteps><type>Wait</type><stepIdentifier>s</stepIdentifier></botSteps>
                    <botSteps><type>Wait</type><stepIdentifier>s</stepIdentifier></botSteps>
                  </botDialogs>
                  <botDialogs><developerName>D</developerName><label>D again</label></botDialogs>
                  <conversationVariables><dataType>Text</dataType><developerName>V</developerName></conversationVariables>
                  <conversationVariables><dataType>Text</dataType><developerName>V</developerName></conversationVariables>
                  <entryDialog>D</entryDialog>
                </botVersions></Bot>"""));

        List<Diagnostic> d = BotValidator.validate(xml.bot());

        assertThat(errors(d)).extracting(Diagnostic::code)
                .containsExactlyInAnyOrder("step.duplicate-id", "dialog.duplicate", "variable.duplicate");
        assertThat(withCode(d, "step.duplicate-id")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("'s'").contains("'D'"));
    }

    @Test
    void aCollectThatCanNeverBeAnsweredIsAnError() {
        String entities = """
                entities:
                  Empty: {extraction: Value}
                  NoPattern: {extraction: Pattern}
                  Broken: {pattern: "[a-"}
                  Sizes: {values: {Small: [], Large: []}}
                """;
        List<Diagnostic> d = load(bot(entities, "", """
                Ask:
                  - collect: {variable: Name, entity: Empty, prompt: Which?}
                  - collect: {variable: Name, entity: NoPattern, prompt: Which?}
                  - collect: {variable: Name, entity: Broken, prompt: Which?}
                  - collect: {variable: Name, entity: Empty, prompt: Which?, optional: true}
                  - collect: {variable: Name, entity: Empty, prompt: Which?, invalidInput: {redirect: Welcome}}
                  - collect: {variable: Name, entity: Sizes, prompt: Which?}
                  - collect: {variable: Name, entity: Unknown_Thing, prompt: Which?}
                  - collect: {variable: Name, entity: _Person, prompt: Who?}
                  - collect: {variable: Name, entity: _Email}
                """).replace("    - wait\n", "    - menu: [Welcome, Ask]\n"));

        assertThat(withCode(d, "collect.no-way-out")).hasSize(3).allSatisfy(e -> {
            assertThat(e.severity()).isEqualTo(Severity.ERROR);
            assertThat(e.message()).contains("never answer");
        });
        assertThat(withCode(d, "entity.bad-pattern")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("'Broken'"));
        assertThat(withCode(d, "entity.unknown")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("'Unknown_Thing'"));
        assertThat(withCode(d, "entity.unsupported")).singleElement()
                .satisfies(e -> assertThat(e.severity()).isEqualTo(Severity.WARNING));
        assertThat(withCode(d, "collect.no-prompt")).hasSize(1);
    }

    @Test
    void missingSystemDialogsAreWarnings() {
        String noSystem = bot("", "").replace("systemDialogs: {ErrorHandling: Welcome}\n", "");
        List<Diagnostic> quiet = load(noSystem);
        List<Diagnostic> transfers = load(noSystem.replace("    - wait\n", "    - transfer\n"));

        assertThat(withCode(quiet, "system-dialog.missing")).singleElement()
                .satisfies(w -> assertThat(w.message()).contains("ErrorHandling"));
        assertThat(withCode(transfers, "system-dialog.missing")).hasSize(2)
                .anySatisfy(w -> assertThat(w.message()).contains("TransferFailed"));
        assertThat(errors(transfers)).isEmpty();
    }

    @Test
    void anInvocationMappedToAnUndeclaredVariableIsAnError() {
        List<Diagnostic> d = load(bot("", """
                Act:
                  - action: {name: Lookup, type: flow, inputs: {Id: Name, Other: Nope}, outputs: {Result: Result_Var}}
                  - wait
                """).replace("    - wait\n", "    - menu: [Welcome, Act]\n"));

        assertThat(withCode(d, "invocation.unknown-variable")).extracting(Diagnostic::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("'Other'").contains("'Nope'").contains("'Lookup'"))
                .anySatisfy(m -> assertThat(m).contains("'Result_Var'"));
    }

    @Test
    void anUnknownSystemDialogOrMainMenuIsAnError() {
        List<Diagnostic> d = load(bot("", "").replace("systemDialogs: {ErrorHandling: Welcome}",
                "mainMenu: Menu\nsystemDialogs: {ErrorHandling: Oops, Teleport: Welcome}"));

        assertThat(errors(d)).extracting(Diagnostic::code)
                .containsExactlyInAnyOrder("main-menu.unknown", "system-dialog.unknown-dialog");
        assertThat(withCode(d, "system-dialog.unknown-type")).hasSize(1);
    }

    @Test
    void noBotIsOneError() {
        assertThat(BotValidator.validate(null)).extracting(Diagnostic::code).containsExactly("bot.missing");
    }
}
