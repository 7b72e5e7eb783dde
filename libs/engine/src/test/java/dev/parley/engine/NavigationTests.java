package dev.parley.engine;

import static dev.parley.engine.Bots.call;
import static dev.parley.engine.Bots.collect;
import static dev.parley.engine.Bots.condition;
import static dev.parley.engine.Bots.link;
import static dev.parley.engine.Bots.menu;
import static dev.parley.engine.Bots.message;
import static dev.parley.engine.Bots.navigation;
import static dev.parley.engine.Bots.redirect;
import static dev.parley.engine.Bots.set;
import static dev.parley.engine.Bots.transferToAgent;
import static dev.parley.engine.Bots.variableLink;
import static dev.parley.engine.Bots.waitStep;
import static dev.parley.engine.Bots.when;
import static dev.parley.engine.TestBots.choiceLabels;
import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.Program;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NavigationTests {

    private static final Program BOT = Bots.bot("Nav")
            .variable("Name", "Text").variable("Target", "Text").variable("Guard", "Text")
            .dialog("Start", message("start"), call("Middle"), message("back in start"), waitStep())
            .dialog("Middle", message("middle"), call("Inner"), message("back in middle"))
            .dialog("Inner", message("inner"))
            .dialog("Asks", message("before"), call("Question"), message("after, {!Name}"), waitStep())
            .dialog("Question", collect("Name", "_Text").prompt("Name?").build())
            .dialog("Hops", call("Hop"), message("after the hop"), waitStep())
            .dialog("Hop", redirect("Landing"))
            .dialog("Landing", message("landed"))
            .dialog("Waits", call("Waiter"), message("never: a Wait ends the call"))
            .dialog("Waiter", message("waiting"), waitStep())
            .dialog("Menu", menu(link("Go inner", "Inner"), link(null, "Landing")))
            .dialog("Handoff", message("handing over"), transferToAgent())
            .dialog("Dynamic", set("Target", "Landing"), navigation("Redirect"), redirect(), message("no-op links"),
                    Bots.menu(variableLink("Target"), link(null, "Inner")))
            .dialog("Jump", set("Target", "Landing"), new dev.parley.botmodel.Step.Navigation("jump", "Redirect",
                    java.util.List.of(variableLink("Target")), null))
            .dialog("Nowhere", set("Target", "No such dialog"), new dev.parley.botmodel.Step.Navigation("jump2",
                    "Redirect", java.util.List.of(variableLink("Target")), null))
            .dialog("Recurse", when(condition("Guard", "IsNotSet", null), call("Recurse")))
            .dialog("Oops", message("oops"), waitStep())
            .system("ErrorHandling", "Oops")
            .compile();

    private final Engine engine = new Engine(EngineLimits.defaults());

    private TurnResult run(String dialog) {
        TurnResult started = engine.start(BOT, "n", Map.of(), null);
        return engine.resume(BOT, started.state(), new Input.Redirect(dialog));
    }

    @Test
    void aCallRunsTheDialogAndReturnsToTheStepAfterItEvenWhenNested() {
        TurnResult result = engine.start(BOT, "n", Map.of(), null);

        assertThat(texts(result)).containsExactly("start", "middle", "inner", "back in middle", "back in start");
        assertThat(result.state().callStack()).isEmpty();
        assertThat(result.trace()).filteredOn(t -> t.type().equals("DialogEntered"))
                .extracting(t -> t.dialog() + " via " + t.detail().get("via"))
                .containsExactly("Start via start", "Middle via call", "Inner via call", "Middle via return",
                        "Start via return");
    }

    @Test
    void aCalledDialogThatAsksReturnsAfterTheAnswer() {
        TurnResult asked = run("Asks");
        assertThat(texts(asked)).containsExactly("before", "Name?");
        assertThat(asked.state().callStack()).hasSize(1);

        assertThat(texts(engine.resume(BOT, asked.state(), new Input.Text("Ada")))).containsExactly("after, Ada");
    }

    @Test
    void aRedirectInsideACalledDialogStillReturnsToTheCaller() {
        assertThat(texts(run("Hops"))).containsExactly("landed", "after the hop");
    }

    @Test
    void aWaitInsideACalledDialogEndsTheCall() {
        TurnResult result = run("Waits");

        assertThat(texts(result)).containsExactly("waiting");
        assertThat(result.state().callStack()).isEmpty();
        assertThat(result.state().awaiting()).isEqualTo("Text");
    }

    @Test
    void aMenuShowsLinkLabelsElseTheTargetDialogsLabel() {
        TurnResult menu = run("Menu");

        assertThat(choiceLabels(menu)).containsExactly("Go inner", "Landing");
        assertThat(texts(engine.resume(BOT, menu.state(), new Input.Text("go inner")))).containsExactly("inner");
    }

    @Test
    void transferToAgentNavigationEscalates() {
        TurnResult result = run("Handoff");

        assertThat(texts(result)).containsExactly("handing over");
        assertThat(result.outputs().getLast()).isInstanceOf(Output.Escalate.class);
        assertThat(result.state().awaiting()).isEqualTo("Transfer");
        assertThat(result.trace()).anySatisfy(t -> assertThat(t.type()).isEqualTo("TransferRequested"));
    }

    @Test
    void aNavigationMayNameItsTargetInAVariable() {
        assertThat(texts(run("Jump"))).containsExactly("landed");
    }

    @Test
    void navigationsWithoutTargetsDoNothingAndAMenuMayUseAVariableTarget() {
        TurnResult result = run("Dynamic");

        assertThat(texts(result)).containsExactly("no-op links");
        assertThat(choiceLabels(result)).containsExactly("Landing", "Inner");
    }

    @Test
    void aVariableTargetThatIsNoDialogRunsErrorHandling() {
        TurnResult result = run("Nowhere");

        assertThat(texts(result)).containsExactly("oops");
        assertThat(result.trace()).anySatisfy(t -> {
            assertThat(t.type()).isEqualTo("ErrorOccurred");
            assertThat(t.detail()).containsEntry("code", "UnknownDialog");
            assertThat((String) t.detail().get("message")).contains("Target");
        });
    }

    @Test
    void endlessCallsEndTheSessionWithInfiniteLoopDetected() {
        TurnResult result = run("Recurse");

        assertThat(result.ended()).isTrue();
        assertThat(result.state().endReason()).isEqualTo("InfiniteLoopDetected");
        assertThat(result.outputs()).singleElement().isInstanceOfSatisfying(Output.SessionEnded.class,
                e -> assertThat(e.reason()).isEqualTo("InfiniteLoopDetected"));
    }
}
