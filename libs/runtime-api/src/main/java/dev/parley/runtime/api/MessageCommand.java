package dev.parley.runtime.api;

/**
 * One inbound message of an active session. {@code sequenceId} is the idempotency key: a repeated one returns the
 * recorded reply and runs nothing twice.
 *
 * @param type              what the message is
 * @param sequenceId        the client's sequence number
 * @param text              for {@link InboundType#TEXT}
 * @param choiceIndex       for {@link InboundType#CHOICE}: 1-based index (or numeric alias)
 * @param choiceId          for {@link InboundType#CHOICE}: the choice's id
 * @param dialogId          for {@link InboundType#REDIRECT}
 * @param reason            for {@link InboundType#TRANSFER_FAILED}: {@code NoAgentAvailable} or {@code Error}
 * @param inReplyToMessageId the bot message this answers, or {@code null}
 */
public record MessageCommand(InboundType type, long sequenceId, String text, Integer choiceIndex, String choiceId,
        String dialogId, String reason, String inReplyToMessageId) {
}
