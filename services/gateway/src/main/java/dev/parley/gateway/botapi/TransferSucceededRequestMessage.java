package dev.parley.gateway.botapi;

import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;

/** The client tells the bot it transferred the session as the bot asked. */
record TransferSucceededRequestMessage(String type, Long sequenceId, String inReplyToMessageId)
        implements RequestMessage {

    TransferSucceededRequestMessage {
        Fields.positive("sequenceId", sequenceId);
        Fields.maxLength("inReplyToMessageId", inReplyToMessageId, Fields.MAX_SHORT_STRING_LENGTH);
    }

    @Override
    public MessageCommand toCommand() {
        return new MessageCommand(InboundType.TRANSFER_SUCCEEDED, sequenceId, null, null, null, null, null,
                inReplyToMessageId);
    }
}
