package dev.parley.callout.api;

/**
 * Time limits of an endpoint.
 *
 * @param connectMs TCP (and TLS) connect limit, 1..callMs (default min(2000, callMs))
 * @param callMs    the whole invocation's limit, retries and token fetches included, 1..25000 (default 10000);
 *                  the caller's {@code timeoutMs} lowers it per call
 */
public record EndpointTimeouts(Long connectMs, Long callMs) {
}
