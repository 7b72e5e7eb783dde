package dev.parley.botmodel;

import static dev.parley.botmodel.Fixtures.parse;
import static dev.parley.botmodel.Fixtures.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BotCompilerTests {

    private static BotDefinition bot(String versions) {
        ParseResult result = parse(xml("b.bot", "<Bot xmlns=\"http://soap.sforce.com/2006/04/metadata\">"
                + "<fullName>B</fullName>" + versions + "</Bot>"));
        assertThat(result.hasErrors()).as("%s", result.diagnostics()).isFalse();
        return result.bot();
    }

    private static String version(String name, String body) {
        return "<botVersions><fullName>" + name + "</fullName>" + body + "</botVersions>";
    }

    private static final String SIMPLE = """
            <botDialogs><developerName>Hello</developerName><label>Hello</label>
              <botSteps><type>Message</type><botMessages><message>hi</message></botMessages></botSteps>
            </botDialogs>
            <entryDialog>Hello</entryDialog>""";

    @Test
    void compilesTheHighestVersionByDefault() {
        BotDefinition bot = bot(version("v2", SIMPLE) + version("v10", SIMPLE) + version("v9", SIMPLE));

        Program program = BotCompiler.compile(bot, null);

        assertThat(program.versionName()).isEqualTo("v10");
        assertThat(program.botName()).isEqualTo("B");
        assertThat(program.entryDialog()).isEqualTo("Hello");
        assertThat(program.responseDelayMs()).isZero();
        assertThat(BotCompiler.compile(bot, "v2").versionName()).isEqualTo("v2");
    }

    @Test
    void anUnknownVersionIsRejectedNamingTheKnownOnes() {
        BotDefinition bot = bot(version("v1", SIMPLE));

        assertThatThrownBy(() -> BotCompiler.compile(bot, "v7"))
                .isInstanceOf(BotCompilationException.class)
                .hasMessageContaining("v7")
                .hasMessageContaining("[v1]");
    }

    @Test
    void aNavigationToAnUnknownDialogIsAnErrorWithItsLocation() {
        BotDefinition bot = bot(version("v1", """
                <botDialogs><developerName>Hello</developerName>
                  <botSteps><type>Navigation</type><botNavigation><type>Redirect</type>
                    <botNavigationLinks><targetBotDialog>Nowhere</targetBotDialog></botNavigationLinks>
                  </botNavigation></botSteps>
                </botDialogs>
                <entryDialog>Hello</entryDialog>"""));

        assertThatThrownBy(() -> BotCompiler.compile(bot, null))
                .isInstanceOfSatisfying(BotCompilationException.class, e -> assertThat(e.diagnostics())
                        .filteredOn(d -> d.severity() == Severity.ERROR)
                        .singleElement()
                        .satisfies(d -> {
                            assertThat(d.code()).isEqualTo("navigation.unknown-dialog");
                            assertThat(d.message()).contains("Nowhere");
                            assertThat(d.file()).isEqualTo("b.bot");
                            assertThat(d.line()).isPositive();
                        }));
    }

    @Test
    void aMissingEntryDialogAndAnUnknownSystemDialogAreErrors() {
        BotDefinition bot = bot(version("v1", """
                <botDialogs><developerName>Hello</developerName></botDialogs>
                <conversationSystemDialogs><dialog>Gone</dialog><type>ErrorHandling</type></conversationSystemDialogs>
                <entryDialog>Welcome</entryDialog>"""));

        assertThatThrownBy(() -> BotCompiler.compile(bot, null))
                .isInstanceOfSatisfying(BotCompilationException.class, e -> assertThat(e.diagnostics())
                        .filteredOn(d -> d.severity() == Severity.ERROR)
                        .extracting(Diagnostic::message)
                        .anySatisfy(m -> assertThat(m).contains("entry dialog 'Welcome'"))
                        .anySatisfy(m -> assertThat(m).contains("'Gone'")));
    }

    @Test
    void duplicateDialogNamesAreAnError() {
        BotDefinition bot = bot(version("v1", SIMPLE + "<botDialogs><developerName>Hello</developerName></botDialogs>"));

        assertThat(BotCompiler.validate(bot, null)).extracting(Diagnostic::code).contains("dialog.duplicate");
    }

    @Test
    void theConfusedDialogIsFoundByDeveloperNameOrLabelAndItsAbsenceIsNoted() {
        BotDefinition byLabel = bot(version("v1", SIMPLE
                + "<botDialogs><developerName>Fallback</developerName><label>Confused</label></botDialogs>"));
        BotDefinition none = bot(version("v1", SIMPLE));

        assertThat(BotCompiler.compile(byLabel, null).confusedDialog()).isEqualTo("Fallback");
        Program program = BotCompiler.compile(none, null);
        assertThat(program.confusedDialog()).isNull();
        assertThat(program.warnings()).extracting(Diagnostic::code)
                .containsExactly("system-dialog.missing", "dialog.no-confused");
    }

    @Test
    void matchesFreeTextToDialogLabelsIgnoringCaseAndSpacing() {
        Program program = BotCompiler.compile(bot(version("v1", SIMPLE)), null);

        assertThat(program.dialogForText("  HELLO ")).contains("Hello");
        assertThat(program.dialogForText("goodbye")).isEmpty();
    }

    @Test
    void stableIdsDependOnBotVersionAndParts() {
        Program v1 = BotCompiler.compile(bot(version("v1", SIMPLE) + version("v2", SIMPLE)), "v1");
        Program v2 = BotCompiler.compile(bot(version("v1", SIMPLE) + version("v2", SIMPLE)), "v2");

        assertThat(v1.stableId("a", "1")).isEqualTo(v1.stableId("a", "1"))
                .isNotEqualTo(v1.stableId("a", "2"))
                .isNotEqualTo(v2.stableId("a", "1"));
    }

    @Test
    void aMissingBotCannotBeCompiled() {
        assertThatThrownBy(() -> BotCompiler.compile(null, null)).isInstanceOf(BotCompilationException.class);
    }
}
