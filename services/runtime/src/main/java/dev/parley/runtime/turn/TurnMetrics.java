package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnReply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turn latency ({@code parley.runtime.turn.latency}) and turns by outcome ({@code parley.runtime.turns}), both tagged
 * with the operation ({@code start}, {@code message}, {@code end}) and the outcome ({@code completed},
 * {@code replayed}, an error code, or {@code failed}).
 */
@Component
class TurnMetrics {

    private final MeterRegistry meters;

    TurnMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** What one turn answered and whether it was a recorded reply. */
    record Outcome(TurnReply reply, boolean replayed) {
    }

    TurnReply measure(String operation, Supplier<Outcome> turn) {
        long started = System.nanoTime();
        String outcome = "failed";
        try {
            Outcome result = turn.get();
            outcome = result.replayed() ? "replayed" : "completed";
            return result.reply();
        } catch (RuntimeException e) {
            outcome = TurnErrors.codeOf(e).map(c -> c.name().toLowerCase(Locale.ROOT)).orElse("failed");
            throw e;
        } finally {
            Timer.builder("parley.runtime.turn.latency")
                    .description("Time to answer a turn command, commit included")
                    .tags("operation", operation, "outcome", outcome)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Counter.builder("parley.runtime.turns")
                    .description("Turn commands answered")
                    .tags("operation", operation, "outcome", outcome)
                    .register(meters)
                    .increment();
        }
    }
}
