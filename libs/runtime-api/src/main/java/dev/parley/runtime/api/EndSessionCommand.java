package dev.parley.runtime.api;

/**
 * Ends a session at the client's request. Ending an ended session returns the recorded end reply.
 *
 * @param reason one of the Bot API's {@code EndSessionReason} values ({@code UserRequest}, {@code Transfer},
 *               {@code Expiration}, {@code Error}, {@code Other})
 */
public record EndSessionCommand(String reason) {
}
