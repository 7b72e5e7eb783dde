package dev.parley.engine;

import static dev.parley.engine.TestBots.choiceLabels;
import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.botmodel.Program;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTests {

    private static final Program MENU = TestBots.fromClasspath("bots/menu.bot");
    private static final Program PLAIN = TestBots.fromClasspath("bots/plain.bot");

    private final Engine engine = new Engine(EngineLimits.defaults());

    private TurnResult start() {
        return engine.start(MENU, "s-1", Map.of("FirstName", "Ada"), null);
    }

    @Test
    void startRunsTheEntryDialogSubstitutesMergeFieldsAndShowsTheMenu() {
        TurnResult result = start();

        assertThat(texts(result)).containsExactly("Hello Ada, welcome!", "Second line");
        assertThat(result.outputs()).hasSize(3).last().isInstanceOf(Output.Choices.class);
        Output.Choices menu = (Output.Choices) result.outputs().get(2);
        assertThat(menu.widget()).isEqualTo("menu");
        assertThat(menu.options()).extracting(ChoiceOption::alias).containsExactly("1", "2", "3");
        // a link's own label wins over the target dialog's label
        assertThat(choiceLabels(result)).containsExactly("Billing help", "Shipping", "Goodbye");
        assertThat(result.state().turn()).isEqualTo(1);
        assertThat(result.state().awaiting()).isEqualTo("Choice");
        assertThat(result.state().currentDialog()).isEqualTo("Main_Menu");
        assertThat(result.ended()).isFalse();
        assertThat(result.trace()).extracting(TraceEvent::type)
                .startsWith("VariableChanged", "DialogEntered", "StepExecuted", "MessageSent", "MessageSent",
                        "StepExecuted", "DialogCompleted", "DialogEntered");
    }

    @Test
    void everyOutputCarriesTheVersionsResponseDelay() {
        assertThat(start().outputs()).allSatisfy(o -> assertThat(o.delayMs()).isEqualTo(250));
        assertThat(engine.start(PLAIN, "s", Map.of(), null).outputs())
                .allSatisfy(o -> assertThat(o.delayMs()).isZero());
    }

    @Test
    void choosingByIndexRunsTheTargetDialogAndAWaitStopsIt() {
        TurnResult result = engine.resume(MENU, start().state(), new Input.Choice(1, null));

        assertThat(texts(result)).containsExactly("Billing help for Ada.");
        assertThat(result.state().awaiting()).isEqualTo("Text");
        assertThat(result.state().currentDialog()).isEqualTo("Billing");
        assertThat(result.state().choices()).isEmpty();
        assertThat(result.state().turn()).isEqualTo(2);
    }

    @Test
    void choosingByIdWorksWithAnIdFromThePreviousReply() {
        TurnResult first = start();
        String shippingId = ((Output.Choices) first.outputs().get(2)).options().get(1).id();

        TurnResult result = engine.resume(MENU, first.state(), new Input.Choice(null, shippingId));

        assertThat(texts(result)).containsExactly("Shipping takes 3 days.");
    }

    @Test
    void freeTextEqualToAChoiceLabelOrAliasChoosesIt() {
        assertThat(texts(engine.resume(MENU, start().state(), new Input.Text("  shipping "))))
                .containsExactly("Shipping takes 3 days.");
        assertThat(texts(engine.resume(MENU, start().state(), new Input.Text("2"))))
                .containsExactly("Shipping takes 3 days.");
        assertThat(texts(engine.resume(MENU, start().state(), new Input.Text("BILLING QUESTIONS"))))
                .containsExactly("Billing help for Ada.");
    }

    @Test
    void aChoiceIndexOutOfRangeNamesTheIndexAndTheNumberOfChoices() {
        SessionState state = start().state();

        assertThatThrownBy(() -> engine.resume(MENU, state, new Input.Choice(4, null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("4")
                .hasMessageContaining("3 choices");
        assertThatThrownBy(() -> engine.resume(MENU, state, new Input.Choice(0, null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anUnknownChoiceIdOrAnEmptyChoiceIsRejected() {
        SessionState state = start().state();

        assertThatThrownBy(() -> engine.resume(MENU, state, new Input.Choice(null, "nope")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> engine.resume(MENU, state, new Input.Choice(null, null)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aChoiceWhenNoChoicesAreOfferedIsRejected() {
        SessionState waitingForText = engine.resume(MENU, start().state(), new Input.Choice(1, null)).state();

        assertThatThrownBy(() -> engine.resume(MENU, waitingForText, new Input.Choice(1, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no choices");
    }

    @Test
    void freeTextMatchingADialogLabelOrUtteranceRunsThatDialog() {
        SessionState waiting = engine.resume(MENU, start().state(), new Input.Choice(1, null)).state();

        assertThat(texts(engine.resume(MENU, waiting, new Input.Text("shipping"))))
                .containsExactly("Shipping takes 3 days.");
        assertThat(texts(engine.resume(MENU, waiting, new Input.Text("I have a question about my INVOICE"))))
                .containsExactly("Billing help for Ada.");
    }

    @Test
    void freeTextMatchingNothingRunsTheConfusedDialogFoundByItsLabelAndKeepsTheMenu() {
        SessionState menu = start().state();
        TurnResult result = engine.resume(MENU, menu, new Input.Text("what is the meaning of life"));

        assertThat(texts(result)).containsExactly("I did not get that.");
        // Confused ran, then the bot is back where it got confused
        assertThat(result.trace()).anySatisfy(t -> assertThat(t.dialog()).isEqualTo("Bot_Confused"));
        assertThat(result.state().currentDialog()).isEqualTo("Main_Menu");
        assertThat(result.trace()).extracting(TraceEvent::type).first().isEqualTo("InputNotUnderstood");
        // the Confused dialog only apologised, so the menu the user was looking at still answers
        assertThat(result.state().awaiting()).isEqualTo("Choice");
        assertThat(result.state().choices()).isEqualTo(menu.choices());
        assertThat(engine.resume(MENU, result.state(), new Input.Choice(1, null)).outputs()).isNotEmpty();
    }

    @Test
    void utterancesMatchWhateverTheCaseAndSurroundingPunctuation() {
        SessionState waiting = engine.resume(MENU, start().state(), new Input.Choice(1, null)).state();

        assertThat(texts(engine.resume(MENU, waiting, new Input.Text("  Shipping?! "))))
                .containsExactly("Shipping takes 3 days.");
    }

    @Test
    void withoutAConfusedDialogTheBotApologisesAndKeepsWaitingForTheSameChoice() {
        SessionState state = engine.start(PLAIN, "p-1", null, null).state();

        TurnResult result = engine.resume(PLAIN, state, new Input.Text("gibberish"));

        assertThat(texts(result)).containsExactly("Sorry, I didn't understand that.");
        assertThat(result.state().awaiting()).isEqualTo("Choice");
        assertThat(result.state().choices()).hasSize(2);
        assertThat(texts(engine.resume(PLAIN, result.state(), new Input.Choice(1, null))))
                .containsExactly("Here is some help.");
    }

    @Test
    void runningOutOfStepsWaitsForText() {
        TurnResult help = engine.resume(PLAIN, engine.start(PLAIN, "p", null, null).state(), new Input.Text("help"));

        assertThat(help.state().awaiting()).isEqualTo("Text");
        assertThat(help.state().currentDialog()).isEqualTo("Help");
    }

    @Test
    void endChatEndsTheSessionWithReasonActionAndSkipsLaterSteps() {
        TurnResult result = engine.resume(MENU, start().state(), new Input.Choice(3, null));

        assertThat(texts(result)).containsExactly("Bye!");
        assertThat(result.outputs().getLast()).isInstanceOfSatisfying(Output.SessionEnded.class,
                ended -> assertThat(ended.reason()).isEqualTo("Action"));
        assertThat(result.ended()).isTrue();
        assertThat(result.state().endReason()).isEqualTo("Action");
        assertThat(result.state().awaiting()).isNull();
        assertThat(result.trace()).extracting(TraceEvent::type).last().isEqualTo("SessionEnded");
    }

    @Test
    void inputToAnEndedSessionIsRejected() {
        SessionState ended = engine.resume(MENU, start().state(), new Input.Choice(3, null)).state();

        assertThatThrownBy(() -> engine.resume(MENU, ended, new Input.Text("hello")))
                .isInstanceOf(SessionEndedException.class).hasMessageContaining("s-1");
        assertThatThrownBy(() -> engine.end(MENU, ended, null)).isInstanceOf(SessionEndedException.class);
    }

    @Test
    void theClientCanEndTheSession() {
        TurnResult result = engine.end(MENU, start().state(), null);

        assertThat(result.outputs()).singleElement().isInstanceOfSatisfying(Output.SessionEnded.class,
                e -> assertThat(e.reason()).isEqualTo("ClientRequest"));
        assertThat(result.state().turn()).isEqualTo(2);
        assertThat(result.ended()).isTrue();
    }

    @Test
    void transferEscalatesToTheRoutingFlowAndAFailedTransferRunsTheTransferFailedDialog() {
        TurnResult escalated = engine.resume(MENU, start().state(), new Input.Redirect("Agent"));

        assertThat(escalated.outputs()).singleElement().isInstanceOfSatisfying(Output.Escalate.class,
                e -> assertThat(e.targets()).containsExactly(
                        new Output.Target("Salesforce:Core:Flow:Id", "Support_Flow")));
        assertThat(escalated.state().awaiting()).isEqualTo("Transfer");
        assertThat(escalated.state().variables()).containsEntry("RoutingFlow", "Support_Flow");

        TurnResult failed = engine.resume(MENU, escalated.state(), new Input.TransferFailed("NoAgentAvailable"));
        assertThat(texts(failed)).containsExactly("No agents are available.");
        assertThat(failed.ended()).isFalse();
    }

    @Test
    void aSuccessfulTransferEndsTheBotsPartOfTheSession() {
        SessionState escalated = engine.resume(MENU, start().state(), new Input.Redirect("talk to an AGENT")).state();

        TurnResult result = engine.resume(MENU, escalated, new Input.TransferSucceeded());

        assertThat(result.ended()).isTrue();
        assertThat(result.outputs()).singleElement().isInstanceOfSatisfying(Output.SessionEnded.class,
                e -> assertThat(e.reason()).isEqualTo("Action"));
    }

    @Test
    void aFailedTransferWithoutATransferFailedDialogEndsTheSession() {
        SessionState escalated = engine.resume(PLAIN, engine.start(PLAIN, "p", null, null).state(),
                new Input.Choice(2, null)).state();
        assertThat(escalated.awaiting()).isEqualTo("Transfer");

        TurnResult result = engine.resume(PLAIN, escalated, new Input.TransferFailed("Error"));

        assertThat(result.outputs()).singleElement().isInstanceOfSatisfying(Output.SessionEnded.class,
                e -> assertThat(e.reason()).isEqualTo("TransferFailedNotConfigured"));
    }

    @Test
    void transferResultsWithoutAPendingTransferAreRejected() {
        SessionState state = start().state();

        assertThatThrownBy(() -> engine.resume(MENU, state, new Input.TransferSucceeded()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no transfer");
        assertThatThrownBy(() -> engine.resume(MENU, state, new Input.TransferFailed("Error")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aRedirectToAnUnknownDialogIsRejected() {
        assertThatThrownBy(() -> engine.resume(MENU, start().state(), new Input.Redirect("Nowhere")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Nowhere");
    }

    @Test
    void emptyTextIsRejected() {
        assertThatThrownBy(() -> engine.resume(MENU, start().state(), new Input.Text("  ")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anEndlessRedirectLoopEndsTheSessionWithInfiniteLoopDetected() {
        TurnResult result = new Engine(new EngineLimits(50)).resume(MENU, start().state(), new Input.Redirect("Loop_A"));

        assertThat(result.ended()).isTrue();
        assertThat(result.state().endReason()).isEqualTo("InfiniteLoopDetected");
        assertThat(result.outputs()).singleElement().isInstanceOfSatisfying(Output.SessionEnded.class,
                e -> assertThat(e.reason()).isEqualTo("InfiniteLoopDetected"));
        // each pass through a loop dialog is a group step and a navigation step
        assertThat(result.trace().stream().filter(t -> t.type().equals("StepExecuted"))).hasSize(50);
    }

    @Test
    void theStepBudgetIsPerTurn() {
        Engine tight = new Engine(new EngineLimits(4));
        // Welcome: message, redirect, menu = 3 steps; fits
        TurnResult first = tight.start(MENU, "s", Map.of(), null);
        assertThat(first.ended()).isFalse();
        // Billing: message, wait = 2 steps in a fresh budget
        assertThat(tight.resume(MENU, first.state(), new Input.Choice(1, null)).ended()).isFalse();
    }

    @Test
    void groupsRunTheirStepsOnlyWhenTheirConditionsHold() {
        TurnResult gold = engine.resume(MENU, engine.start(MENU, "g", Map.of("Tier", "gold"), null).state(),
                new Input.Choice(2, null));
        TurnResult plain = engine.resume(MENU, start().state(), new Input.Choice(2, null));

        assertThat(texts(gold)).containsExactly("Express shipping for gold members.", "Shipping takes 3 days.");
        assertThat(texts(plain)).containsExactly("Shipping takes 3 days.");
    }

    @Test
    void collectAsksStoresTheAnswerOffersQuickRepliesAndContinues() {
        TurnResult asked = engine.resume(MENU, start().state(), new Input.Redirect("Profile"));
        assertThat(texts(asked)).containsExactly("What is your email?");
        assertThat(asked.state().awaiting()).isEqualTo("Collect");

        TurnResult size = engine.resume(MENU, asked.state(), new Input.Text(" ada@example.com "));
        assertThat(size.state().variables()).containsEntry("Email", "ada@example.com");
        assertThat(texts(size)).containsExactly("Pick a size");
        assertThat(size.outputs().getLast()).isInstanceOfSatisfying(Output.Choices.class,
                c -> assertThat(c.widget()).isEqualTo("buttons"));
        assertThat(choiceLabels(size)).containsExactly("Small", "Large");

        TurnResult done = engine.resume(MENU, size.state(), new Input.Choice(2, null));
        // Unset clears Size
        assertThat(texts(done)).containsExactly("Thanks, Large for ada@example.com.", "Size now: []");
        assertThat(done.state().variables()).doesNotContainKey("Size");
        assertThat(done.changedVariables()).containsExactly("Size");
    }

    @Test
    void collectSkipsTheQuestionWhenTheVariableIsAlreadySetAndAskCollectIfSetIsFalse() {
        SessionState state = engine.start(MENU, "c", Map.of("Email", "known@example.com"), null).state();

        TurnResult result = engine.resume(MENU, state, new Input.Redirect("Profile"));

        assertThat(texts(result)).containsExactly("Pick a size");
    }

    @Test
    void startWithTextHandlesItAfterTheWelcomeInTheSameTurn() {
        TurnResult result = engine.start(MENU, "t", Map.of("FirstName", "Bo"), "shipping");

        assertThat(texts(result)).containsExactly("Hello Bo, welcome!", "Second line", "Shipping takes 3 days.");
        assertThat(result.state().turn()).isEqualTo(1);
        assertThat(result.outputs()).extracting(Output::id).doesNotHaveDuplicates();
    }

    @Test
    void startNeedsASessionId() {
        assertThatThrownBy(() -> engine.start(MENU, " ", Map.of(), null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void unsetMergeFieldsRenderEmpty() {
        assertThat(texts(engine.start(MENU, "u", Map.of(), null))).first().isEqualTo("Hello , welcome!");
    }

    @Test
    void aStateFromAnotherVersionPointingAtAMissingDialogIsRejectedNotCrashed() {
        SessionState state = start().state();
        SessionState stale = new SessionState(state.sessionId(), state.botName(), state.versionName(), state.turn(),
                false, null, state.variables(), "Choice", "Main_Menu",
                java.util.List.of(new SessionState.OfferedChoice("x", "1", "Gone", "Removed_Dialog")), null);

        assertThatThrownBy(() -> engine.resume(MENU, stale, new Input.Choice(1, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Removed_Dialog");
        SessionState staleCollect = new SessionState(state.sessionId(), state.botName(), state.versionName(),
                state.turn(), false, null, state.variables(), "Collect", "Removed_Dialog", null,
                new SessionState.PendingCollect("Removed_Dialog", java.util.List.of(1), "X", "s"));
        assertThat(texts(engine.resume(MENU, staleCollect, new Input.Text("shipping"))))
                .containsExactly("Shipping takes 3 days.");
    }
}
