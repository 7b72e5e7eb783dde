package dev.parley.gateway.botapi;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One bot message of a {@link ResponseEnvelope}, one record per {@code type}. */
sealed interface ResponseMessage {

    /** When to show the message. */
    record Schedule(int responseDelayMilliseconds) {
    }

    /** A text message. */
    @JsonPropertyOrder({"type", "id", "text", "schedule"})
    record TextResponseMessage(String type, String id, String text, Schedule schedule) implements ResponseMessage {
    }

    /** A question with choices. */
    @JsonPropertyOrder({"type", "id", "choices", "widget", "schedule"})
    record ChoicesResponseMessage(String type, String id, List<Choice> choices, String widget, Schedule schedule)
            implements ResponseMessage {
    }

    /** One choice; {@code alias} may be {@code null}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"label", "alias", "id"})
    record Choice(String label, String alias, String id) {
    }

    /** A request to transfer the session. */
    @JsonPropertyOrder({"type", "id", "targets", "schedule"})
    record EscalateResponseMessage(String type, String id, List<Target> targets, Schedule schedule)
            implements ResponseMessage {
    }

    /** Where to transfer to. */
    @JsonPropertyOrder({"type", "value"})
    record Target(String type, String value) {
    }

    /** The session ended. */
    @JsonPropertyOrder({"type", "id", "reason", "schedule"})
    record SessionEndedResponseMessage(String type, String id, String reason, Schedule schedule)
            implements ResponseMessage {
    }
}
