package dev.parley.gateway.botapi;

/** The optional first utterance of a session. */
record TextInitMessage(String text) {

    TextInitMessage {
        Fields.maxLength("text", text, Fields.MAX_TEXT_LENGTH);
    }
}
