package dev.parley.gateway.botapi;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.parley.runtime.api.MessageCommand;

/** One client message of an active session, one record per {@code type} of the spec's {@code oneOf}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = TextMessage.class, name = "text"),
        @JsonSubTypes.Type(value = ChoiceMessage.class, name = "choice"),
        @JsonSubTypes.Type(value = TransferSucceededRequestMessage.class, name = "transferSucceeded"),
        @JsonSubTypes.Type(value = TransferFailedRequestMessage.class, name = "transferFailed"),
        @JsonSubTypes.Type(value = RedirectMessage.class, name = "redirect")})
sealed interface RequestMessage permits TextMessage, ChoiceMessage, TransferSucceededRequestMessage,
        TransferFailedRequestMessage, RedirectMessage {

    /** The {@code type} values, in the spec's words. */
    String TYPES = "text, choice, transferSucceeded, transferFailed, redirect";

    /** The client's sequence number: positive, the idempotency key of the turn. */
    Long sequenceId();

    /** The runtime command this message asks for. */
    MessageCommand toCommand();
}
