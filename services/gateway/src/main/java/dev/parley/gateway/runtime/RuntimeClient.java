package dev.parley.gateway.runtime;

import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnReply;

/**
 * The runtime service as the gateway sees it: one call per turn. Implementations throw
 * {@link RuntimeRejectedException} when the runtime refuses a command and {@link RuntimeUnavailableException} when it
 * cannot be reached or gave no answer in time.
 */
public interface RuntimeClient {

    /** Starts a session of {@code botId} in {@code orgId} and runs its first turn. */
    TurnReply start(String orgId, String botId, StartSessionCommand command);

    /** Runs one turn of session {@code sessionId} of {@code orgId}. */
    TurnReply message(String orgId, String sessionId, MessageCommand command);

    /** Ends session {@code sessionId} of {@code orgId}. */
    TurnReply end(String orgId, String sessionId, EndSessionCommand command);
}
