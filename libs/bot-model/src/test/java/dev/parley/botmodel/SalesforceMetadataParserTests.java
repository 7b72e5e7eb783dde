package dev.parley.botmodel;

import static dev.parley.botmodel.Fixtures.parse;
import static dev.parley.botmodel.Fixtures.parseResources;
import static dev.parley.botmodel.Fixtures.withSeverity;
import static dev.parley.botmodel.Fixtures.xml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SalesforceMetadataParserTests {

    private static final String NS = "xmlns=\"http://soap.sforce.com/2006/04/metadata\"";

    private static ParseResult astro() {
        return parseResources("reference/Astro_Case_Resolution.bot-meta.xml",
                "reference/Astro_Case_Resolution__v1.botVersion-meta.xml");
    }

    @Test
    void readsTheSfdxAstroBot() {
        ParseResult result = astro();

        assertThat(result.hasErrors()).isFalse();
        BotDefinition bot = result.bot();
        assertThat(bot.name()).isEqualTo("Astro_Case_Resolution");
        assertThat(bot.label()).isEqualTo("Astro Case Resolution");
        assertThat(bot.description()).isEqualTo("A bot from scratch.");
        assertThat(bot.contextVariables()).extracting(VariableDefinition::developerName)
                .containsExactly("ContactId", "EndUserId", "RoutableId", "VoiceCallId");
        assertThat(bot.versions()).singleElement().satisfies(v -> {
            assertThat(v.fullName()).isEqualTo("v1");
            assertThat(v.entryDialog()).isEqualTo("Welcome");
            assertThat(v.mainMenuDialog()).isEqualTo("Main_Menu");
            assertThat(v.responseDelayMilliseconds()).isNull();
            assertThat(v.dialogs()).hasSize(10);
            assertThat(v.conversationVariables()).extracting(VariableDefinition::developerName)
                    .containsExactly("Case_Number", "Case_Status", "Email", "OmniChannelFlowId", "Problem_Statement");
            assertThat(v.systemDialogs()).containsEntry("ErrorHandling", "Rich_Content_Error_Handling")
                    .containsEntry("TransferFailed", "No_Agent_Available");
        });
    }

    @Test
    void readsEveryStepKindOfTheAstroBot() {
        BotVersionDefinition v = astro().bot().versions().getFirst();

        assertThat(v.dialog("Case_Status").orElseThrow().steps()).extracting(Step::type)
                .containsExactly("VariableOperation", "VariableOperation", "Message", "Navigation");
        Step.VariableOperation collect = (Step.VariableOperation) v.dialog("Case_Status").orElseThrow().steps().get(0);
        assertThat(collect.operationType()).isEqualTo("Collect");
        assertThat(collect.prompts()).containsExactly("Please provide the email address");
        assertThat(collect.operands()).singleElement().extracting(VariableOperand::targetName).isEqualTo("Email");
        Step.VariableOperation set = (Step.VariableOperation) v.dialog("Case_Status").orElseThrow().steps().get(1);
        assertThat(set.invocation().actionName()).isEqualTo("Get_Case_Details");
        assertThat(set.invocation().mappings()).hasSize(3);

        Step.Navigation menu = (Step.Navigation) v.dialog("Main_Menu").orElseThrow().steps().getFirst();
        assertThat(menu.navigationType()).isEqualTo("Redirect");
        assertThat(menu.links()).extracting(NavigationLink::targetDialog)
                .containsExactly("Case_Status", "Log_a_Case", "Talk_to_an_expert");

        DialogDefinition transfer = v.dialog("Transfer_To_Agent").orElseThrow();
        assertThat(transfer.steps()).extracting(Step::type).containsExactly("Group", "Message", "Wait");
        Step.Group group = (Step.Group) transfer.steps().getFirst();
        assertThat(group.conditionLogicType()).isEqualTo("And");
        assertThat(group.steps()).extracting(Step::type).containsExactly("VariableOperation", "SystemMessage");
        assertThat((Step.SystemMessage) group.steps().get(1)).satisfies(s -> {
            assertThat(s.messageType()).isEqualTo("Transfer");
            assertThat(s.transferVariable()).isEqualTo("OmniChannelFlowId");
            assertThat(s.id()).isEqualTo("d74c16e8-a5e5-4e69-b884-b873217093a2");
        });

        Step.Message welcome = (Step.Message) v.dialog("Welcome").orElseThrow().steps().getFirst();
        assertThat(welcome.messages()).containsExactly("Hi, I'm Astro Case Resolution, a digital assistant.");
        assertThat(welcome.location().file()).isEqualTo("Astro_Case_Resolution__v1.botVersion-meta.xml");
        assertThat(welcome.location().line()).isGreaterThan(1);

        DialogDefinition main = v.dialog("Main_Menu").orElseThrow();
        assertThat(main.label()).isEqualTo("Main Menu");
        assertThat(main.placeholder()).isFalse();
        assertThat(main.showInFooterMenu()).isFalse();
    }

    @Test
    void reportsWhatTheAstroBotUsesThatParleyDoesNotRun() {
        ParseResult result = astro();

        assertThat(withSeverity(result, Severity.WARNING)).extracting(Diagnostic::code)
                .containsExactly("invocation.unsupported", "invocation.unsupported");
        assertThat(withSeverity(result, Severity.WARNING).getFirst().message()).contains("Get_Case_Details");
        assertThat(withSeverity(result, Severity.INFO)).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("<botUser>"))
                .anySatisfy(m -> assertThat(m).contains("<nlpProviders>"));
        assertThat(result.diagnostics()).allSatisfy(d -> {
            assertThat(d.file()).isNotNull();
            assertThat(d.line()).isPositive();
            assertThat(d.column()).isPositive();
        });
        // in upload order: the Bot file was given first
        assertThat(result.diagnostics().getFirst().file()).isEqualTo("Astro_Case_Resolution.bot-meta.xml");
    }

    @Test
    void readsTheSfdxExternalBot() {
        ParseResult result = parseResources("reference/ExternalBot__v1.botVersion-meta.xml",
                "reference/ExternalBot.bot-meta.xml");

        assertThat(result.hasErrors()).isFalse();
        assertThat(withSeverity(result, Severity.WARNING)).isEmpty();
        assertThat(result.bot().name()).isEqualTo("ExternalBot");
        BotVersionDefinition v = result.bot().versions().getFirst();
        assertThat(v.dialogs()).hasSize(9);
        assertThat(v.entryDialog()).isEqualTo("Welcome");
        assertThat(v.dialog("External_Interaction").orElseThrow().steps()).singleElement()
                .isInstanceOf(Step.Wait.class);
        assertThat(v.dialog("Rich_Content_End_Chat").orElseThrow().steps()).extracting(Step::type)
                .containsExactly("Message", "Group", "Wait");
    }

    @Test
    void readsTheMdapiKovaiBotWithInlineVersions() {
        ParseResult result = parseResources("reference/kovai.bot");

        assertThat(result.hasErrors()).isFalse();
        BotDefinition bot = result.bot();
        assertThat(bot.name()).isEqualTo("kovai");
        assertThat(bot.contextVariables()).hasSize(4);
        BotVersionDefinition v = bot.versions().getFirst();
        assertThat(v.fullName()).isEqualTo("v1");
        assertThat(v.dialogs()).hasSize(10);
        assertThat(v.conversationVariables()).extracting(VariableDefinition::collectionType)
                .containsExactly(null, "List", null);
        assertThat(v.dialog("Transfer_To_Agent").orElseThrow().mlIntent()).isEqualTo("Transfer_To_Agent");
        assertThat(v.dialog("Welcome").orElseThrow().steps().getFirst())
                .isInstanceOfSatisfying(Step.Message.class, m -> {
                    assertThat(m.messages()).containsExactly("Hi, I’m 'kovai', a digital assistant.");
                    // no stepIdentifier in this file: ids are dialog/position
                    assertThat(m.id()).isEqualTo("Welcome/0");
                });
        assertThat(v.dialog("Check_My_Order").orElseThrow().steps().getFirst())
                .isInstanceOfSatisfying(Step.Unsupported.class, u -> assertThat(u.type()).isEqualTo("RecordLookup"));
        assertThat(withSeverity(result, Severity.WARNING)).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("step.unsupported");
            assertThat(d.message()).contains("RecordLookup").contains("Check_My_Order");
            assertThat(d.file()).isEqualTo("kovai.bot");
            assertThat(d.line()).isEqualTo(22);
        });
    }

    @Test
    void allReferenceBotsCompile() {
        assertThat(BotCompiler.compile(astro().bot(), null).dialogs()).hasSize(10);
        assertThat(BotCompiler.compile(parseResources("reference/kovai.bot").bot(), "v1").confusedDialog())
                .isEqualTo("Confused");
        assertThat(BotCompiler.compile(parseResources("reference/ExternalBot.bot-meta.xml",
                "reference/ExternalBot__v1.botVersion-meta.xml").bot(), null).entryDialog()).isEqualTo("Welcome");
    }

    @Test
    void joinsIntentUtterancesFromTheBotToDialogs() {
        ParseResult result = parse(xml("b.bot", """
                <Bot %s>
                  <botMlDomain>
                    <mlIntents><developerName>Orders</developerName><label>Orders</label>
                      <mlIntentUtterances><utterance>where is my parcel</utterance></mlIntentUtterances>
                    </mlIntents>
                    <name>B</name>
                  </botMlDomain>
                  <botVersions><fullName>v1</fullName>
                    <botDialogs><developerName>Orders</developerName><label>Orders</label><mlIntent>Orders</mlIntent>
                      <botDialogGroup>Sales</botDialogGroup><isPlaceholderDialog>true</isPlaceholderDialog>
                      <showInFooterMenu>true</showInFooterMenu>
                    </botDialogs>
                    <entryDialog>Orders</entryDialog><responseDelayMilliseconds>400</responseDelayMilliseconds>
                  </botVersions>
                </Bot>""".formatted(NS)));

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.bot().name()).isEqualTo("B");
        BotVersionDefinition v = result.bot().versions().getFirst();
        assertThat(v.responseDelayMilliseconds()).isEqualTo(400);
        assertThat(v.dialogs().getFirst()).satisfies(d -> {
            assertThat(d.utterances()).containsExactly("where is my parcel");
            assertThat(d.botDialogGroup()).isEqualTo("Sales");
            assertThat(d.placeholder()).isTrue();
            assertThat(d.showInFooterMenu()).isTrue();
        });
    }

    @Test
    void reportsUnknownElementsAndStepTypesAsWarningsWithoutDroppingTheRest() {
        ParseResult result = parse(xml("b.bot", """
                <Bot %s>
                  <botVersions><fullName>v1</fullName>
                    <botDialogs><developerName>D</developerName>
                      <botSteps><type>Teleport</type><destination>Mars</destination></botSteps>
                      <botSteps><type>Message</type><botMessages><message>hi</message></botMessages><colour>red</colour></botSteps>
                      <botSteps><type>Navigation</type><botNavigation><type>Call</type>
                        <botNavigationLinks><targetBotDialog>D</targetBotDialog></botNavigationLinks></botNavigation></botSteps>
                      <botSteps><type>SystemMessage</type><conversationSystemMessage><type>Survey</type></conversationSystemMessage></botSteps>
                      <futureFeature>x</futureFeature>
                    </botDialogs>
                    <entryDialog>D</entryDialog>
                    <responseDelayMilliseconds>soon</responseDelayMilliseconds>
                  </botVersions>
                </Bot>""".formatted(NS)));

        assertThat(result.hasErrors()).isFalse();
        assertThat(withSeverity(result, Severity.WARNING)).extracting(Diagnostic::code).containsExactly(
                "step.unsupported", "element.unsupported", "navigation.unsupported-type",
                "system-message.unsupported", "element.unsupported", "value.not-a-number");
        assertThat(result.bot().versions().getFirst().dialogs().getFirst().steps()).extracting(Step::type)
                .containsExactly("Teleport", "Message", "Navigation", "SystemMessage");
        assertThat(result.bot().versions().getFirst().responseDelayMilliseconds()).isNull();
    }

    @Test
    void aBotVersionWithoutABotFileIsAnErrorButStillReadable() {
        ParseResult result = parseResources("reference/ExternalBot__v1.botVersion-meta.xml");

        assertThat(result.hasErrors()).isTrue();
        assertThat(withSeverity(result, Severity.ERROR)).extracting(Diagnostic::code).containsExactly("bot.missing");
        assertThat(result.bot().name()).isEqualTo("ExternalBot");
        assertThat(result.bot().versions()).hasSize(1);
    }

    @Test
    void twoBotFilesAreAnError() {
        ParseResult result = parseResources("reference/kovai.bot", "reference/ExternalBot.bot-meta.xml");

        assertThat(withSeverity(result, Severity.ERROR)).extracting(Diagnostic::code).containsExactly("bot.duplicate");
    }

    @Test
    void aVersionDefinedTwiceIsAnError() {
        ParseResult result = parseResources("reference/kovai.bot", "reference/ExternalBot__v1.botVersion-meta.xml");

        assertThat(withSeverity(result, Severity.ERROR)).extracting(Diagnostic::code)
                .containsExactly("version.duplicate");
    }

    @Test
    void aFileThatIsNotBotMetadataIsIgnoredWithAWarning() {
        ParseResult result = parse(xml("flow.xml", "<Flow " + NS + "/>"));

        assertThat(result.bot()).isNull();
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("file.unrecognised", "bot.missing");
    }

    @Test
    void noFilesIsAnError() {
        assertThat(SalesforceMetadataParser.parse(List.of()).diagnostics()).extracting(Diagnostic::code)
                .containsExactly("bot.no-files");
        assertThat(SalesforceMetadataParser.parse(null).bot()).isNull();
    }

    @Test
    void versionNamesComeFromFileNamesWhenFullNameIsMissing() {
        assertThat(SalesforceMetadataParser.versionNameFromFile("bots/X/v3.botVersion-meta.xml")).isEqualTo("v3");
        assertThat(SalesforceMetadataParser.versionNameFromFile("X__v2.botVersion-meta.xml")).isEqualTo("v2");
        assertThat(SalesforceMetadataParser.compareVersions("v2", "v10")).isNegative();
    }
}
