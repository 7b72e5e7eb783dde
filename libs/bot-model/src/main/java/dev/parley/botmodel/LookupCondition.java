package dev.parley.botmodel;

/**
 * A filter of a {@link Step.RecordLookup} ({@code conversationRecordLookup/conditions}).
 *
 * @param leftOperand       the record field, e.g. {@code Contact.LastName}
 * @param operatorType      {@code Equals}, {@code NotEquals}, {@code IsSet}, {@code IsNotSet}, {@code GreaterThan},
 *                          {@code LessThan}, {@code GreaterThanOrEqualTo}, {@code LessThanOrEqualTo},
 *                          {@code Contains}, ...
 * @param rightOperandName  the variable compared with, or {@code null}
 * @param rightOperandType  {@code ConversationVariable} or {@code ContextVariable}, or {@code null}
 * @param rightOperandValue a literal compared with, or {@code null}
 * @param sortOrder         the order in which conditions apply (1-based), or {@code null}
 * @param location          where the condition starts, or {@code null}
 */
public record LookupCondition(String leftOperand, String operatorType, String rightOperandName,
        String rightOperandType, String rightOperandValue, Integer sortOrder, Location location) {
}
