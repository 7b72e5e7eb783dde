package dev.parley.gateway.channels;

/**
 * One inbound message from any channel, normalised. Adapters build it only from verified input.
 *
 * @param binding        the bot binding it arrived through
 * @param conversationId the platform's id of the conversation (Messenger PSID, Slack channel[/thread], phone
 *                       number, widget visitor); with the binding it identifies one Parley conversation
 * @param messageId      the platform's id of this message; a platform retry repeats it
 * @param content        what was sent
 */
public record InboundMessage(ChannelBinding binding, String conversationId, String messageId,
        InboundContent content) {
}
