package dev.parley.gateway.botapi;

import java.util.List;

import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;

/** The client tells the bot it could not transfer the session; {@code description} is accepted but not used. */
record TransferFailedRequestMessage(String type, Long sequenceId, String inReplyToMessageId, String reason,
        String description) implements RequestMessage {

    private static final List<String> REASONS = List.of("NoAgentAvailable", "Error");

    TransferFailedRequestMessage {
        Fields.positive("sequenceId", sequenceId);
        Fields.maxLength("inReplyToMessageId", inReplyToMessageId, Fields.MAX_SHORT_STRING_LENGTH);
        Fields.required("reason", reason);
        Fields.oneOf("reason", reason, REASONS);
        Fields.maxLength("description", description, Fields.MAX_TEXT_LENGTH);
    }

    @Override
    public MessageCommand toCommand() {
        return new MessageCommand(InboundType.TRANSFER_FAILED, sequenceId, null, null, null, null, reason,
                inReplyToMessageId);
    }
}
