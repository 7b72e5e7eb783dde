package dev.parley.runtime.turn;

import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.BotLoader;
import dev.parley.botmodel.ParseResult;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.SourceFile;
import dev.parley.engine.Effect;
import dev.parley.engine.EffectResult;
import dev.parley.engine.Engine;
import dev.parley.engine.EngineLimits;
import dev.parley.engine.Input;
import dev.parley.engine.Output;
import dev.parley.engine.TraceEvent;
import dev.parley.engine.TurnResult;
import dev.parley.runtime.callout.Callouts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class EffectLoopTests {

    private static final Program ORDER_STATUS = compile("../../samples/bots/order-status/Order_Status.bot");

    private final Engine engine = new Engine(EngineLimits.defaults());
    private final List<Duration> budgets = new CopyOnWriteArrayList<>();
    private final List<Effect> performed = new CopyOnWriteArrayList<>();

    @Test
    void aSucceededInvocationFillsTheVariablesAndTheTurnGoesOn() {
        TurnResult result = askForOrder(answering(effect -> EffectResult.success(effect.id(),
                Map.of("status", "shipped"))));

        assertThat(texts(result)).contains("Order 00042 is shipped.");
        assertThat(result.awaitingEffect()).isFalse();
        assertThat(result.state().variables()).containsEntry("Order_State", "shipped");
        assertThat(performed).singleElement().satisfies(effect -> {
            assertThat(effect.actionType()).isEqualTo("apex");
            assertThat(effect.actionName()).isEqualTo("OrderStatus");
            assertThat(effect.inputs()).containsEntry("orderNumber", "00042");
        });
        assertThat(result.trace()).filteredOn(e -> e.type().equals("EffectCompleted"))
                .singleElement().satisfies(e -> assertThat(e.detail()).containsKey("durationMs"));
    }

    @Test
    void aFailedInvocationRunsTheErrorHandlingDialogAndTheSessionGoesOn() {
        TurnResult result = askForOrder(answering(effect -> EffectResult.failure(effect.id(), "TIMEOUT",
                "OrderStatus did not answer within 10000 ms")));

        assertThat(texts(result)).contains("Sorry, our order system is not answering right now. Please try again later.");
        assertThat(result.ended()).isFalse();
        assertThat(result.state().awaiting()).isEqualTo("Choice");
    }

    @Test
    void theCalloutsOfATurnShareOneBudget() {
        askForOrder(answering(effect -> EffectResult.success(effect.id(), Map.of("status", "open"))));

        assertThat(budgets).singleElement()
                .satisfies(b -> assertThat(b).isLessThanOrEqualTo(Duration.ofSeconds(3)).isPositive());
    }

    private Callouts answering(java.util.function.Function<Effect, EffectResult> outcome) {
        return (orgId, effect, budget) -> {
            budgets.add(budget);
            performed.add(effect);
            return outcome.apply(effect);
        };
    }

    private TurnResult askForOrder(Callouts callouts) {
        EffectLoop loop = new EffectLoop(engine, callouts, Duration.ofSeconds(3));
        TurnResult started = loop.finish("org", ORDER_STATUS, engine.start(ORDER_STATUS, "s-1", Map.of(), null));
        TurnResult asked = loop.finish("org", ORDER_STATUS,
                engine.resume(ORDER_STATUS, started.state(), new Input.Text("Check an order")));
        assertThat(texts(asked)).contains("What is your order number?");
        return loop.finish("org", ORDER_STATUS, engine.resume(ORDER_STATUS, asked.state(), new Input.Text("00042")));
    }

    private static List<String> texts(TurnResult result) {
        return result.outputs().stream().filter(Output.Text.class::isInstance).map(o -> ((Output.Text) o).text())
                .toList();
    }

    private static Program compile(String path) {
        try {
            Path file = Path.of(path);
            ParseResult parsed = BotLoader.load(List.of(new SourceFile(file.getFileName().toString(),
                    Files.readAllBytes(file))));
            assertThat(parsed.hasErrors()).as("%s", parsed.diagnostics()).isFalse();
            return BotCompiler.compile(parsed.bot(), null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
