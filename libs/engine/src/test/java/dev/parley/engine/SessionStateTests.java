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
}
