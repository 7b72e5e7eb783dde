package dev.parley.callout.api;

import java.util.Map;

/**
 * What an invocation came to. A failed callout is a business result (HTTP 200): the bot runs its error handling.
 *
 * @param invocationId the request's id
 * @param outcome      {@link InvocationOutcomes#SUCCEEDED} or {@link InvocationOutcomes#FAILED}
 * @param outputs      output parameters by name (JSON values, a mapped value may be {@code null}); empty on failure
 * @param error        why it failed; {@code null} on success
 * @param durationMs   time the service spent on the original call (a replay reports the original's)
 * @param replayed     {@code true} when this is the recorded result of an earlier request with the same id
 */
public record InvocationResult(String invocationId, String outcome, Map<String, Object> outputs, InvocationError error,
        long durationMs, boolean replayed) {
}
