package dev.parley.gateway.oauth;

import java.time.Instant;

/**
 * What a valid access token grants: the chatbot API for one org, on behalf of one user of one connected app.
 *
 * @param orgId     the only org the token is valid for
 * @param clientId  the connected app's consumer key
 * @param subject   the user the token was issued to
 * @param issuedAt  when it was issued
 * @param expiresAt when it stops being valid
 */
public record AccessToken(String orgId, String clientId, String subject, Instant issuedAt, Instant expiresAt) {
}
