package dev.parley.gateway.channels;

/**
 * Where one inbound message stands in its conversation, as {@link ChannelSessions} allocated it.
 *
 * @param generation        the conversation's current Parley session generation (a new one after a session ends)
 * @param sequenceId        the runtime sequence id of this message; the same for every retry of the message
 * @param firstOfGeneration true when this message opened the generation, so its turn starts the session
 * @param retry             true when the message id was seen before
 * @param delivered         true when the reply to this message was already delivered
 * @param claimed           true when the caller holds the message's processing claim
 */
public record Allocation(String generation, long sequenceId, boolean firstOfGeneration, boolean retry,
        boolean delivered, boolean claimed) {
}
