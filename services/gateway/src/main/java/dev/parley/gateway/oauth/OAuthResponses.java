package dev.parley.gateway.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The JSON bodies of the OAuth endpoints, named and shaped as Salesforce's. */
final class OAuthResponses {

    private OAuthResponses() {
    }

    /** A successful token response; {@code issued_at} is epoch milliseconds as a string, as Salesforce sends it. */
    @JsonPropertyOrder({"access_token", "scope", "instance_url", "id", "token_type", "issued_at"})
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("scope") String scope,
            @JsonProperty("instance_url") String instanceUrl,
            @JsonProperty("id") String id,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("issued_at") String issuedAt) {
    }

    /** An introspection answer (RFC 7662); an inactive token gets only {@code "active": false}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"active", "scope", "client_id", "sub", "exp", "token_type"})
    record IntrospectionResponse(
            @JsonProperty("active") boolean active,
            @JsonProperty("scope") String scope,
            @JsonProperty("client_id") String clientId,
            @JsonProperty("sub") String sub,
            @JsonProperty("exp") Long exp,
            @JsonProperty("token_type") String tokenType) {

        static IntrospectionResponse inactive() {
            return new IntrospectionResponse(false, null, null, null, null, null);
        }
    }

    /** OAuth's error body (RFC 6749 section 5.2). */
    @JsonPropertyOrder({"error", "error_description"})
    record OAuthError(
            @JsonProperty("error") String error,
            @JsonProperty("error_description") String errorDescription) {
    }
}
