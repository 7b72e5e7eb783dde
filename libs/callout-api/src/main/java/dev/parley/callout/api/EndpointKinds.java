package dev.parley.callout.api;

/** Values of {@link EndpointConfig#kind()}, and the action types each serves. */
public final class EndpointKinds {

    /** Salesforce Apex REST: {@code POST {baseUrl}/services/apexrest/{apexPath}} with the inputs as a JSON object; action type {@code apex}. */
    public static final String APEX = "apex";

    /** An autolaunched flow through {@code POST {baseUrl}/services/data/v62.0/actions/custom/flow/{flowName}}; action type {@code flow}. */
    public static final String FLOW = "flow";

    /** A SOQL query through {@code GET {baseUrl}/services/data/v62.0/query}; action type {@code recordLookup}. */
    public static final String RECORD_LOOKUP = "recordLookup";

    /** Any HTTPS API described by an {@link HttpTemplate}; action types {@code http} and {@code externalService}. */
    public static final String HTTP = "http";

    private EndpointKinds() {
    }
}
