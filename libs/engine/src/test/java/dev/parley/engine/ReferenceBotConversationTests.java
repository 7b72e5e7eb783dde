package dev.parley.engine;

import static dev.parley.engine.TestBots.texts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.Program;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the scripted conversations (conversations/*.yaml) do not show about the real bots: the trace a turn with an
 * effect leaves for the debug log, and the exact effect descriptions.
 */
class ReferenceBotConversationTests {

    private static final Program ASTRO = TestBots.fromClasspath("reference/Astro_Case_Resolution.bot-meta.xml",
            "reference/Astro_Case_Resolution__v1.botVersion-meta.xml");
    private static final Program KOVAI = TestBots.fromClasspath("reference/kovai.bot");
    private static final Program EXTERNAL = TestBots.fromClasspath("reference/ExternalBot.bot-meta.xml",
            "reference/ExternalBot__v1.botVersion-meta.xml");

    private final Engine engine = new Engine(EngineLimits.defaults());

    @Test
    void everyReferenceBotCompilesAndKnowsItsSettings() {
        assertThat(List.of(ASTRO, KOVAI, EXTERNAL)).extracting(Program::botName)
                .containsExactly("Astro_Case_Resolution", "kovai", "ExternalBot");
        assertThat(ASTRO.logPrivateConversationData()).isFalse();
        assertThat(EXTERNAL.sessionTimeoutMinutes()).isEqualTo(480);
        assertThat(KOVAI.slotMatcher("Memory_size")).hasValueSatisfying(m -> assertThat(m.extract("16 GB"))
                .isEqualTo("16"));
    }

    @Test
    void aTurnWithAFlowTracesTheRequestTheOutcomeAndTheVariablesItFilled() {
        SessionState menu = engine.start(ASTRO, "astro-t", Map.of(), null).state();
        SessionState email = engine.resume(ASTRO, menu, new Input.Choice(2, null)).state();
        SessionState problem = engine.resume(ASTRO, email, new Input.Text("ada@example.com")).state();

        TurnResult stopped = engine.resume(ASTRO, problem, new Input.Text("My rocket will not start"));
        assertThat(stopped.outputs()).isEmpty();
        assertThat(stopped.effect()).isNotNull();
        assertThat(stopped.state().awaiting()).isEqualTo("Effect");
        assertThat(stopped.trace()).last().satisfies(t -> {
            assertThat(t.type()).isEqualTo("EffectRequested");
            assertThat(t.dialog()).isEqualTo("Log_a_Case");
            assertThat(t.step()).isEqualTo("4d319d96-c769-4235-8053-d47baeb13f43");
            assertThat(t.detail()).containsEntry("effectId", stopped.effect().id())
                    .containsEntry("kind", "Invocation").containsEntry("actionType", "flow")
                    .containsEntry("actionName", "Create_a_Case_flow")
                    .containsEntry("inputs", Map.of("Email", "ada@example.com",
                            "Description", "My rocket will not start", "Subject", "My rocket will not start"));
        });

        TurnResult done = engine.complete(ASTRO, stopped.state(),
                EffectResult.success(stopped.effect().id(), Map.of("Case_Number", "00001026")));

        assertThat(done.state().turn()).isEqualTo(stopped.state().turn());
        assertThat(done.trace()).extracting(TraceEvent::type).startsWith("EffectCompleted", "VariableChanged");
        assertThat(done.trace().getFirst().detail()).containsEntry("outcome", "SUCCEEDED")
                .containsEntry("outputs", Map.of("Case_Number", "00001026"));
        assertThat(done.trace().get(1).detail()).containsEntry("variable", "Case_Number")
                .containsEntry("value", "00001026").containsEntry("source", "Invocation");
        assertThat(texts(done)).first().asString().startsWith("Your case 00001026 is successfully created.");
        assertThat(done.changedVariables()).containsExactly("Problem_Statement", "Case_Number");
    }

    @Test
    void kovaisLookupIsDescribedForTheCalloutService() {
        SessionState menu = engine.start(KOVAI, "kovai-t", Map.of("LastName", "Smith"), null).state();

        TurnResult stopped = engine.resume(KOVAI, menu, new Input.Choice(1, null));

        assertThat(stopped.effect()).satisfies(e -> {
            assertThat(e.kind()).isEqualTo("RecordLookup");
            assertThat(e.actionType()).isEqualTo("recordLookup");
            assertThat(e.actionName()).isEqualTo("Contact");
            assertThat(e.inputs()).containsExactly(Map.entry("sObjectType", "Contact"),
                    Map.entry("fields", List.of("Contact.Birthdate")),
                    Map.entry("conditions", List.of(Map.of("field", "Contact.LastName", "operator", "Contains",
                            "value", "Smith"))),
                    Map.entry("filterLogic", "And"), Map.entry("maxResults", 3));
        });
    }
}
