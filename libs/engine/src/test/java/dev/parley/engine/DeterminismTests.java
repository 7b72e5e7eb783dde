package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.Program;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismTests {

    private static final Program MENU = TestBots.fromClasspath("bots/menu.bot");

    @Test
    void theSameInputGivesTheSameResultIncludingIds() {
        TurnResult a = new Engine(EngineLimits.defaults()).start(MENU, "s-1", Map.of("FirstName", "Ada"), null);
        TurnResult b = new Engine(EngineLimits.defaults()).start(MENU, "s-1", Map.of("FirstName", "Ada"), null);

        assertThat(a).isEqualTo(b);
        assertThat(new Engine(EngineLimits.defaults()).resume(MENU, a.state(), new Input.Choice(2, null)))
                .isEqualTo(new Engine(EngineLimits.defaults()).resume(MENU, b.state(), new Input.Choice(2, null)));
    }

    @Test
    void messageIdsDifferBySessionTurnAndIndex() {
        Engine engine = new Engine(EngineLimits.defaults());
        TurnResult one = engine.start(MENU, "s-1", Map.of(), null);
        TurnResult two = engine.start(MENU, "s-2", Map.of(), null);
        TurnResult next = engine.resume(MENU, one.state(), new Input.Redirect("Welcome"));

        assertThat(one.outputs()).extracting(Output::id).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(two.outputs().stream().map(Output::id).toList())
                .doesNotContainAnyElementsOf(next.outputs().stream().map(Output::id).toList());
    }

    @Test
    void choiceIdsAreStableAcrossSessionsAndTurns() {
        Engine engine = new Engine(EngineLimits.defaults());
        TurnResult one = engine.start(MENU, "s-1", Map.of(), null);
        TurnResult two = engine.start(MENU, "s-2", Map.of(), null);
        TurnResult again = engine.resume(MENU, one.state(), new Input.Redirect("Main_Menu"));

        Output.Choices a = (Output.Choices) one.outputs().getLast();
        Output.Choices b = (Output.Choices) two.outputs().getLast();
        Output.Choices c = (Output.Choices) again.outputs().getLast();
        assertThat(a.options()).isEqualTo(b.options()).isEqualTo(c.options());
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void aWholeConversationWithEffectsReplaysIdentically() {
        Program pizza = TestBots.fromClasspath("bots/pizza.bot");

        assertThat(play(pizza)).isEqualTo(play(pizza));
    }

    /** Every result of a conversation through an order, including the effect, as one list. */
    private static java.util.List<TurnResult> play(Program pizza) {
        Engine engine = new Engine(EngineLimits.defaults());
        java.util.List<TurnResult> results = new java.util.ArrayList<>();
        TurnResult r = engine.start(pizza, "det", Map.of("FirstName", "Ada"), "I want a large pizza");
        results.add(r);
        for (String text : java.util.List.of("3", "ada@example.com")) {
            r = engine.resume(pizza, r.state(), new Input.Text(text));
            results.add(r);
        }
        r = engine.complete(pizza, r.state(),
                EffectResult.success(r.effect().id(), Map.of("orderNumber", "P-1", "total", 30)));
        results.add(r);
        results.add(engine.resume(pizza, r.state(), new Input.Choice(1, null)));
        return results;
    }
}
