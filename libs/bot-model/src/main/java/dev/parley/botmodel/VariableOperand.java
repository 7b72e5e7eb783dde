package dev.parley.botmodel;

/**
 * A source/target pair of a {@link Step.VariableOperation}.
 *
 * @param sourceName      a variable, slot class or definition name, or {@code null}
 * @param sourceType      {@code ConversationVariable}, {@code ContextVariable}, {@code StandardMlSlotClass}
 *                        ({@code _Email}, {@code _Number}, ...), {@code MlSlotClass} (a custom entity),
 *                        {@code Value}, {@code FlowDefinition}, {@code Queue}, {@code BotDefinition},
 *                        {@code StandardConversationVariable}
 * @param sourceValue     a literal value, or {@code null}; may hold merge fields
 * @param targetName      the variable written
 * @param targetType      {@code ConversationVariable} or {@code ContextVariable}
 * @param disableAutoFill {@code disableAutoFill}: for Collect, do not fill the slot from the utterance that started
 *                        the dialog; {@code null} when absent
 * @param location        where the operand starts, or {@code null}
 */
public record VariableOperand(String sourceName, String sourceType, String sourceValue, String targetName,
        String targetType, Boolean disableAutoFill, Location location) {

    /** The original shape: no auto-fill flag, no location. */
    public VariableOperand(String sourceName, String sourceType, String sourceValue, String targetName,
            String targetType) {
        this(sourceName, sourceType, sourceValue, targetName, targetType, null, null);
    }
}
