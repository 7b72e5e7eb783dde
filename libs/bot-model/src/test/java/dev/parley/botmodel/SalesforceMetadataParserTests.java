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
    void reportsWhatTheAstroBotUsesThatParleyDoesNotRunAsInfoOnly() {
        ParseResult result = astro();

        assertThat(withSeverity(result, Severity.WARNING)).isEmpty();
        assertThat(withSeverity(result, Severity.INFO)).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("<botUser>"))
                .anySatisfy(m -> assertThat(m).contains("<agentDSLEnabled>"))
                .anySatisfy(m -> assertThat(m).contains("<includeInPrompt>"));
        assertThat(result.diagnostics()).allSatisfy(d -> {
            assertThat(d.file()).isNotNull();
            assertThat(d.line()).isPositive();
            assertThat(d.column()).isPositive();
        });
        // in upload order: the Bot file was given first
        assertThat(result.diagnostics().getFirst().file()).isEqualTo("Astro_Case_Resolution.bot-meta.xml");
    }

    @Test
    void readsTheAstroBotsSettingsInvocationsAndOperands() {
        BotDefinition bot = astro().bot();

        assertThat(bot.sessionTimeout()).isZero();
        assertThat(bot.logPrivateConversationData()).isFalse();
        assertThat(bot.richContentEnabled()).isTrue();
        assertThat(bot.contextVariables().getFirst().mappings()).singleElement()
                .isEqualTo(new ContextVariableMapping("MessagingEndUser", "MessagingEndUser.ContactId",
                        "EmbeddedMessaging"));
        BotVersionDefinition v = bot.versions().getFirst();
        assertThat(v.language()).isEqualTo("en_US");
        assertThat(v.intentDisambiguationEnabled()).isFalse();
        assertThat(v.entryDialogLocation().line()).isGreaterThan(400);
        assertThat(v.conversationVariable("OmniChannelFlowId").orElseThrow().sObjectType()).isEqualTo("FlowDefinition");
        assertThat(v.conversationSystemDialogs()).extracting(SystemDialog::type)
                .containsExactly("ErrorHandling", "TransferFailed");
        Step.VariableOperation collect = (Step.VariableOperation) v.dialog("Case_Status").orElseThrow().steps().get(0);
        assertThat(collect.quickReplyWidgetType()).isEqualTo("Buttons");
        assertThat(collect.operands().getFirst().disableAutoFill()).isTrue();
        assertThat(collect.operands().getFirst().sourceType()).isEqualTo("StandardMlSlotClass");
        Step.VariableOperation set = (Step.VariableOperation) v.dialog("Case_Status").orElseThrow().steps().get(1);
        assertThat(set.invocation().mappings().getFirst()).satisfies(m -> {
            assertThat(m.direction()).isEqualTo("Input");
            assertThat(m.variableType()).isEqualTo("ConversationVariable");
            assertThat(m.location().line()).isPositive();
        });
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
                .isInstanceOfSatisfying(Step.RecordLookup.class, r -> {
                    assertThat(r.sObjectType()).isEqualTo("Contact");
                    assertThat(r.lookupFields()).containsExactly("Contact.Birthdate");
                    assertThat(r.filterLogic()).isEqualTo("And");
                    assertThat(r.maxLookupResults()).isEqualTo(3);
                    assertThat(r.targetVariableName()).isEqualTo("ListVar");
                    assertThat(r.conditions()).singleElement().satisfies(c -> {
                        assertThat(c.leftOperand()).isEqualTo("Contact.LastName");
                        assertThat(c.operatorType()).isEqualTo("Contains");
                        assertThat(c.rightOperandName()).isEqualTo("LastName");
                        assertThat(c.rightOperandType()).isEqualTo("ConversationVariable");
                        assertThat(c.sortOrder()).isEqualTo(1);
                    });
                    assertThat(r.location().line()).isEqualTo(22);
                });
        assertThat(bot.slotClasses()).singleElement().satisfies(s -> {
            assertThat(s.developerName()).isEqualTo("Memory_size");
            assertThat(s.extractionType()).isEqualTo("Pattern");
            assertThat(s.extractionRegex()).isEqualTo("[1-9][0-9]*");
            assertThat(s.dataType()).isEqualTo("Text");
        });
        assertThat(bot.intents()).extracting(IntentDefinition::developerName).containsExactly("Transfer_To_Agent");
        assertThat(v.dialog("Transfer_To_Agent").orElseThrow().mlIntentTrainingEnabled()).isFalse();
        assertThat(withSeverity(result, Severity.WARNING)).isEmpty();
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
                      <botSteps><type>Navigation</type><botNavigation><type>Jump</type>
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
    void readsThePublishedSchemaADialogBotCanUse() {
        ParseResult result = parse(xml("Pizza.bot", """
                <Bot %s>
                  <botMlDomain>
                    <label>Pizza</label>
                    <mlIntents><developerName>New_Order</developerName><label>New Order</label>
                      <mlIntentUtterances><utterance>I want pie</utterance></mlIntentUtterances>
                      <relatedMlIntents><relatedMlIntent>Other</relatedMlIntent></relatedMlIntents>
                    </mlIntents>
                    <mlSlotClasses><developerName>Size</developerName><extractionType>Value</extractionType>
                      <label>Size</label><dataType>Text</dataType>
                      <mlSlotClassValues><synonymGroup><languages>en_US</languages><terms>Big</terms>
                        <terms>Huge</terms></synonymGroup><value>Large</value></mlSlotClassValues>
                    </mlSlotClasses>
                    <name>Pizza</name>
                  </botMlDomain>
                  <botVersions><fullName>v1</fullName>
                    <botDialogGroups><developerName>Orders</developerName><label>Orders</label></botDialogGroups>
                    <botDialogs><developerName>New_Order</developerName><label>New Order</label>
                      <botDialogGroup>Orders</botDialogGroup><mlIntent>New_Order</mlIntent>
                      <mlIntentTrainingEnabled>true</mlIntentTrainingEnabled>
                      <botSteps><type>Group</type><conditionLogicType>Or</conditionLogicType>
                        <botStepConditions><leftOperandName>Verified</leftOperandName>
                          <leftOperandType>ConversationVariable</leftOperandType><operatorType>Equals</operatorType>
                          <rightOperandValue>false</rightOperandValue></botStepConditions>
                        <botSteps><type>Navigation</type><botNavigation><type>Call</type>
                          <botNavigationLinks><targetBotDialog>Verify</targetBotDialog></botNavigationLinks>
                        </botNavigation></botSteps>
                      </botSteps>
                      <botSteps><type>VariableOperation</type><stepIdentifier>ask_size</stepIdentifier>
                        <botVariableOperation><type>Collect</type>
                          <botMessages><message>Which size?</message></botMessages>
                          <retryMessages><message>Small, medium or large?</message></retryMessages>
                          <botQuickReplyOptions><literalValue>Small</literalValue></botQuickReplyOptions>
                          <botQuickReplyOptions><literalValue>Large</literalValue></botQuickReplyOptions>
                          <quickReplyType>Static</quickReplyType><quickReplyWidgetType>Menu</quickReplyWidgetType>
                          <optionalCollect>true</optionalCollect><ignoreIntentRecognition>true</ignoreIntentRecognition>
                          <invalidInputBotNavigation><type>Redirect</type>
                            <botNavigationLinks><targetBotDialog>Verify</targetBotDialog></botNavigationLinks>
                          </invalidInputBotNavigation>
                          <botVariableOperands><sourceName>Size</sourceName><sourceType>MlSlotClass</sourceType>
                            <targetName>Size</targetName><targetType>ConversationVariable</targetType></botVariableOperands>
                        </botVariableOperation></botSteps>
                      <botSteps><type>Invocation</type><botInvocation><invocationActionName>Price</invocationActionName>
                        <invocationActionType>apex</invocationActionType>
                        <invocationMappings><parameterName>size</parameterName><type>Input</type><value>Large</value></invocationMappings>
                      </botInvocation></botSteps>
                      <botSteps><type>Navigation</type><botNavigation><type>TransferToAgent</type></botNavigation></botSteps>
                      <botSteps><type>Navigation</type><botNavigation><type>Redirect</type>
                        <botNavigationLinks><targetVariable>Next</targetVariable><targetVariableType>ConversationVariable</targetVariableType></botNavigationLinks>
                      </botNavigation></botSteps>
                    </botDialogs>
                    <botDialogs><developerName>Verify</developerName><label>Verify</label></botDialogs>
                    <conversationVariables><dataType>Text</dataType><developerName>Size</developerName><label>Size</label>
                      <visibility>external</visibility></conversationVariables>
                    <entryDialog>New_Order</entryDialog>
                    <intentThreshold>2.5</intentThreshold>
                  </botVersions>
                  <label>Pizza</label>
                  <sessionTimeout>30</sessionTimeout>
                </Bot>""".formatted(NS)));

        assertThat(result.diagnostics()).isEmpty();
        BotDefinition bot = result.bot();
        assertThat(bot.sessionTimeout()).isEqualTo(30);
        assertThat(bot.intent("New_Order").orElseThrow().relatedIntents()).containsExactly("Other");
        assertThat(bot.slotClass("Size").orElseThrow().values()).singleElement().satisfies(v -> {
            assertThat(v.value()).isEqualTo("Large");
            assertThat(v.synonyms()).containsExactly("Big", "Huge");
            assertThat(v.languages()).containsExactly("en_US");
        });
        BotVersionDefinition v = bot.versions().getFirst();
        assertThat(v.intentThreshold()).isEqualTo(2.5);
        assertThat(v.dialogGroups()).extracting(DialogGroup::developerName).containsExactly("Orders");
        assertThat(v.conversationVariables().getFirst().visibility()).isEqualTo("external");
        DialogDefinition d = v.dialog("New_Order").orElseThrow();
        assertThat(d.utterances()).containsExactly("I want pie");
        assertThat(d.mlIntentTrainingEnabled()).isTrue();
        assertThat(d.steps()).extracting(Step::type)
                .containsExactly("Group", "VariableOperation", "Invocation", "Navigation", "Navigation");
        Step.Group group = (Step.Group) d.steps().getFirst();
        assertThat(group.conditionLogicType()).isEqualTo("Or");
        assertThat(group.conditions()).singleElement().extracting(Condition::operatorType).isEqualTo("Equals");
        assertThat(((Step.Navigation) group.steps().getFirst()).navigationType()).isEqualTo("Call");
        Step.VariableOperation collect = (Step.VariableOperation) d.steps().get(1);
        assertThat(collect.id()).isEqualTo("ask_size");
        assertThat(collect.retryMessages()).containsExactly("Small, medium or large?");
        assertThat(collect.quickReplies()).containsExactly("Small", "Large");
        assertThat(collect.quickReplyType()).isEqualTo("Static");
        assertThat(collect.widget()).isEqualTo("menu");
        assertThat(collect.optionalCollect()).isTrue();
        assertThat(collect.ignoreIntentRecognition()).isTrue();
        assertThat(collect.invalidInputNavigation().links()).extracting(NavigationLink::targetDialog)
                .containsExactly("Verify");
        Step.Action action = (Step.Action) d.steps().get(2);
        assertThat(action.invocation().mappings()).singleElement().extracting(Invocation.Mapping::value)
                .isEqualTo("Large");
        assertThat(((Step.Navigation) d.steps().get(3)).navigationType()).isEqualTo("TransferToAgent");
        assertThat(((Step.Navigation) d.steps().get(4)).links()).singleElement()
                .extracting(NavigationLink::targetVariable).isEqualTo("Next");
        assertThat(d.steps().get(2).id()).isEqualTo("New_Order/2");
    }

    @Test
    void reportsGenerativeAgentElementsAsAgentOnly() {
        ParseResult result = parse(xml("a.bot", """
                <Bot %s>
                  <agentDSLEnabled>true</agentDSLEnabled>
                  <botVersions><fullName>v1</fullName>
                    <botDialogs><developerName>D</developerName><label>D</label>
                      <botSteps><type>GoalStep</type><conversationStepGoalMappings><goalName>G</goalName></conversationStepGoalMappings></botSteps>
                    </botDialogs>
                    <conversationDefinitionPlanners><genAiPlannerName>P</genAiPlannerName></conversationDefinitionPlanners>
                    <entryDialog>D</entryDialog>
                  </botVersions>
                </Bot>""".formatted(NS)));

        assertThat(withSeverity(result, Severity.WARNING)).extracting(Diagnostic::code)
                .containsExactly("element.agent-only", "element.agent-only", "element.agent-only");
        assertThat(withSeverity(result, Severity.WARNING)).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("<conversationDefinitionPlanners>"))
                .anySatisfy(m -> assertThat(m).contains("GoalStep"));
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
