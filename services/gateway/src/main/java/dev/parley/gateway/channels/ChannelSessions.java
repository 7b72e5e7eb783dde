package dev.parley.gateway.channels;

import java.util.List;
import java.util.Optional;

/**
 * Maps channel conversations to Parley sessions and messages to sequence ids, shared by all gateway replicas. A
 * conversation has one current <em>generation</em> (one Parley session); when that session ends, the next message
 * opens a new generation. Sequence ids grow per conversation; a message id keeps its sequence id for its whole
 * retry window, so a retry is answered from the runtime's recorded reply and never runs a second turn.
 */
public interface ChannelSessions {

    /**
     * Allocates (or finds again) the sequence id of a message. With {@code claim}, also takes the message's
     * processing claim when it is free and the message is not delivered yet.
     */
    Allocation allocate(ConversationRef conversation, String messageId, boolean claim);

    /**
     * Gives a message a new, higher sequence id after the runtime refused its old one as stale, or after its session
     * ended ({@code endGeneration}: the message moves to a new generation). When another caller already moved the
     * message, answers where it moved to.
     */
    Allocation reallocate(ConversationRef conversation, String messageId, Allocation stale, boolean endGeneration);

    /** The conversation's current generation, when one is open (for ending it at the user's request). */
    Optional<String> currentGeneration(ConversationRef conversation);

    /** The session id of {@code generation}, when it is still the current one and its session started. */
    Optional<String> sessionId(ConversationRef conversation, String generation);

    /** Records the session that runs {@code generation} (ignored when the generation is no longer current). */
    void bindSession(ConversationRef conversation, String generation, String sessionId);

    /** Closes {@code generation} after its session ended: the next message opens a new one. */
    void endGeneration(ConversationRef conversation, String generation);

    /** Remembers the choice ids the bot last offered in {@code generation} (empty: none), for numbered replies. */
    void rememberChoices(ConversationRef conversation, String generation, List<String> choiceIds);

    /** The choice ids last offered in {@code generation}, or an empty list. */
    List<String> rememberedChoices(ConversationRef conversation, String generation);

    /** Marks the reply to a message as delivered: later retries of it are acknowledged without any work. */
    void markDelivered(ConversationRef conversation, String messageId);

    /** Gives up a message's processing claim without delivering, so a platform retry may process it. */
    void releaseClaim(ConversationRef conversation, String messageId);
}
