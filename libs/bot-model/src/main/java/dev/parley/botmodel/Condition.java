package dev.parley.botmodel;

/**
 * A condition of a {@link Step.Group} ({@code botStepConditions}).
 *
 * @param leftOperandName   the variable tested
 * @param leftOperandType   {@code ConversationVariable} or {@code ContextVariable}
 * @param operatorType      {@code Equals}, {@code NotEquals}, {@code IsSet}, {@code IsNotSet}, {@code GreaterThan},
 *                          {@code GreaterThanOrEqualTo}, {@code LessThan}, {@code LessThanOrEqualTo} (Parley also
 *                          runs {@code Contains}, {@code StartsWith}, {@code EndsWith})
 * @param rightOperandValue the literal compared with, or {@code null}; may hold merge fields ({@code {!Var}})
 * @param location          where the condition starts, or {@code null}
 */
public record Condition(String leftOperandName, String leftOperandType, String operatorType,
        String rightOperandValue, Location location) {

    /** The original shape, without a location. */
    public Condition(String leftOperandName, String leftOperandType, String operatorType, String rightOperandValue) {
        this(leftOperandName, leftOperandType, operatorType, rightOperandValue, null);
    }
}
