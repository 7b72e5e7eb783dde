package dev.parley.botmodel;

import java.util.List;

/**
 * An action (flow, Apex, ...) invoked by a step; executing it is a callout effect.
 *
 * @param actionName the action's name
 * @param actionType e.g. {@code flow}, {@code apex}
 * @param mappings   input and output parameter mappings
 */
public record Invocation(String actionName, String actionType, List<Mapping> mappings) {

    public Invocation {
        mappings = List.copyOf(mappings);
    }

    /**
     * One parameter mapping.
     *
     * @param parameterName the action's parameter
     * @param direction     {@code Input} or {@code Output}
     * @param variableName  the bot variable
     */
    public record Mapping(String parameterName, String direction, String variableName) {
    }
}
