package dev.parley.engine;

/**
 * Bounds on the work of one turn.
 *
 * @param maxStepsPerTurn steps (including dialog jumps) one turn may execute before the session is ended with
 *                        {@code InfiniteLoopDetected}
 */
public record EngineLimits(int maxStepsPerTurn) {

    public EngineLimits {
        if (maxStepsPerTurn < 1) {
            throw new IllegalArgumentException("maxStepsPerTurn must be at least 1, was " + maxStepsPerTurn);
        }
    }

    /** 200 steps per turn. */
    public static EngineLimits defaults() {
        return new EngineLimits(200);
    }
}
