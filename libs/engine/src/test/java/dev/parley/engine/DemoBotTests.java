package dev.parley.engine;

import static dev.parley.engine.TestBots.choiceLabels;
import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.Program;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample bot the local platform loads (samples/bots/demo) parses cleanly and converses end to end. */
class DemoBotTests {

    private static final Program DEMO = TestBots.demo();
    private static final java.util.List<String> MENU =
            java.util.List.of("Order Status", "Account Issues", "Frequently Asked Questions", "End Chat");

    private final Engine engine = new Engine(EngineLimits.defaults());

    @Test
    void theDemoCompilesWithoutWarnings() {
        assertThat(DEMO.botName()).isEqualTo("Parley_Demo");
        assertThat(DEMO.versionName()).isEqualTo("v1");
        assertThat(DEMO.confusedDialog()).isEqualTo("Confused");
        assertThat(DEMO.warnings()).isEmpty();
        assertThat(DEMO.responseDelayMs()).isEqualTo(300);
    }

    @Test
    void aFullConversationThroughTheDemo() {
        TurnResult welcome = engine.start(DEMO, "demo-1", Map.of(), null);
        assertThat(texts(welcome)).containsExactly("Hi, I'm the Parley demo assistant.", "How can I help you today?");
        assertThat(choiceLabels(welcome)).containsExactlyElementsOf(MENU);

        TurnResult order = engine.resume(DEMO, welcome.state(), new Input.Choice(1, null));
        assertThat(texts(order)).containsExactly("What is your order number?");

        TurnResult shipped = engine.resume(DEMO, order.state(), new Input.Text("A-1001"));
        assertThat(texts(shipped)).containsExactly(
                "Thanks! Order A-1001 has shipped and should arrive within 3 business days.",
                "Is there anything else I can help you with?");
        assertThat(choiceLabels(shipped)).containsExactly("Main Menu", "End Chat");

        TurnResult menu = engine.resume(DEMO, shipped.state(), new Input.Text("main menu"));
        assertThat(choiceLabels(menu)).containsExactlyElementsOf(MENU);

        TurnResult faq = engine.resume(DEMO, menu.state(), new Input.Text("Frequently asked questions"));
        assertThat(texts(faq)).hasSize(3).first().asString().contains("Monday to Friday");

        TurnResult confused = engine.resume(DEMO, faq.state(), new Input.Text("tell me a joke"));
        assertThat(texts(confused)).singleElement().asString().startsWith("Sorry, I didn't understand that.");

        TurnResult utterance = engine.resume(DEMO, confused.state(), new Input.Text("where is my order"));
        assertThat(texts(utterance)).containsExactly("What is your order number?");

        TurnResult account = engine.resume(DEMO, engine.start(DEMO, "demo-2", Map.of(), null).state(),
                new Input.Choice(2, null));
        assertThat(texts(account)).first().asString().contains("Forgot password");

        TurnResult bye = engine.resume(DEMO, account.state(), new Input.Text("bye"));
        assertThat(texts(bye)).containsExactly("Thanks for chatting with us. Goodbye!");
        assertThat(bye.ended()).isTrue();
        assertThat(bye.outputs().getLast()).isInstanceOfSatisfying(Output.SessionEnded.class,
                e -> assertThat(e.reason()).isEqualTo("Action"));
        assertThat(bye.outputs()).allSatisfy(o -> assertThat(o.delayMs()).isEqualTo(300));
    }
}
