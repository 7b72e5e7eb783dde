package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.parley.botmodel.BotCompilationException;
import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.ParseResult;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.SalesforceMetadataParser;
import dev.parley.botmodel.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bots changed at random (an element dropped, a value swapped for another) either fail to compile with diagnostics or
 * run: whatever the customer sends, the engine answers or refuses the input with an {@link EngineException}, never
 * anything else.
 */
class MutatedBotTests {

    private static final Pattern LEAF = Pattern.compile("<(\\w+)>([^<]*)</\\1>");
    private static final List<Input> INPUTS = List.of(new Input.Choice(1, null), new Input.Text("I want a pizza"),
            new Input.Text("42"), new Input.Text("yes"), new Input.Choice(2, null), new Input.Text("blorp"),
            new Input.TransferFailed("NoAgentAvailable"), new Input.Text("a@b.co"), new Input.Choice(3, null));

    @Test
    void mutatedBotsCompileWithDiagnosticsOrRunWithoutCrashing() {
        String original = new String(TestBots.source("bots/pizza.bot").content(), StandardCharsets.UTF_8);
        List<String> leaves = new ArrayList<>();
        Matcher all = LEAF.matcher(original);
        while (all.find()) {
            leaves.add(all.group(2));
        }
        Random random = new Random(20240531);
        int compiled = 0;
        for (int i = 0; i < 60; i++) {
            String mutated = mutate(original, leaves, random);
            ParseResult parsed = SalesforceMetadataParser.parse(List.of(new SourceFile("m.bot",
                    mutated.getBytes(StandardCharsets.UTF_8))));
            Program program;
            try {
                program = BotCompiler.compile(parsed.bot(), null);
            } catch (BotCompilationException expected) {
                assertThat(expected.diagnostics()).isNotEmpty();
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("mutation " + i + " broke the compiler", e);
            }
            compiled++;
            converse(program, i, random);
        }
        assertThat(compiled).as("enough mutations still compile to exercise the engine").isGreaterThan(10);
    }

    private static String mutate(String xml, List<String> leaves, Random random) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = LEAF.matcher(xml);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end(), m.start(2), m.end(2)});
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        if (random.nextBoolean()) {
            return xml.substring(0, span[0]) + xml.substring(span[1]);
        }
        String other = leaves.get(random.nextInt(leaves.size()));
        return xml.substring(0, span[2]) + other + xml.substring(span[3]);
    }

    private static void converse(Program program, int mutation, Random random) {
        Engine engine = new Engine(EngineLimits.defaults());
        try {
            TurnResult result = engine.start(program, "m-" + mutation, Map.of("FirstName", "Ada"), null);
            for (int turn = 0; turn < 8 && !result.ended(); turn++) {
                if (result.effect() != null) {
                    result = engine.complete(program, result.state(), random.nextBoolean()
                            ? EffectResult.success(result.effect().id(), Map.of("orderNumber", "P-1", "total", 9,
                                    "Stores", List.of(Map.of("Name", "S"))))
                            : EffectResult.failure(result.effect().id(), "Timeout", null));
                    continue;
                }
                try {
                    result = engine.resume(program, result.state(), INPUTS.get(random.nextInt(INPUTS.size())));
                } catch (InvalidInputException refused) {
                    // an input that does not fit what the bot waits for: fine, try another
                }
            }
        } catch (EngineException fine) {
            // refused input is an answer too
        } catch (RuntimeException e) {
            fail("mutation " + mutation + " crashed the engine", e);
        }
    }
}
