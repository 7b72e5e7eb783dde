package dev.parley.botmodel;

import static dev.parley.botmodel.Fixtures.parseResources;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** XML and YAML load to the same model, and a bot converts both ways without losing anything. */
class RoundTripTests {

    static Stream<Arguments> referenceBots() {
        return Stream.of(
                Arguments.of("Astro", List.of("reference/Astro_Case_Resolution.bot-meta.xml",
                        "reference/Astro_Case_Resolution__v1.botVersion-meta.xml")),
                Arguments.of("ExternalBot", List.of("reference/ExternalBot.bot-meta.xml",
                        "reference/ExternalBot__v1.botVersion-meta.xml")),
                Arguments.of("kovai", List.of("reference/kovai.bot")));
    }

    static Stream<Arguments> yamlBots() {
        return Stream.of(Arguments.of("yaml/pizza.yaml"), Arguments.of("yaml/every-step.yaml"),
                Arguments.of("yaml/two-versions.yaml"));
    }

    static void assertSameModel(BotDefinition actual, BotDefinition expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFieldsOfTypes(Location.class).isEqualTo(expected);
    }

    private static BotDefinition yamlRoundTrip(BotDefinition bot) {
        String yaml = ParleyYamlWriter.write(bot);
        ParseResult again = ParleyYamlParser.parse(new SourceFile("bot.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.diagnostics()).as("YAML:\n%s", yaml)
                .filteredOn(d -> d.severity() == Severity.ERROR || d.code().startsWith("yaml.")).isEmpty();
        return again.bot();
    }

    private static BotDefinition sfdxRoundTrip(BotDefinition bot) {
        ParseResult again = SalesforceMetadataParser.parse(SalesforceMetadataWriter.writeSfdx(bot));
        assertThat(again.hasErrors()).as("%s", again.diagnostics()).isFalse();
        return again.bot();
    }

    private static BotDefinition mdapiRoundTrip(BotDefinition bot) {
        ParseResult again = SalesforceMetadataParser.parse(List.of(SalesforceMetadataWriter.writeMetadataApi(bot)));
        assertThat(again.hasErrors()).as("%s", again.diagnostics()).isFalse();
        return again.bot();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceBots")
    void aReferenceBotSurvivesXmlToYamlAndBack(String name, List<String> files) {
        BotDefinition fromXml = parseResources(files.toArray(String[]::new)).bot();

        assertSameModel(yamlRoundTrip(fromXml), fromXml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceBots")
    void aReferenceBotSurvivesBeingWrittenAsXmlInBothForms(String name, List<String> files) {
        BotDefinition fromXml = parseResources(files.toArray(String[]::new)).bot();

        assertSameModel(sfdxRoundTrip(fromXml), fromXml);
        assertSameModel(mdapiRoundTrip(fromXml), fromXml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlBots")
    void aYamlBotSurvivesYamlToXmlAndBack(String path) {
        ParseResult parsed = ParleyYamlParser.parse(Fixtures.resource(path));
        assertThat(parsed.diagnostics()).as("%s", parsed.diagnostics())
                .filteredOn(d -> d.severity() != Severity.INFO)
                .extracting(Diagnostic::code)
                .allMatch(code -> code.equals("step.unsupported") || code.equals("variable-operation.unsupported"));
        BotDefinition fromYaml = parsed.bot();

        assertSameModel(sfdxRoundTrip(fromYaml), fromYaml);
        assertSameModel(mdapiRoundTrip(fromYaml), fromYaml);
        assertSameModel(yamlRoundTrip(fromYaml), fromYaml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("yamlBots")
    void aYamlBotIsValid(String path) {
        ParseResult loaded = BotLoader.load(List.of(Fixtures.resource(path)));

        assertThat(loaded.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR).isEmpty();
    }
}
