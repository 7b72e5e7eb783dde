package dev.parley.gateway.botapi;

import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;

/** A text reply to the bot. */
record TextMessage(String type, Long sequenceId, String inReplyToMessageId, String text) implements RequestMessage {

    TextMessage {
        Fields.positive("sequenceId", sequenceId);
        Fields.maxLength("inReplyToMessageId", inReplyToMessageId, Fields.MAX_SHORT_STRING_LENGTH);
        Fields.required("text", text);
        Fields.maxLength("text", text, Fields.MAX_TEXT_LENGTH);
    }

    @Override
    public MessageCommand toCommand() {
        return new MessageCommand(InboundType.TEXT, sequenceId, text, null, null, null, null, inReplyToMessageId);
    }
}
