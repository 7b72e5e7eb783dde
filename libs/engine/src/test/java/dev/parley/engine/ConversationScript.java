package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.botmodel.Program;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A scripted conversation read from YAML (format: {@code src/test/resources/conversations/README.md}) and the runner
 * that plays it against the engine, checking every bot message in order.
 */
final class ConversationScript {

    private final String file;
    private final Program program;
    private final String name;
    private final Map<String, Object> context;
    private final String firstText;
    private final List<Map<String, Object>> steps;

    private ConversationScript(String file, Program program, String name, Map<String, Object> context,
            String firstText, List<Map<String, Object>> steps) {
        this.file = file;
        this.program = program;
        this.name = name;
        this.context = context;
        this.firstText = firstText;
        this.steps = steps;
    }

    String name() {
        return name;
    }

    /** The same conversation against another program (e.g. the bot converted to another format). */
    ConversationScript against(Program other) {
        return new ConversationScript(file, other, name, context, firstText, steps);
    }

    /** Every conversation of one YAML file. */
    @SuppressWarnings("unchecked")
    static List<ConversationScript> load(String resource) {
        Map<String, Object> doc;
        try (InputStream in = ConversationScript.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as("conversation file %s", resource).isNotNull();
            doc = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object bot = doc.get("bot");
        List<String> botFiles = bot instanceof List<?> l ? (List<String>) l : List.of((String) bot);
        Program program = TestBots.fromClasspath(botFiles.toArray(String[]::new));
        List<ConversationScript> scripts = new ArrayList<>();
        for (Object c : (List<Object>) doc.get("conversations")) {
            Map<String, Object> conversation = (Map<String, Object>) c;
            Map<String, Object> context = (Map<String, Object>) conversation.getOrDefault("context", Map.of());
            List<Map<String, Object>> steps = new ArrayList<>();
            for (Object s : (List<Object>) conversation.get("script")) {
                steps.add((Map<String, Object>) s);
            }
            scripts.add(new ConversationScript(resource, program, (String) conversation.get("name"), context,
                    (String) conversation.get("first message"), steps));
        }
        return scripts;
    }

    /** Plays the conversation; fails naming the file, conversation and step on the first difference. */
    void run() {
        Engine engine = new Engine(EngineLimits.defaults());
        String sessionId = "script-" + Integer.toHexString(name.hashCode());
        TurnResult result = engine.start(program, sessionId, context, firstText);
        Deque<Output> pending = new ArrayDeque<>(result.outputs());
        Set<String> turnIds = new HashSet<>();
        checkIds(result, turnIds);
        for (int i = 0; i < steps.size(); i++) {
            Map<String, Object> step = steps.get(i);
            assertThat(step).as(where(i) + "one action per step").hasSize(1);
            String action = step.keySet().iterator().next();
            Object arg = step.get(action);
            String at = where(i) + action + " " + arg + ": ";
            switch (action) {
                case "user", "choose", "redirect", "transfer", "end" -> {
                    assertThat(pending).as(at + "the bot said more before this input").isEmpty();
                    assertThat(result.effect()).as(at + "the bot is still waiting for an effect").isNull();
                    result = send(engine, result.state(), action, arg, at);
                    pending = new ArrayDeque<>(result.outputs());
                    turnIds = new HashSet<>();
                    checkIds(result, turnIds);
                }
                case "bot" -> {
                    Output next = next(pending, result, at);
                    assertThat(next).as(at + "expected a text message").isInstanceOf(Output.Text.class);
                    assertThat(((Output.Text) next).text()).as(at).isEqualTo(String.valueOf(arg));
                }
                case "menu", "buttons" -> {
                    Output next = next(pending, result, at);
                    assertThat(next).as(at + "expected choices").isInstanceOf(Output.Choices.class);
                    Output.Choices choices = (Output.Choices) next;
                    assertThat(choices.widget()).as(at + "widget").isEqualTo(action);
                    assertThat(choices.options()).extracting(ChoiceOption::label).as(at)
                            .containsExactlyElementsOf(strings(arg));
                }
                case "escalate" -> {
                    Output next = next(pending, result, at);
                    assertThat(next).as(at + "expected an escalation").isInstanceOf(Output.Escalate.class);
                    assertThat(((Output.Escalate) next).targets()).extracting(Output.Target::value).as(at)
                            .containsExactlyElementsOf(strings(arg));
                }
                case "ended" -> {
                    Output next = next(pending, result, at);
                    assertThat(next).as(at + "expected the session to end").isInstanceOf(Output.SessionEnded.class);
                    assertThat(((Output.SessionEnded) next).reason()).as(at).isEqualTo(String.valueOf(arg));
                    assertThat(result.ended()).as(at).isTrue();
                }
                case "effect" -> {
                    assertThat(pending).as(at + "the bot said more before the effect").isEmpty();
                    assertThat(result.effect()).as(at + "the bot asked for no effect").isNotNull();
                    result = complete(engine, result, asMap(arg), at);
                    pending.addAll(result.outputs());
                    checkIds(result, turnIds);
                }
                case "expect" -> expect(result, asMap(arg), at);
                default -> fail(at + "unknown action '" + action + "'");
            }
        }
        assertThat(pending).as(where(steps.size()) + "the bot said more at the end of the script").isEmpty();
    }

    private TurnResult send(Engine engine, SessionState state, String action, Object arg, String at) {
        Input input = switch (action) {
            case "user" -> new Input.Text(String.valueOf(arg));
            case "choose" -> new Input.Choice(choiceIndex(state, arg, at), null);
            case "redirect" -> new Input.Redirect(String.valueOf(arg));
            case "transfer" -> switch (String.valueOf(arg)) {
                case "succeeded" -> new Input.TransferSucceeded();
                case "failed" -> new Input.TransferFailed("NoAgentAvailable");
                default -> throw new AssertionError(at + "transfer is 'succeeded' or 'failed'");
            };
            default -> null;
        };
        if (input == null) {
            return engine.end(program, state, arg == null ? null : String.valueOf(arg));
        }
        return engine.resume(program, state, input);
    }

    private static int choiceIndex(SessionState state, Object arg, String at) {
        if (arg instanceof Integer index) {
            return index;
        }
        for (int i = 0; i < state.choices().size(); i++) {
            if (state.choices().get(i).label().equals(String.valueOf(arg))) {
                return i + 1;
            }
        }
        throw new AssertionError(at + "no offered choice is labelled '" + arg + "'; offered: "
                + state.choices().stream().map(SessionState.OfferedChoice::label).toList());
    }

    @SuppressWarnings("unchecked")
    private TurnResult complete(Engine engine, TurnResult result, Map<String, Object> spec, String at) {
        Effect effect = result.effect();
        if (spec.containsKey("kind")) {
            assertThat(effect.kind()).as(at + "kind").isEqualTo(spec.get("kind"));
        }
        if (spec.containsKey("type")) {
            assertThat(effect.actionType()).as(at + "action type").isEqualTo(spec.get("type"));
        }
        if (spec.containsKey("action")) {
            assertThat(effect.actionName()).as(at + "action").isEqualTo(spec.get("action"));
        }
        if (spec.containsKey("inputs")) {
            assertThat(effect.inputs()).as(at + "inputs").containsAllEntriesOf(asMap(spec.get("inputs")));
        }
        EffectResult outcome;
        if (spec.containsKey("fail")) {
            Map<String, Object> failure = spec.get("fail") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            outcome = EffectResult.failure(effect.id(), (String) failure.getOrDefault("code", "Error"),
                    (String) failure.getOrDefault("message", "the action failed"));
        } else {
            outcome = EffectResult.success(effect.id(), spec.containsKey("outputs") ? asMap(spec.get("outputs"))
                    : Map.of());
        }
        return engine.complete(program, result.state(), outcome);
    }

    private void expect(TurnResult result, Map<String, Object> spec, String at) {
        SessionState state = result.state();
        spec.forEach((key, value) -> {
            switch (key) {
                case "waiting" -> assertThat(state.awaiting()).as(at + "waiting for").isEqualTo(value);
                case "dialog" -> assertThat(state.currentDialog()).as(at + "dialog").isEqualTo(value);
                case "ended" -> {
                    if (Boolean.FALSE.equals(value)) {
                        assertThat(state.ended()).as(at + "ended").isFalse();
                    } else {
                        assertThat(state.endReason()).as(at + "end reason").isEqualTo(value);
                    }
                }
                case "variables" -> asMap(value).forEach((variable, expected) -> {
                    if (expected == null) {
                        assertThat(state.variables()).as(at + "variables").doesNotContainKey(variable);
                    } else {
                        assertThat(normalise(state.variables().get(variable))).as(at + "variable " + variable)
                                .isEqualTo(normalise(expected));
                    }
                });
                case "changed" -> assertThat(result.changedVariables()).as(at + "changed variables")
                        .containsExactlyElementsOf(strings(value));
                default -> fail(at + "unknown expectation '" + key + "'");
            }
        });
    }

    /** YAML and the engine may pick different number classes for the same number. */
    private static Object normalise(Object value) {
        if (value instanceof Number n) {
            return new java.math.BigDecimal(n.toString()).stripTrailingZeros();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().toString();
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, normalise(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(ConversationScript::normalise).toList();
        }
        return value;
    }

    private Output next(Deque<Output> pending, TurnResult result, String at) {
        if (pending.isEmpty()) {
            fail(at + "the bot said nothing more" + (result.effect() == null ? ""
                    : "; it waits for effect " + result.effect().kind() + " " + result.effect().actionName()));
        }
        return pending.poll();
    }

    private static void checkIds(TurnResult result, Set<String> seen) {
        for (Output o : result.outputs()) {
            assertThat(seen.add(o.id())).as("message ids are unique within a turn: %s", o.id()).isTrue();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private String where(int step) {
        return file + " / \"" + name + "\" / step " + (step + 1) + ": ";
    }
}
