package dev.parley.engine;

import static dev.parley.engine.TestBots.choiceLabels;
import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.Program;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversations through real bots from public repositories. */
class ReferenceBotConversationTests {

    private static final Program ASTRO = TestBots.fromClasspath("reference/Astro_Case_Resolution.bot-meta.xml",
            "reference/Astro_Case_Resolution__v1.botVersion-meta.xml");
    private static final Program KOVAI = TestBots.fromClasspath("reference/kovai.bot");

    private final Engine engine = new Engine(EngineLimits.defaults());

    @Test
    void astroWelcomesShowsItsMenuCollectsAndFallsBackToTheMenu() {
        TurnResult welcome = engine.start(ASTRO, "astro-1", Map.of(), null);
        assertThat(texts(welcome)).containsExactly("Hi, I'm Astro Case Resolution, a digital assistant.");
        assertThat(choiceLabels(welcome)).containsExactly("Case Status", "Log a Case", "Talk to an expert");

        TurnResult email = engine.resume(ASTRO, welcome.state(), new Input.Text("log a case"));
        assertThat(texts(email)).containsExactly("Please provide you email address");

        TurnResult problem = engine.resume(ASTRO, email.state(), new Input.Text("ada@example.com"));
        assertThat(texts(problem)).containsExactly("Please provide the problem details");

        TurnResult created = engine.resume(ASTRO, problem.state(), new Input.Text("My rocket will not start"));
        // the Create_a_Case flow is not executed yet, so Case_Number renders empty
        assertThat(texts(created)).containsExactly(
                "Your case  is successfully created. For further assistance please select from the following.");
        assertThat(created.trace()).anySatisfy(t -> assertThat(t.detail()).containsEntry("skipped", true));
        assertThat(created.state().variables()).containsEntry("Email", "ada@example.com")
                .containsEntry("Problem_Statement", "My rocket will not start");
        assertThat(choiceLabels(created)).containsExactly("Case Status", "Log a Case", "Talk to an expert");
    }

    @Test
    void astroTransfersToAnExpertAndRunsNoAgentAvailableWhenTheTransferFails() {
        SessionState menu = engine.start(ASTRO, "astro-2", Map.of(), null).state();

        TurnResult transfer = engine.resume(ASTRO, menu, new Input.Choice(3, null));
        assertThat(transfer.outputs()).singleElement().isInstanceOfSatisfying(Output.Escalate.class,
                e -> assertThat(e.targets()).isEmpty());

        TurnResult failed = engine.resume(ASTRO, transfer.state(), new Input.TransferFailed("NoAgentAvailable"));
        assertThat(texts(failed)).containsExactly("Unfortunately, there are no agents available at the moment");
        assertThat(failed.state().awaiting()).isEqualTo("Text");
    }

    @Test
    void astroTransferToAgentUsesTheOmniChannelFlowSetInItsGroup() {
        SessionState menu = engine.start(ASTRO, "astro-3", Map.of(), null).state();

        TurnResult transfer = engine.resume(ASTRO, menu, new Input.Redirect("Transfer_To_Agent"));

        assertThat(transfer.outputs()).singleElement().isInstanceOfSatisfying(Output.Escalate.class,
                e -> assertThat(e.targets()).containsExactly(
                        new Output.Target("Salesforce:Core:Flow:Id", "Route_to_Unified_Resolution_Agent")));
    }

    @Test
    void astroEndChatEndsTheSessionAndGibberishRunsConfused() {
        SessionState menu = engine.start(ASTRO, "astro-4", Map.of(), null).state();

        TurnResult confused = engine.resume(ASTRO, menu, new Input.Text("blorp"));
        assertThat(texts(confused)).containsExactly("Sorry, I didn't understand that.");

        TurnResult end = engine.resume(ASTRO, confused.state(), new Input.Text("End Chat"));
        assertThat(texts(end)).singleElement().asString().startsWith("Thanks for taking the time to chat.");
        assertThat(end.ended()).isTrue();
        assertThat(end.state().endReason()).isEqualTo("Action");
    }

    @Test
    void kovaiSkipsItsRecordLookupAndKeepsGoing() {
        SessionState menu = engine.start(KOVAI, "kovai-1", Map.of(), null).state();

        TurnResult lookup = engine.resume(KOVAI, menu, new Input.Choice(1, null));
        assertThat(lookup.outputs()).isEmpty();
        assertThat(lookup.trace()).anySatisfy(t -> {
            assertThat(t.step()).isEqualTo("Check_My_Order/0");
            assertThat(t.detail()).containsEntry("skipped", true);
        });
        assertThat(lookup.state().awaiting()).isEqualTo("Text");

        TurnResult printer = engine.resume(KOVAI, lookup.state(), new Input.Text("Printer not working"));
        assertThat(texts(printer)).containsExactly("We will fix it");
    }
}
