package dev.parley.gateway.widget;

import dev.parley.gateway.channels.WebhookRejectedException;
import dev.parley.gateway.ratelimit.RateLimitExceededException;
import dev.parley.platform.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place widget HTTP failures become responses: problem details with a {@code code} property (the protocol's
 * error code) and a precise 4xx, or 429/503 with {@code Retry-After}. The request's {@code Origin} is echoed for
 * CORS so the widget can read why it was refused and say so; error bodies carry no data worth protecting.
 */
@RestControllerAdvice(assignableTypes = { WidgetHttpController.class, WidgetAssetsController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class WidgetErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(WidgetErrorHandler.class);

    @ExceptionHandler(WidgetRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(WidgetRejectedException e, HttpServletRequest request) {
        log.info("Widget request refused with {}: {}", e.status().value(), e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof TurnUnavailableException unavailable) {
            headers.set(HttpHeaders.RETRY_AFTER, seconds(unavailable.retryAfter().toMillis()));
        }
        return problem(request, e.status(), e.code(), e.getMessage(), headers);
    }

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitExceededException e, HttpServletRequest request) {
        log.info("Widget request rate-limited: {}", e.getBody().getDetail());
        return problem(request, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", e.getBody().getDetail(),
                e.getHeaders());
    }

    /** An oversized body (the channels' bounded reader). */
    @ExceptionHandler(WebhookRejectedException.class)
    ResponseEntity<ProblemDetail> unreadable(WebhookRejectedException e, HttpServletRequest request) {
        log.info("Widget request refused with {}: {}", e.status().value(), e.getMessage());
        return problem(request, e.status(), "invalid_frame", e.getMessage(), new HttpHeaders());
    }

    /** Redis unreachable: nothing ran. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException e, HttpServletRequest request) {
        log.error("Widget request turned away: Redis failed: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return problem(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The chat cannot take messages right now; retry later", headers);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatusCode status,
            String code, String detail, HttpHeaders headers) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setProperty("code", code);
        RequestIds.current().ifPresent(id -> body.setProperty("requestId", id));
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && WidgetProperties.normalizeOrigin(origin) != null) {
            all.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            all.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER);
            all.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        return ResponseEntity.status(status).headers(all).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String seconds(long millis) {
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
