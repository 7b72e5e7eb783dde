package dev.parley.gateway.botapi;

import dev.parley.gateway.oauth.AccessToken;
import dev.parley.gateway.oauth.AccessTokens;
import dev.parley.platform.logging.MdcKeys;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every {@code /v5.1.0/**} request before its handler runs: a valid bearer token (else 401), an
 * {@code X-Org-Id} header (else 400) naming the token's own org (else 403). Runs as an interceptor, not a filter, so
 * its refusals reach {@link BotApiErrorHandler} like any other error of these routes.
 */
@Component
class BotApiAuthInterceptor implements HandlerInterceptor {

    /** Request attribute holding the caller's {@link AccessToken}. */
    static final String CALLER = "dev.parley.gateway.botapi.caller";

    static final String ORG_ID_HEADER = "X-Org-Id";

    private final AccessTokens accessTokens;

    BotApiAuthInterceptor(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidAccessTokenException();
        }
        AccessToken caller = accessTokens.verify(authorization.substring(7).strip())
                .orElseThrow(InvalidAccessTokenException::new);
        String orgId = request.getHeader(ORG_ID_HEADER);
        if (orgId == null || orgId.isBlank()) {
            throw new InvalidRequestException("Header '" + ORG_ID_HEADER + "' is required");
        }
        if (!orgId.strip().equals(caller.orgId())) {
            throw new OrgAccessDeniedException();
        }
        request.setAttribute(CALLER, caller);
        MDC.put(MdcKeys.ORG_ID, caller.orgId());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        MDC.remove(MdcKeys.ORG_ID);
        MDC.remove(MdcKeys.SESSION_ID);
    }
}
