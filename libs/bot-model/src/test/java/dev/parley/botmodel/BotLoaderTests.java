package dev.parley.botmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotLoaderTests {

    private static SourceFile text(String name, String content) {
        return new SourceFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static SourceFile renamed(String resource, String name) {
        return new SourceFile(name, Fixtures.resource(resource).content());
    }

    @Test
    void detectsTheFormatFromTheNameOrTheFirstBytes() {
        assertThat(BotLoader.detect(text("a.bot", ""))).isEqualTo(BotLoader.Format.SALESFORCE_XML);
        assertThat(BotLoader.detect(text("bots/A/A.bot-meta.xml", ""))).isEqualTo(BotLoader.Format.SALESFORCE_XML);
        assertThat(BotLoader.detect(text("v1.botVersion-meta.xml", ""))).isEqualTo(BotLoader.Format.SALESFORCE_XML);
        assertThat(BotLoader.detect(text("kovai.bot.xml", ""))).isEqualTo(BotLoader.Format.SALESFORCE_XML);
        assertThat(BotLoader.detect(text("bot.YAML", ""))).isEqualTo(BotLoader.Format.PARLEY_YAML);
        assertThat(BotLoader.detect(text("bot.yml", ""))).isEqualTo(BotLoader.Format.PARLEY_YAML);
        assertThat(BotLoader.detect(text("upload", "\uFEFF  <?xml version=\"1.0\"?><Bot/>")))
                .isEqualTo(BotLoader.Format.SALESFORCE_XML);
        assertThat(BotLoader.detect(text("upload", "parley: 1\n"))).isEqualTo(BotLoader.Format.PARLEY_YAML);
        assertThat(BotLoader.detect(text("README.md", "# hi"))).isEqualTo(BotLoader.Format.UNKNOWN);
    }

    @Test
    void loadsEachFormOfTheReferenceBotsAndValidatesThem() {
        ParseResult sfdx = BotLoader.load(List.of(
                renamed("reference/Astro_Case_Resolution__v1.botVersion-meta.xml",
                        "force-app/main/default/bots/Astro_Case_Resolution/v1.botVersion-meta.xml"),
                renamed("reference/Astro_Case_Resolution.bot-meta.xml",
                        "force-app/main/default/bots/Astro_Case_Resolution/Astro_Case_Resolution.bot-meta.xml"),
                text("force-app/main/default/bots/Astro_Case_Resolution/.DS_Store", "\u0000\u0001"),
                text("package.xml", "<Package xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>")));
        ParseResult mdapi = BotLoader.load(List.of(renamed("reference/kovai.bot", "bots/kovai.bot")));

        assertThat(sfdx.hasErrors()).as("%s", sfdx.diagnostics()).isFalse();
        assertThat(sfdx.bot().name()).isEqualTo("Astro_Case_Resolution");
        assertThat(sfdx.diagnostics()).extracting(Diagnostic::code)
                .contains("file.ignored", "file.unrecognised", "dialog.unreachable");
        assertThat(mdapi.hasErrors()).isFalse();
        assertThat(mdapi.diagnostics()).extracting(Diagnostic::code).contains("dialog.unreachable");
    }

    @Test
    void aBrokenCopyOfAReferenceBotGetsPreciseDiagnostics() {
        String version = new String(Fixtures.resource("reference/ExternalBot__v1.botVersion-meta.xml").content(),
                StandardCharsets.UTF_8)
                .replace("<targetBotDialog>Internal_Interaction</targetBotDialog>",
                        "<targetBotDialog>Internal_Interactoin</targetBotDialog>")
                .replace("<message>Hi, I&apos;m ExternalBot, a digital assistant.</message>",
                        "<message>Hi {!First_Name}!</message>");

        ParseResult result = BotLoader.load(List.of(Fixtures.resource("reference/ExternalBot.bot-meta.xml"),
                text("ExternalBot__v1.botVersion-meta.xml", version)));

        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR)
                .extracting(Diagnostic::toString)
                .containsExactly(
                        "ERROR ExternalBot__v1.botVersion-meta.xml:25:9 variable.undefined: a message of dialog "
                                + "'Welcome' uses variable 'First_Name' in merge field '{!First_Name}', which is "
                                + "not declared",
                        "ERROR ExternalBot__v1.botVersion-meta.xml:55:17 navigation.unknown-dialog: dialog "
                                + "'Main_Menu' navigates to unknown dialog 'Internal_Interactoin'");
    }

    @Test
    void loadsAYamlBot() {
        ParseResult result = BotLoader.load(List.of(Fixtures.resource("yaml/pizza.yaml")));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.bot().name()).isEqualTo("Pizza_Bot");
    }

    @Test
    void mixingFormatsOrSendingSeveralYamlFilesIsAnError() {
        ParseResult mixed = BotLoader.load(List.of(Fixtures.resource("yaml/pizza.yaml"),
                Fixtures.resource("reference/kovai.bot")));
        ParseResult twoYaml = BotLoader.load(List.of(Fixtures.resource("yaml/pizza.yaml"),
                Fixtures.resource("yaml/two-versions.yaml")));

        assertThat(mixed.bot()).isNull();
        assertThat(mixed.diagnostics()).extracting(Diagnostic::code).containsExactly("files.mixed-formats");
        assertThat(twoYaml.diagnostics()).extracting(Diagnostic::code).containsExactly("files.several-yaml");
    }

    @Test
    void aSystemDialogWithoutADialogIsADiagnosticNotAnInternalError() {
        // found by LoaderFuzzTests: a mangled key left the system dialog without its dialog
        String yaml = """
                parley: 1
                name: Broken_System_Dialog
                entry: Start
                systemDialogs:
                  - {type: ErrorHandling, dialogX: Start}
                dialogs:
                  Start:
                    - message: Hi
                """;

        ParseResult result = BotLoader.load(List.of(new SourceFile("broken.yaml",
                yaml.getBytes(StandardCharsets.UTF_8))));

        assertThat(result.diagnostics()).extracting(Diagnostic::code).doesNotContain("internal.error");
        assertThat(result.hasErrors()).isTrue();
    }

    @Test
    void nothingUsableIsAnError() {
        assertThat(BotLoader.load(List.of()).diagnostics()).extracting(Diagnostic::code)
                .containsExactly("bot.no-files");
        assertThat(BotLoader.load(null).bot()).isNull();
        assertThat(BotLoader.load(List.of(text("notes.txt", "hello"))).diagnostics()).extracting(Diagnostic::code)
                .containsExactly("file.ignored", "bot.missing");
        List<SourceFile> many = new ArrayList<>(Collections.nCopies(BotLoader.MAX_FILES + 1, text("a.txt", "")));
        assertThat(BotLoader.load(many).diagnostics()).extracting(Diagnostic::code).containsExactly("files.too-many");
    }
}
