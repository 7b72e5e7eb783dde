package dev.parley.runtime.turn;

import dev.parley.botmodel.Program;
import dev.parley.engine.Effect;
import dev.parley.engine.EffectResult;
import dev.parley.engine.Engine;
import dev.parley.engine.Output;
import dev.parley.engine.TraceEvent;
import dev.parley.engine.TurnResult;
import dev.parley.runtime.callout.Callouts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a turn through its effects: while the engine stops at an effect, perform it through {@link Callouts} within
 * what is left of the turn's callout budget and hand the outcome back, so one turn's outputs and trace come out
 * whole. A failed or timed-out callout is an outcome like any other: the engine runs the bot's ErrorHandling dialog.
 */
final class EffectLoop {

    private final Engine engine;
    private final Callouts callouts;
    private final Duration budget;

    EffectLoop(Engine engine, Callouts callouts, Duration budget) {
        this.engine = engine;
        this.callouts = callouts;
        this.budget = budget;
    }

    /** Completes every effect {@code first} (and what follows it) stops at; the budget starts now. */
    TurnResult finish(String orgId, Program program, TurnResult first) {
        if (!first.awaitingEffect()) {
            return first;
        }
        long budgetEnds = System.nanoTime() + budget.toNanos();
        List<Output> outputs = new ArrayList<>(first.outputs());
        List<TraceEvent> trace = new ArrayList<>(first.trace());
        TurnResult result = first;
        while (result.awaitingEffect()) {
            Effect effect = result.effect();
            long began = System.nanoTime();
            EffectResult outcome = callouts.perform(orgId, effect, Duration.ofNanos(Math.max(0, budgetEnds - began)));
            long tookMs = (System.nanoTime() - began) / 1_000_000;
            result = engine.complete(program, result.state(), outcome);
            outputs.addAll(result.outputs());
            for (TraceEvent event : result.trace()) {
                trace.add(withDuration(event, effect.id(), tookMs));
            }
        }
        return new TurnResult(result.state(), outputs, trace, null, result.changedVariables());
    }

    /** The engine cannot know how long a callout took; its EffectCompleted event gets it here. */
    private static TraceEvent withDuration(TraceEvent event, String effectId, long tookMs) {
        if (!"EffectCompleted".equals(event.type()) || !effectId.equals(event.detail().get("effectId"))) {
            return event;
        }
        Map<String, Object> detail = new LinkedHashMap<>(event.detail());
        detail.put("durationMs", tookMs);
        return new TraceEvent(event.type(), event.dialog(), event.step(), detail);
    }
}
