package dev.parley.runtime.turn;

import dev.parley.engine.SessionState;

/**
 * What the runtime keeps in session-store's opaque {@code stateJson}: the engine's state plus what the runtime itself
 * needs between turns.
 *
 * @param engine            the engine's state
 * @param highestSequenceId the highest sequence id processed, or {@code null} before the first message
 */
record StoredSession(SessionState engine, Long highestSequenceId) {
}
