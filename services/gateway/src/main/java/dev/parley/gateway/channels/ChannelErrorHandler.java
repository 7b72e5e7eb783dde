package dev.parley.gateway.channels;

import dev.parley.gateway.ratelimit.RateLimitExceededException;
import dev.parley.platform.web.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place webhook failures become HTTP: problem details with a precise 4xx for refused input, 429 or 503 with
 * {@code Retry-After} when the platform should come back later. Anything else falls through to the platform's
 * problem-details fallback.
 */
@RestControllerAdvice(basePackages = "dev.parley.gateway.channels")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChannelErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ChannelErrorHandler.class);

    @ExceptionHandler(WebhookRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(WebhookRejectedException e) {
        log.info("Webhook refused with {}: {}", e.status().value(), e.getMessage());
        return problem(e.status(), e.getMessage(), new HttpHeaders());
    }

    @ExceptionHandler(RateLimitExceededException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitExceededException e) {
        log.info("Webhook rate-limited: {}", e.getBody().getDetail());
        return problem(HttpStatus.TOO_MANY_REQUESTS, e.getBody().getDetail(), e.getHeaders());
    }

    @ExceptionHandler(ChannelBusyException.class)
    ResponseEntity<ProblemDetail> busy(ChannelBusyException e) {
        log.warn("Webhook turned away: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "The gateway is busy; retry later", headers);
    }

    /** Redis (channel sessions) unreachable: nothing ran; 503 makes the platform retry later. */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(DataAccessException e) {
        log.error("Webhook turned away: the channel session store failed: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "The gateway cannot process messages right now; retry later",
                headers);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpHeaders headers) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        RequestIds.current().ifPresent(id -> body.setProperty("requestId", id));
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
