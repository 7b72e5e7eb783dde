package dev.parley.engine;

import static dev.parley.engine.Bots.link;
import static dev.parley.engine.Bots.menu;
import static dev.parley.engine.Bots.message;
import static dev.parley.engine.Bots.redirect;
import static dev.parley.engine.Bots.waitStep;
import static dev.parley.engine.TestBots.choiceLabels;
import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.Program;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Free text that nothing understands runs the Confused dialog, which returns to where the bot got confused. */
class ConfusedTests {

    private static Bots base() {
        return Bots.bot("Conf")
                .dialog("Start", menu(link(null, "Alpha"), link(null, "Beta")))
                .dialog("Alpha", message("alpha"), waitStep())
                .dialog("Beta", message("beta"), waitStep());
    }

    private final Engine engine = new Engine(EngineLimits.defaults());

    @Test
    void afterConfusedTheMenuTheCustomerWasLookingAtStillAnswers() {
        Program bot = base().dialog("Confused", message("Pardon?"), waitStep()).compile();
        SessionState menu = engine.start(bot, "c", Map.of(), null).state();

        TurnResult confused = engine.resume(bot, menu, new Input.Text("xyzzy"));

        assertThat(texts(confused)).containsExactly("Pardon?");
        assertThat(confused.state().awaiting()).isEqualTo("Choice");
        assertThat(confused.state().currentDialog()).isEqualTo("Start");
        assertThat(confused.state().choices()).isEqualTo(menu.choices());
        assertThat(confused.state().callStack()).isEmpty();
        assertThat(confused.trace()).extracting(TraceEvent::type).startsWith("InputNotUnderstood", "DialogEntered");
        assertThat(confused.trace().get(1).detail()).containsEntry("via", "confused");
        assertThat(texts(engine.resume(bot, confused.state(), new Input.Choice(2, null)))).containsExactly("beta");
    }

    @Test
    void afterConfusedAtAWaitTheBotIsBackInTheDialogItWaitedIn() {
        Program bot = base().dialog("Confused", message("Pardon?")).compile();
        SessionState alpha = engine.resume(bot, engine.start(bot, "c", Map.of(), null).state(),
                new Input.Choice(1, null)).state();

        TurnResult confused = engine.resume(bot, alpha, new Input.Text("xyzzy"));

        assertThat(texts(confused)).containsExactly("Pardon?");
        assertThat(confused.state().awaiting()).isEqualTo("Text");
        assertThat(confused.state().currentDialog()).isEqualTo("Alpha");
    }

    @Test
    void aConfusedDialogThatMovesOnWins() {
        Program bot = base().dialog("Confused", message("Let's start over."), redirect("Beta")).compile();
        SessionState menu = engine.start(bot, "c", Map.of(), null).state();

        TurnResult confused = engine.resume(bot, menu, new Input.Text("xyzzy"));

        assertThat(texts(confused)).containsExactly("Let's start over.", "beta");
        assertThat(confused.state().currentDialog()).isEqualTo("Beta");
        assertThat(confused.state().choices()).isEmpty();
        assertThat(confused.state().callStack()).isEmpty();
    }

    @Test
    void aConfusedDialogWithItsOwnMenuReplacesTheOldOne() {
        Program bot = base().dialog("Confused", message("Try one of these:"),
                menu(link("Alpha again", "Alpha"), link("Beta again", "Beta"), link("Start", "Start"))).compile();
        SessionState menu = engine.start(bot, "c", Map.of(), null).state();

        TurnResult confused = engine.resume(bot, menu, new Input.Text("xyzzy"));

        assertThat(choiceLabels(confused)).containsExactly("Alpha again", "Beta again", "Start");
        assertThat(confused.state().choices()).hasSize(3);
        assertThat(confused.state().callStack()).isEmpty();
        assertThat(texts(engine.resume(bot, confused.state(), new Input.Choice(3, null)))).isEmpty();
    }

    @Test
    void aConfusedFoundByItsLabelCounts() {
        Program bot = base().dialog("Fallback", "Confused", java.util.List.of(), message("By label.")).compile();

        assertThat(texts(engine.resume(bot, engine.start(bot, "c", Map.of(), null).state(),
                new Input.Text("xyzzy")))).containsExactly("By label.");
    }
}
