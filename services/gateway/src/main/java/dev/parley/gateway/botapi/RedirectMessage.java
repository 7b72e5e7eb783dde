package dev.parley.gateway.botapi;

import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;

/** The client sends the conversation to another dialog of the bot. */
record RedirectMessage(String type, Long sequenceId, String dialogId) implements RequestMessage {

    RedirectMessage {
        Fields.positive("sequenceId", sequenceId);
        Fields.requiredText("dialogId", dialogId, Fields.MAX_SHORT_STRING_LENGTH);
    }

    @Override
    public MessageCommand toCommand() {
        return new MessageCommand(InboundType.REDIRECT, sequenceId, null, null, null, dialogId, null, null);
    }
}
