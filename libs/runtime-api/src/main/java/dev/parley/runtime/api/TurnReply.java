package dev.parley.runtime.api;

import java.util.List;

/**
 * What one turn answers, in the Bot API's terms; the gateway adds {@code _links}.
 *
 * @param sessionId            the session
 * @param botVersion           the bot version the session runs
 * @param processedSequenceIds the sequence ids this turn processed (empty for a start)
 * @param messages             the bot's messages, in order
 * @param variables            the session's variables after the turn
 * @param runtimeCrc           an opaque checksum of the session state after the turn ({@code X-Runtime-CRC})
 * @param changedVariables     names of the variables whose value this turn changed (set, changed or cleared), for the
 *                             API's {@code onlyChanged}; {@code null} in replies recorded before this field existed
 */
public record TurnReply(String sessionId, String botVersion, List<Long> processedSequenceIds,
        List<OutboundMessage> messages, List<Variable> variables, String runtimeCrc, List<String> changedVariables) {

    /** A reply that does not say which variables changed. */
    public TurnReply(String sessionId, String botVersion, List<Long> processedSequenceIds,
            List<OutboundMessage> messages, List<Variable> variables, String runtimeCrc) {
        this(sessionId, botVersion, processedSequenceIds, messages, variables, runtimeCrc, null);
    }
}
