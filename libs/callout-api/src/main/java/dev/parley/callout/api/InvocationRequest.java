package dev.parley.callout.api;

import java.util.Map;

/**
 * Asks the callout service to run one action of a bot.
 *
 * @param invocationId stable per (session, turn, step): the idempotency key. Repeating it within the service's
 *                     window (5 minutes by default, per replica) answers the recorded result without calling again
 * @param actionType   the bot's invocation type: {@code apex}, {@code flow}, {@code recordLookup}, {@code http} or
 *                     {@code externalService}; it must match the endpoint's kind
 * @param actionName   the bot's action name; the org's endpoint of that name is called
 * @param inputs       input parameters by name (JSON values); may be {@code null} for none
 * @param timeoutMs    the caller's remaining turn budget; the call gets min(endpoint time limit, this). {@code null}
 *                     means the endpoint's own limit
 */
public record InvocationRequest(String invocationId, String actionType, String actionName, Map<String, Object> inputs,
        Long timeoutMs) {
}
