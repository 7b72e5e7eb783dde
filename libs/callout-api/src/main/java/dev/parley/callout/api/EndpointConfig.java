package dev.parley.callout.api;

import java.util.Map;

/**
 * One endpoint of an org's registry: the body of {@code PUT} and the answer of {@code GET} (where every default is
 * filled in, secrets are left out and {@link EndpointAuthentication#secretConfigured()} tells whether one is set).
 * Omitted (null) settings take their defaults.
 *
 * @param name                 the action name bots invoke it by ({@code [A-Za-z][A-Za-z0-9_.-]{0,79}}); equals the path's name
 * @param kind                 one of {@link EndpointKinds}
 * @param baseUrl              the Salesforce instance URL ({@code https://acme.my.salesforce.com}) for Salesforce
 *                             kinds; for {@code http} the URL relative {@link HttpTemplate#urlTemplate()}s resolve against
 * @param authentication       how calls authenticate; {@code none} when omitted
 * @param http                 for kind {@code http}: the request template
 * @param apexPath             for kind {@code apex}: the path after {@code /services/apexrest/} (default: the name)
 * @param flowName             for kind {@code flow}: the flow's API name (default: the name)
 * @param soqlTemplate         for kind {@code recordLookup}: the query, with {@code {!input}} placeholders filled with
 *                             SOQL string literals (quotes included)
 * @param outputs              output parameter -> JSON path ({@code $.a.b[0].c}) into the answer: the body for
 *                             {@code http} and {@code apex}, the first result's {@code outputValues} for {@code flow},
 *                             the first record for {@code recordLookup}. Empty: every top-level field becomes an output
 * @param idempotencyKeyHeader a header the endpoint deduplicates by; sent with the invocation id, it makes retries of
 *                             non-idempotent methods (POST, PATCH) safe
 * @param timeouts             connect and call time limits
 * @param retry                retries of failed attempts, only for idempotent methods or with an idempotency key header
 * @param circuitBreaker       circuit breaker settings
 * @param bulkhead             concurrency cap
 * @param maxResponseBytes     the largest answer body accepted (default 1 MiB, at most 10 MiB)
 * @param allowPrivateNetwork  allow loopback and private targets (only when the service permits it; never the
 *                             cloud metadata address)
 * @param allowHttp            allow plain {@code http://} targets
 * @param version              set by the service: bumped on every change; ignored on {@code PUT}
 * @param updatedAt            set by the service (ISO-8601); ignored on {@code PUT}
 */
public record EndpointConfig(String name, String kind, String baseUrl, EndpointAuthentication authentication,
        HttpTemplate http, String apexPath, String flowName, String soqlTemplate, Map<String, String> outputs,
        String idempotencyKeyHeader, EndpointTimeouts timeouts, RetrySettings retry,
        CircuitBreakerSettings circuitBreaker, BulkheadSettings bulkhead, Long maxResponseBytes,
        Boolean allowPrivateNetwork, Boolean allowHttp, Long version, String updatedAt) {
}
