package dev.parley.gateway.channels;

import java.util.List;

import dev.parley.runtime.api.OutboundMessage;

/** An outbound adapter: renders the bot's messages natively for its channel and sends them to the conversation. */
@FunctionalInterface
public interface ReplySender {

    /** Sends {@code messages} in order as the reply to {@code message}; throws {@link ChannelDeliveryException}. */
    void send(InboundMessage message, List<OutboundMessage> messages);
}
