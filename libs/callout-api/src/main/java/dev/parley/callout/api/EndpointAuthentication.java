package dev.parley.callout.api;

/**
 * How an endpoint's calls authenticate. Secrets ({@code token}, {@code privateKey}, {@code clientSecret}) are
 * write-only: {@code GET} answers them as {@code null} with {@code secretConfigured=true}. A {@code PUT} that omits
 * the secret keeps the stored one when the type is unchanged.
 *
 * @param type             {@code none}, {@code bearer} (static token), {@code oauthJwtBearer} (Salesforce OAuth 2.0
 *                         JWT bearer flow) or {@code oauthClientCredentials} (Salesforce client credentials flow)
 * @param token            {@code bearer}: the static token, sent as {@code Authorization: Bearer ...}
 * @param consumerKey      {@code oauthJwtBearer}: the connected app's consumer key (the JWT's {@code iss})
 * @param username         {@code oauthJwtBearer}: the integration user (the JWT's {@code sub})
 * @param privateKey       {@code oauthJwtBearer}: the RSA private key, PEM (PKCS#8 or PKCS#1)
 * @param tokenUrl         OAuth token endpoint; default {@code https://login.salesforce.com/services/oauth2/token}
 *                         for JWT bearer, {@code {baseUrl}/services/oauth2/token} for client credentials
 * @param audience         {@code oauthJwtBearer}: the JWT's {@code aud}; default {@code https://login.salesforce.com}
 * @param clientId         {@code oauthClientCredentials}: the connected app's consumer key
 * @param clientSecret     {@code oauthClientCredentials}: the connected app's consumer secret
 * @param secretConfigured set by the service on {@code GET}; ignored on {@code PUT}
 */
public record EndpointAuthentication(String type, String token, String consumerKey, String username,
        String privateKey, String tokenUrl, String audience, String clientId, String clientSecret,
        Boolean secretConfigured) {
}
