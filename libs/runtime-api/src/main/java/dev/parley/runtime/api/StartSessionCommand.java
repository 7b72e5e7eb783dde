package dev.parley.runtime.api;

import java.util.List;

/**
 * Starts a session. Repeating a start with the same org, bot and {@code externalSessionKey} returns the recorded
 * reply of the first one and runs nothing again.
 *
 * @param externalSessionKey  the client's key for the conversation (required)
 * @param forceConfigEndpoint the org's instance URL as the client sent it (required by the Bot API)
 * @param text                an optional first utterance
 * @param variables           context and custom variables to seed the session with; may be empty
 * @param timeZone            the client's time zone, or {@code null}
 */
public record StartSessionCommand(String externalSessionKey, String forceConfigEndpoint, String text,
        List<Variable> variables, String timeZone) {
}
