package dev.parley.gateway.ratelimit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rate-limits the Bot Runtime API: per org from {@code X-Org-Id} and, on session routes, per session from the path.
 * Registered after the Bot API's authentication interceptor, so the org has been checked against the caller's token
 * (nobody can spend another org's budget) and a refusal is rendered by the Bot API's own error handler.
 */
class BotApiRateLimitInterceptor implements HandlerInterceptor {

    static final String ORG_ID_HEADER = "X-Org-Id";

    private static final Pattern SESSION_PATH = Pattern.compile("/v5\\.1\\.0/sessions/([A-Za-z0-9_.-]{1,128})(/.*)?");

    private final RateLimits limits;

    BotApiRateLimitInterceptor(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String orgId = request.getHeader(ORG_ID_HEADER);
        if (orgId == null || orgId.isBlank()) {
            return true;
        }
        Matcher session = SESSION_PATH.matcher(request.getRequestURI());
        limits.enforce(orgId.strip(), session.matches() ? "api:" + session.group(1) : null);
        return true;
    }
}
