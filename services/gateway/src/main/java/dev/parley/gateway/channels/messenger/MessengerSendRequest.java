package dev.parley.gateway.channels.messenger;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One Send API call ({@code POST /me/messages}): a text, optionally with quick replies, answering a user's message.
 *
 * @param recipient     the user
 * @param messagingType always {@code RESPONSE}: the gateway only answers messages, within the 24-hour window
 * @param message       what to show
 */
record MessengerSendRequest(Recipient recipient, @JsonProperty("messaging_type") String messagingType,
        Body message) {

    static final String RESPONSE = "RESPONSE";

    /** The page-scoped id of the user. */
    record Recipient(String id) {
    }

    /** The message; {@code quick_replies} only when choices are offered. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String text, @JsonProperty("quick_replies") List<QuickReply> quickReplies) {
    }

    /** A quick-reply chip: {@code title} at most 20 characters, {@code payload} names the choice. */
    record QuickReply(@JsonProperty("content_type") String contentType, String title, String payload) {
    }
}
