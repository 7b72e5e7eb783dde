package dev.parley.gateway.botapi;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer of every turn (start, message, end), in the field order of the SDK's golden responses.
 * {@code variables} is always written, {@code null} unless the client asked for variables.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"sessionId", "botVersion", "processedSequenceIds", "messages", "variables", "_links"})
record ResponseEnvelope(
        String sessionId,
        String botVersion,
        List<Long> processedSequenceIds,
        List<ResponseMessage> messages,
        List<ResponseVariable> variables,
        @JsonProperty("_links") Links links) {

    /** A variable as the bot holds it after the turn. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"name", "type", "value"})
    record ResponseVariable(String name, String type, Object value) {
    }

    /** Where the client goes next; absolute URLs of the org's home region. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"self", "messages", "session"})
    record Links(HyperLink self, HyperLink messages, HyperLink session) {
    }

    /** One link. */
    record HyperLink(String href) {
    }
}
