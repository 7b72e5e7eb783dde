package dev.parley.gateway.botapi;

/** Body of {@code POST /v5.1.0/sessions/{session-id}/messages}. */
record ChatMessageEnvelope(RequestMessage message, ResponseOptions responseOptions) {

    ChatMessageEnvelope {
        Fields.required("message", message);
    }
}
