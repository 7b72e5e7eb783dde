package dev.parley.botmodel;

/**
 * A source/target pair of a {@link Step.VariableOperation}.
 *
 * @param sourceName  a variable, slot class or definition name, or {@code null}
 * @param sourceType  e.g. {@code ConversationVariable}, {@code StandardMlSlotClass}, {@code FlowDefinition}
 * @param sourceValue a literal value, or {@code null}
 * @param targetName  the variable written
 * @param targetType  {@code ConversationVariable} or {@code ContextVariable}
 */
public record VariableOperand(String sourceName, String sourceType, String sourceValue, String targetName,
        String targetType) {
}
