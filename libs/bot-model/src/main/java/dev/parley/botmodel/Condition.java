package dev.parley.botmodel;

/**
 * A condition of a {@link Step.Group} ({@code botStepConditions}).
 *
 * @param leftOperandName   the variable tested
 * @param leftOperandType   {@code ConversationVariable} or {@code ContextVariable}
 * @param operatorType      {@code Equal}, {@code NotEqual}, {@code IsSet}, {@code IsNotSet}, ...
 * @param rightOperandValue the literal compared with, or {@code null}
 */
public record Condition(String leftOperandName, String leftOperandType, String operatorType,
        String rightOperandValue) {
}
