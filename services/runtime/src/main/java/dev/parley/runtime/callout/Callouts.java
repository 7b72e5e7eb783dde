package dev.parley.runtime.callout;

import dev.parley.engine.Effect;
import dev.parley.engine.EffectResult;

import java.time.Duration;

/**
 * Performs the engine's effects (invocations, record lookups) for a turn. Never throws for a failed callout: every
 * failure, including the callout service being down, is a failed {@link EffectResult} the bot handles with its
 * ErrorHandling dialog.
 */
public interface Callouts {

    /** Performs the effect for the org within the budget (the rest of the turn's time for callouts). */
    EffectResult perform(String orgId, Effect effect, Duration budget);
}
