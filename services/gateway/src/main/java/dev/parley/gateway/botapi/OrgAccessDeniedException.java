package dev.parley.gateway.botapi;

import org.springframework.http.HttpStatus;

/** A valid token was used for an org other than the one it was issued for. */
class OrgAccessDeniedException extends BotApiException {

    OrgAccessDeniedException() {
        super(HttpStatus.FORBIDDEN, "The access token is not valid for the org in X-Org-Id");
    }
}
