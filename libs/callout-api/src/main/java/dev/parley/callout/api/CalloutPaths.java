package dev.parley.callout.api;

/** Internal HTTP routes of the callout service. Every route requires the platform's internal credential. */
public final class CalloutPaths {

    /**
     * {@code POST} an {@link InvocationRequest}: runs the org's endpoint named by {@code actionName} and answers 200
     * with an {@link InvocationResult}, also when the callout failed ({@code outcome=FAILED}). 400 only for a
     * malformed request, 409 when the invocation id was already used for another action.
     */
    public static final String INVOCATIONS = "/internal/v1/orgs/{orgId}/invocations";

    /** {@code GET}: the org's endpoints ({@link EndpointConfig} list, by name, secrets left out). */
    public static final String ENDPOINTS = "/internal/v1/orgs/{orgId}/endpoints";

    /**
     * {@code GET} one endpoint (404 when absent); {@code PUT} an {@link EndpointConfig} to create (201) or replace
     * (200) it, idempotent; {@code DELETE} it (204, also when absent).
     */
    public static final String ENDPOINT = "/internal/v1/orgs/{orgId}/endpoints/{name}";

    /** {@code GET}: the endpoint's circuit breaker state and bulkhead usage on the answering replica ({@link EndpointHealth}). */
    public static final String ENDPOINT_HEALTH = "/internal/v1/orgs/{orgId}/endpoints/{name}/health";

    private CalloutPaths() {
    }
}
