package dev.parley.gateway.botapi;

import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;

/** An answer to a {@code choices} message, by 1-based index (or numeric alias) or by choice id. */
record ChoiceMessage(String type, Long sequenceId, String inReplyToMessageId, Integer choiceIndex, String choiceId)
        implements RequestMessage {

    ChoiceMessage {
        Fields.positive("sequenceId", sequenceId);
        Fields.maxLength("inReplyToMessageId", inReplyToMessageId, Fields.MAX_SHORT_STRING_LENGTH);
        Fields.maxLength("choiceId", choiceId, Fields.MAX_SHORT_STRING_LENGTH);
        if (choiceIndex == null && (choiceId == null || choiceId.isBlank())) {
            throw new InvalidFieldException("choiceIndex", "is required when 'choiceId' is absent");
        }
    }

    @Override
    public MessageCommand toCommand() {
        return new MessageCommand(InboundType.CHOICE, sequenceId, null, choiceIndex, choiceId, null, null,
                inReplyToMessageId);
    }
}
