package dev.parley.gateway.channels;

/** One conversation of one binding, the unit {@link ChannelSessions} keeps state for. */
public record ConversationRef(ChannelBinding binding, String conversationId) {

    /** The conversation of {@code message}. */
    public static ConversationRef of(InboundMessage message) {
        return new ConversationRef(message.binding(), message.conversationId());
    }

    /** {@code channel:binding:conversation}, e.g. the per-session rate-limit key. */
    public String key() {
        return binding.key() + ":" + conversationId;
    }
}
