package dev.parley.gateway.channels.messenger;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The parts of a Messenger Platform webhook body ({@code object: page}) the gateway reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record MessengerWebhook(String object, List<Entry> entry) {

    /** One page's batch of events. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String id, Long time, List<Messaging> messaging) {
    }

    /** One event: a message, a postback, or something the gateway ignores (deliveries, reads, echoes). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Messaging(Party sender, Party recipient, Long timestamp, Message message, Postback postback) {
    }

    /** A page-scoped user id or the page id. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Party(String id) {
    }

    /** A user's message; {@code quick_reply} is set when it was a quick-reply tap. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String mid, String text, @JsonProperty("is_echo") Boolean isEcho,
            @JsonProperty("quick_reply") QuickReply quickReply) {
    }

    /** The payload of a tapped quick reply. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuickReply(String payload) {
    }

    /** A tapped postback button ("Get Started", persistent menu, button template). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Postback(String mid, String title, String payload) {
    }
}
