package dev.parley.gateway.widget;

import java.util.List;
import java.util.OptionalLong;

import dev.parley.gateway.channels.ConversationRef;

/**
 * Per widget conversation, shared by all gateway replicas: the events (bot messages and echoes of the visitor's own
 * messages) numbered by a per-conversation {@code seq} that only grows, kept until the widget acknowledges them
 * (bounded, with a TTL); and the client message ids already processed, so a resent message is acknowledged again
 * without running anything.
 */
interface WidgetStore {

    /** The seq of the conversation's last event (0 before any), or empty when the conversation has no state. */
    OptionalLong lastSeq(ConversationRef conversation);

    /** The conversation's last seq right after client message {@code messageId} was processed, if it was. */
    OptionalLong processed(ConversationRef conversation, String messageId);

    /**
     * Numbers {@code events} (JSON objects without {@code seq}) and appends them as the outcome of client message
     * {@code messageId}, atomically with recording that message as processed. When it was processed before, appends
     * nothing and answers the recorded seq with no frames.
     */
    Appended append(ConversationRef conversation, String messageId, List<String> events);

    /** The event frames with a seq above {@code seq}, in order. */
    List<String> eventsAfter(ConversationRef conversation, long seq);

    /** The widget has everything up to {@code seq}: those events are dropped. */
    void acknowledge(ConversationRef conversation, long seq);

    /**
     * The outcome of {@link #append}.
     *
     * @param lastSeq the conversation's last seq after the message
     * @param frames  the event frames appended now, in order (empty when the message had been processed before)
     */
    record Appended(long lastSeq, List<String> frames) {
    }

    /** The event frame of {@code event} (a JSON object) numbered {@code seq}; the Redis script builds the same. */
    static String frame(long seq, String event) {
        return "{\"type\":\"event\",\"seq\":" + seq + "," + event.substring(1);
    }
}
