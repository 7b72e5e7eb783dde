package dev.parley.botmodel;

import java.util.List;

/**
 * An action (flow, Apex, ...) invoked by a step; executing it is a callout effect.
 *
 * @param actionName the action's name
 * @param actionType {@code flow}, {@code apex}, {@code externalService}, {@code standardInvocableAction},
 *                   {@code logFeedback}, ...
 * @param mappings   input and output parameter mappings
 * @param location   where the invocation starts, or {@code null}
 */
public record Invocation(String actionName, String actionType, List<Mapping> mappings, Location location) {

    public Invocation {
        mappings = List.copyOf(mappings);
    }

    /** The original shape, without a location. */
    public Invocation(String actionName, String actionType, List<Mapping> mappings) {
        this(actionName, actionType, mappings, null);
    }

    /**
     * One parameter mapping.
     *
     * @param parameterName the action's parameter
     * @param direction     {@code Input} or {@code Output}
     * @param variableName  the bot variable, or {@code null} when a literal {@code value} is passed
     * @param variableType  {@code ConversationVariable} or {@code ContextVariable}, or {@code null}
     * @param value         for {@code Input}: a literal passed instead of a variable, or {@code null}
     * @param location      where the mapping starts, or {@code null}
     */
    public record Mapping(String parameterName, String direction, String variableName, String variableType,
            String value, Location location) {

        /** The original shape: a variable mapping without type, literal or location. */
        public Mapping(String parameterName, String direction, String variableName) {
            this(parameterName, direction, variableName, null, null, null);
        }
    }
}
