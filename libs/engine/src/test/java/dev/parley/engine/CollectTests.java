package dev.parley.engine;

import static dev.parley.engine.Bots.collect;
import static dev.parley.engine.Bots.message;
import static dev.parley.engine.Bots.waitStep;
import static dev.parley.engine.TestBots.choiceLabels;
import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.botmodel.Program;
import dev.parley.botmodel.SlotClassDefinition;
import dev.parley.botmodel.SlotClassDefinition.SlotValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectTests {

    private final Engine engine = new Engine(EngineLimits.defaults());

    /** A bot whose entry dialog collects one value of the entity into a variable of the type and echoes it. */
    private static Program asking(String entity, String dataType) {
        return Bots.bot("Ask")
                .variable("Answer", dataType)
                .dialog("Ask", collect("Answer", entity).prompt("Your answer?").retry("Try again.").build(),
                        message("Got [{!Answer}]"), waitStep())
                .compile();
    }

    @ParameterizedTest(name = "{0} into {1}: \"{2}\" gives {3}")
    @CsvSource(delimiter = '|', textBlock = """
            _Text     | Text     |   some words  | some words
            _Email    | Text     | mail me at Ada.L@Example.co.uk please | Ada.L@Example.co.uk
            _Number   | Number   | about 1,250.50 units | 1250.5
            _Number   | Number   | -3 | -3
            _Number   | Text     | 12 | 12
            _Boolean  | Boolean  | Yep | true
            _Boolean  | Boolean  | no thanks | false
            _Date     | Date     | on 5/31/2024 please | 2024-05-31
            _Date     | Date     | May 31st, 2024 | 2024-05-31
            _Date     | Date     | 31 May 2024 | 2024-05-31
            _Date     | Date     | 2024-05-31 | 2024-05-31
            _DateTime | DateTime | 2024-05-31T10:15:00+02:00 | 2024-05-31T08:15:00Z
            _DateTime | DateTime | 5/31/2024 3:30 pm | 2024-05-31T15:30:00Z
            _DateTime | DateTime | May 31, 2024 at 9am UTC | 2024-05-31T09:00:00Z
            _Currency | Currency | $1,234.5 | 1234.50
            _Currency | Currency | 20 EUR | 20.00
            """)
    void standardEntitiesAreExtractedAndNormalised(String entity, String type, String text, String stored) {
        Program bot = asking(entity, type);
        SessionState asked = engine.start(bot, "e", Map.of(), null).state();

        TurnResult answered = engine.resume(bot, asked, new Input.Text(text));

        assertThat(texts(answered)).containsExactly("Got [" + stored + "]");
        assertThat(answered.state().awaiting()).isEqualTo("Text");
    }

    @ParameterizedTest(name = "{0}: \"{1}\" does not fit")
    @CsvSource(delimiter = '|', textBlock = """
            _Email    | ada at example dot com
            _Number   | twelve
            _Boolean  | perhaps
            _Date     | tomorrow
            _Date     | 2/30/2024
            _DateTime | 5/31/2024
            _Currency | a lot
            """)
    void answersThatDoNotFitTheEntityGetARetryMessage(String entity, String text) {
        Program bot = asking(entity, "Text");
        SessionState asked = engine.start(bot, "e", Map.of(), null).state();

        TurnResult retried = engine.resume(bot, asked, new Input.Text(text));

        assertThat(texts(retried)).containsExactly("Try again.");
        assertThat(retried.state().awaiting()).isEqualTo("Collect");
        assertThat(retried.state().collect().failedAttempts()).isEqualTo(1);
        assertThat(retried.state().variables()).doesNotContainKey("Answer");
        assertThat(retried.trace()).anySatisfy(t -> assertThat(t.type()).isEqualTo("InputNotUnderstood"));
    }

    @Test
    void aNumberIntoANumberVariableIsStoredAsANumber() {
        Program bot = asking("_Number", "Number");
        TurnResult answered = engine.resume(bot, engine.start(bot, "n", Map.of(), null).state(),
                new Input.Text("42"));

        assertThat(answered.state().variables()).containsEntry("Answer", 42);
        assertThat(answered.changedVariables()).containsExactly("Answer");
        assertThat(answered.trace()).anySatisfy(t -> {
            assertThat(t.type()).isEqualTo("VariableChanged");
            assertThat(t.detail()).containsEntry("variable", "Answer").containsEntry("value", 42)
                    .containsEntry("source", "Collect");
        });
    }

    @Test
    void retryMessagesAreUsedInOrderAndTheLastOneRepeats() {
        Program bot = Bots.bot("Retry").variable("Age", "Number")
                .dialog("Ask", collect("Age", "_Number").prompt("How old are you?").retry("A number, please.",
                        "Just digits, like 42.").build(), message("{!Age} it is."), waitStep())
                .compile();
        SessionState state = engine.start(bot, "r", Map.of(), null).state();

        List<String> replies = new java.util.ArrayList<>();
        for (String text : List.of("old", "very old", "ancient")) {
            TurnResult r = engine.resume(bot, state, new Input.Text(text));
            replies.addAll(texts(r));
            state = r.state();
        }
        TurnResult answered = engine.resume(bot, state, new Input.Text("I'm 42"));

        assertThat(replies).containsExactly("A number, please.", "Just digits, like 42.", "Just digits, like 42.");
        assertThat(texts(answered)).containsExactly("42 it is.");
    }

    @Test
    void withoutRetryMessagesConfusedRunsAndTheQuestionStaysOpen() {
        Program bot = Bots.bot("Confused").variable("Email", "Text")
                .dialog("Ask", collect("Email", "_Email").prompt("Your email?").build(), message("Thanks {!Email}"),
                        waitStep())
                .dialog("Confused", message("Hmm?"), waitStep())
                .compile();
        SessionState asked = engine.start(bot, "c", Map.of(), null).state();

        TurnResult confused = engine.resume(bot, asked, new Input.Text("no idea"));
        assertThat(texts(confused)).containsExactly("Hmm?");
        assertThat(confused.state().awaiting()).isEqualTo("Collect");
        assertThat(confused.state().currentDialog()).isEqualTo("Ask");

        assertThat(texts(engine.resume(bot, confused.state(), new Input.Text("a@b.co")))).containsExactly(
                "Thanks a@b.co");
    }

    @Test
    void withoutRetryMessagesOrConfusedTheQuestionIsAskedAgain() {
        Program bot = Bots.bot("Plain").variable("Email", "Text")
                .dialog("Ask", collect("Email", "_Email").prompt("Your email?").build(), waitStep())
                .compile();

        TurnResult again = engine.resume(bot, engine.start(bot, "p", Map.of(), null).state(),
                new Input.Text("nope"));

        assertThat(texts(again)).containsExactly("Your email?");
        assertThat(again.state().awaiting()).isEqualTo("Collect");
    }

    @Test
    void anOptionalQuestionMovesOnAfterOneRepair() {
        Program bot = Bots.bot("Optional").variable("Email", "Text")
                .dialog("Ask", collect("Email", "_Email").prompt("Email?").retry("That's no email.").optional()
                        .build(), message("Moving on [{!Email}]"), waitStep())
                .compile();
        SessionState asked = engine.start(bot, "o", Map.of(), null).state();

        TurnResult repair = engine.resume(bot, asked, new Input.Text("skip"));
        TurnResult skipped = engine.resume(bot, repair.state(), new Input.Text("skip it please"));

        assertThat(texts(repair)).containsExactly("That's no email.");
        assertThat(texts(skipped)).containsExactly("Moving on []");
        assertThat(skipped.state().variables()).doesNotContainKey("Email");
    }

    @Test
    void theInvalidInputNavigationTakesOverOnceTheRepairsAreUsedUp() {
        Program bot = Bots.bot("Nav").variable("Email", "Text")
                .dialog("Ask", collect("Email", "_Email").prompt("Email?").retry("Again?").onInvalid("Redirect",
                        "Help").build(), message("never"))
                .dialog("Help", message("Let me help."), waitStep())
                .compile();
        SessionState asked = engine.start(bot, "n", Map.of(), null).state();

        TurnResult repair = engine.resume(bot, asked, new Input.Text("x"));
        TurnResult help = engine.resume(bot, repair.state(), new Input.Text("y"));

        assertThat(texts(repair)).containsExactly("Again?");
        assertThat(texts(help)).containsExactly("Let me help.");
        assertThat(help.state().currentDialog()).isEqualTo("Help");
    }

    @Test
    void aQuestionWhoseVariableIsSetIsSkippedUnlessAskCollectIfSet() {
        Program bot = Bots.bot("Set").variable("Name", "Text").variable("City", "Text")
                .dialog("Ask", collect("Name", "_Text").prompt("Name?").build(),
                        collect("City", "_Text").prompt("City?").askIfSet().build(), waitStep())
                .compile();

        TurnResult result = engine.start(bot, "s", Map.of("Name", "Ada", "City", "Paris"), null);

        assertThat(texts(result)).containsExactly("City?");
    }

    @Test
    void staticQuickRepliesAreOfferedAsButtonsOrAMenuAndOnlyTheyFit() {
        Program bot = Bots.bot("Static").variable("Colour", "Text")
                .dialog("Ask", collect("Colour", "_Text").prompt("Colour?").options("Red", "Blue").widget("Menu")
                        .retry("Red or blue?").build(), message("{!Colour}!"), waitStep())
                .compile();
        TurnResult asked = engine.start(bot, "q", Map.of(), null);
        assertThat(asked.outputs().getLast()).isInstanceOfSatisfying(Output.Choices.class,
                c -> assertThat(c.widget()).isEqualTo("menu"));
        assertThat(choiceLabels(asked)).containsExactly("Red", "Blue");

        TurnResult retried = engine.resume(bot, asked.state(), new Input.Text("green"));
        assertThat(texts(retried)).containsExactly("Red or blue?");
        // the options are offered again with the same ids
        assertThat(retried.outputs().getLast()).isEqualTo(new Output.Choices(retried.outputs().getLast().id(),
                ((Output.Choices) asked.outputs().getLast()).options(), "menu", 0));

        assertThat(texts(engine.resume(bot, retried.state(), new Input.Text("BLUE")))).containsExactly("Blue!");
        assertThat(texts(engine.resume(bot, retried.state(), new Input.Choice(1, null)))).containsExactly("Red!");
        assertThat(texts(engine.resume(bot, retried.state(), new Input.Text("2")))).containsExactly("Blue!");
    }

    @Test
    void dynamicChoicesComeFromAListVariableAndStoreTheChosenRecord() {
        Program bot = Bots.bot("Dynamic").list("Orders", "Object").variable("Order", "Object")
                .dialog("Ask", collect("Order", "_Text").prompt("Which order?").dynamic("Orders", "#{!Number}: {!Item}")
                        .build(), message("Order {!Order.Number} ({!Order.Item}) chosen."), waitStep())
                .compile();
        List<Map<String, Object>> orders = List.of(Map.of("Number", 17, "Item", "Pizza"),
                Map.of("Number", 18, "Item", "Pasta"));
        TurnResult asked = engine.start(bot, "d", Map.of("Orders", orders), null);

        assertThat(choiceLabels(asked)).containsExactly("#17: Pizza", "#18: Pasta");
        assertThat(asked.outputs().getLast()).isInstanceOfSatisfying(Output.Choices.class,
                c -> assertThat(c.widget()).isEqualTo("buttons"));
        TurnResult chosen = engine.resume(bot, asked.state(), new Input.Choice(2, null));
        assertThat(texts(chosen)).containsExactly("Order 18 (Pasta) chosen.");
        assertThat(chosen.state().variables().get("Order")).isEqualTo(Map.of("Number", 18, "Item", "Pasta"));
    }

    @Test
    void aSingleDynamicChoiceIsTakenWithoutAskingWhenAutoSelectIsOn() {
        Program bot = Bots.bot("Auto").list("Options", "Text").variable("Pick", "Text")
                .dialog("Ask", collect("Pick", "_Text").prompt("Which?").dynamic("Options", null).autoSelect().build(),
                        message("Took {!Pick}."), waitStep())
                .compile();

        assertThat(texts(engine.start(bot, "a", Map.of("Options", List.of("only")), null)))
                .containsExactly("Took only.");
    }

    @Test
    void anIntentInsteadOfAnAnswerSwitchesDialogsUnlessIntentRecognitionIsIgnored() {
        Bots bots = Bots.bot("Switch").variable("Age", "Number")
                .dialog("Help", "Help", List.of("I need help"), message("Helping."), waitStep());
        Program open = bots.dialog("Ask", collect("Age", "_Number").prompt("Age?").retry("A number?").build())
                .entry("Ask").compile();
        Program strict = Bots.bot("Strict").variable("Age", "Number")
                .dialog("Ask", collect("Age", "_Number").prompt("Age?").retry("A number?").ignoreIntents().build())
                .dialog("Help", "Help", List.of("I need help"), message("Helping."), waitStep())
                .compile();

        TurnResult switched = engine.resume(open, engine.start(open, "i", Map.of(), null).state(),
                new Input.Text("I need help"));
        TurnResult kept = engine.resume(strict, engine.start(strict, "i", Map.of(), null).state(),
                new Input.Text("I need help"));

        assertThat(texts(switched)).containsExactly("Helping.");
        assertThat(switched.trace()).anySatisfy(t -> {
            assertThat(t.type()).isEqualTo("IntentMatched");
            assertThat(t.detail()).containsEntry("source", "utterance").containsEntry("intent", "Help");
        });
        assertThat(texts(kept)).containsExactly("A number?");
    }

    @Test
    void theUtteranceThatOpenedTheDialogFillsTheSlotUnlessAutoFillIsOff() {
        SlotClassDefinition sizes = new SlotClassDefinition("Size", "Size", null, "Text", "Value", null,
                List.of(new SlotValue("large", List.of("big"), List.of(), null),
                        new SlotValue("small", List.of(), List.of(), null)), null);
        Program bot = Bots.bot("Fill").slotClass(sizes).variable("Size", "Text").variable("Size2", "Text")
                .dialog("Start", waitStep())
                .dialog("Order", "Order", List.of("a big pizza"),
                        collect("Size", "Size").prompt("Size?").build(),
                        collect("Size2", "Size").prompt("Size again?").autoFill(false).build(),
                        message("{!Size}/{!Size2}"), waitStep())
                .compile();

        TurnResult result = engine.resume(bot, engine.start(bot, "f", Map.of(), null).state(),
                new Input.Text("A big pizza!"));

        assertThat(texts(result)).containsExactly("Size again?");
        assertThat(result.state().variables()).containsEntry("Size", "large");
    }

    @Test
    void aChoiceIsRejectedWhenTheQuestionOffersNone() {
        Program bot = asking("_Text", "Text");
        SessionState asked = engine.start(bot, "x", Map.of(), null).state();

        assertThatThrownBy(() -> engine.resume(bot, asked, new Input.Choice(1, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no choices");
    }
}
