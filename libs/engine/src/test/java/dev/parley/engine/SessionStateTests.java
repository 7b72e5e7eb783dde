package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.Program;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SessionStateTests {

    private static final Program MENU = TestBots.fromClasspath("bots/menu.bot");
    private static final Set<Class<?>> SCALARS = Set.of(String.class, int.class, long.class, boolean.class,
            Integer.class, Long.class, Boolean.class, Object.class);

    private final Engine engine = new Engine(EngineLimits.defaults());
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void sessionStateIsATreeOfPlainRecordsListsMapsAndScalars() {
        assertPlain(SessionState.class, new HashSet<>());
    }

    private static void assertPlain(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType p) {
            assertThat((Class<?>) p.getRawType()).isIn(List.class, Map.class);
            for (Type arg : p.getActualTypeArguments()) {
                assertPlain(arg, seen);
            }
            return;
        }
        Class<?> c = (Class<?>) type;
        if (SCALARS.contains(c)) {
            return;
        }
        assertThat(c.isRecord()).as("%s is a record", c).isTrue();
        assertThat(c.isSealed() || c.isInterface()).isFalse();
        for (RecordComponent component : c.getRecordComponents()) {
            assertPlain(component.getGenericType(), seen);
        }
    }

    @Test
    void stateSurvivesAJsonRoundTripAtEveryKindOfWait() {
        TurnResult menu = engine.start(MENU, "s-1", Map.of("FirstName", "Ada", "Visits", 3, "Vip", true), null);
        TurnResult collect = engine.resume(MENU, menu.state(), new Input.Redirect("Profile"));
        TurnResult quickReplies = engine.resume(MENU, collect.state(), new Input.Text("a@b.c"));
        TurnResult transfer = engine.resume(MENU, menu.state(), new Input.Redirect("Agent"));
        TurnResult ended = engine.end(MENU, menu.state(), null);

        for (TurnResult result : List.of(menu, collect, quickReplies, transfer, ended)) {
            String text = json.writeValueAsString(result.state());
            SessionState back = json.readValue(text, SessionState.class);
            assertThat(back).isEqualTo(result.state());
        }
    }

    @Test
    void aRestoredStateContinuesExactlyLikeTheOriginal() {
        TurnResult collect = engine.resume(MENU, engine.start(MENU, "s-1", Map.of(), null).state(),
                new Input.Redirect("Profile"));
        SessionState restored = json.readValue(json.writeValueAsString(collect.state()), SessionState.class);

        assertThat(engine.resume(MENU, restored, new Input.Text("a@b.c")))
                .isEqualTo(engine.resume(MENU, collect.state(), new Input.Text("a@b.c")));
    }

    @Test
    void aStateStoredByTheFirstReleaseStillReadsAndContinues() {
        // the shape the runtime stored before calls, effects and repairs existed
        String stored = """
                {"sessionId":"s-old","botName":"Menu_Bot","versionName":"v1","turn":3,"ended":false,
                 "endReason":null,"variables":{"FirstName":"Ada","Visits":3},"awaiting":"Collect",
                 "currentDialog":"Profile","choices":[],
                 "collect":{"dialog":"Profile","resumeAt":[1],"variable":"Email","stepId":"collect-email"}}""";

        SessionState old = json.readValue(stored, SessionState.class);
        TurnResult next = engine.resume(MENU, old, new Input.Text("ada@example.com"));

        assertThat(old.callStack()).isEmpty();
        assertThat(old.effect()).isNull();
        assertThat(old.collect().failedAttempts()).isZero();
        assertThat(next.state().variables()).containsEntry("Email", "ada@example.com");
        assertThat(TestBots.texts(next)).containsExactly("Pick a size");
        assertThat(next.state().turn()).isEqualTo(4);
    }

    @Test
    void aStateStoppedAtAnEffectInsideACallSurvivesAJsonRoundTrip() {
        Program bot = Bots.bot("Json").variable("Total", "Currency").list("Rows", "Object")
                .dialog("Start", Bots.message("start"), Bots.call("Work"), Bots.message("total {!Total}"),
                        Bots.waitStep())
                .dialog("Work", Bots.action("flow", "Sum", Bots.in("rows", "Rows"), Bots.out("total", "Total")))
                .compile();
        TurnResult stopped = engine.start(bot, "j", Map.of("Rows", List.of(Map.of("n", 1.25, "big", 9007199254740993L))),
                null);

        SessionState back = json.readValue(json.writeValueAsString(stopped.state()), SessionState.class);

        assertThat(back).isEqualTo(stopped.state());
        assertThat(back.callStack()).hasSize(1);
        EffectResult result = EffectResult.success(stopped.effect().id(), Map.of("total", 2.5));
        assertThat(engine.complete(bot, back, result)).isEqualTo(engine.complete(bot, stopped.state(), result));
    }

    @Test
    void aQuestionWithRecordChoicesSurvivesAJsonRoundTrip() {
        Program bot = Bots.bot("Json2").list("Opts", "Object").variable("Pick", "Object")
                .dialog("Start", Bots.collect("Pick", "_Text").prompt("?").dynamic("Opts", "{!Name}").retry("again")
                        .build(), Bots.message("{!Pick.Name}"), Bots.waitStep())
                .compile();
        TurnResult asked = engine.start(bot, "j2", Map.of("Opts", List.of(Map.of("Name", "A", "Rank", 1),
                Map.of("Name", "B", "Rank", 2.5))), null);
        TurnResult retried = engine.resume(bot, asked.state(), new Input.Text("C"));

        SessionState back = json.readValue(json.writeValueAsString(retried.state()), SessionState.class);

        assertThat(back).isEqualTo(retried.state());
        assertThat(engine.resume(bot, back, new Input.Choice(2, null)))
                .isEqualTo(engine.resume(bot, retried.state(), new Input.Choice(2, null)));
    }
}
