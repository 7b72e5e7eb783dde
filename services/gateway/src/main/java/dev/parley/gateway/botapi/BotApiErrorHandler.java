package dev.parley.gateway.botapi;

import java.time.Clock;
import java.util.stream.Collectors;

import dev.parley.gateway.runtime.RuntimeRejectedException;
import dev.parley.gateway.runtime.RuntimeUnavailableException;
import dev.parley.platform.web.RequestIds;
import dev.parley.runtime.api.TurnErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place Bot API failures become HTTP: every error of {@link BotApiController} and
 * {@link ServiceInfoController} (including refusals of {@link BotApiAuthInterceptor}, which runs with the handler
 * known) is answered with the spec's {@link ApiError} body. Ordered before the platform's problem-details fallback.
 * Client input never yields a 500; internal failures yield 503 or 500 without internals.
 */
@RestControllerAdvice(assignableTypes = {BotApiController.class, ServiceInfoController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class BotApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(BotApiErrorHandler.class);

    private final Clock clock = Clock.systemUTC();

    @ExceptionHandler(BotApiException.class)
    ResponseEntity<ApiError> refused(BotApiException e, HttpServletRequest request) {
        log.info("Bot API request refused with {}: {}", e.status().value(), e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e instanceof UnknownRouteException route && !route.allowed().isEmpty()) {
            headers.set(HttpHeaders.ALLOW, route.allowed().stream().map(HttpMethod::name).sorted()
                    .collect(Collectors.joining(", ")));
        }
        return error(e.status(), e.getMessage(), headers, request);
    }

    @ExceptionHandler(RuntimeRejectedException.class)
    ResponseEntity<ApiError> rejectedByRuntime(RuntimeRejectedException e, HttpServletRequest request) {
        HttpStatusCode status = HttpStatusCode.valueOf(e.code().httpStatus());
        log.info("Runtime refused the turn with {}: {}", e.code(), e.detail());
        String message = status.is4xxClientError() && e.detail() != null && !e.detail().isBlank()
                ? e.detail() : defaultMessage(e.code());
        return error(status, message, new HttpHeaders(), request);
    }

    @ExceptionHandler(RuntimeUnavailableException.class)
    ResponseEntity<ApiError> runtimeUnavailable(RuntimeUnavailableException e, HttpServletRequest request) {
        log.warn("Runtime unavailable: {}", e.getMessage(), e);
        return error(HttpStatus.SERVICE_UNAVAILABLE, "Service is unavailable, retry the request later",
                new HttpHeaders(), request);
    }

    /** Spring's own client errors (e.g. a bad header binding), and anything unexpected as a bare 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> failed(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = spring.getStatusCode();
            log.info("Bot API request rejected with {}: {}", status.value(), e.getMessage());
            String detail = spring.getBody().getDetail();
            return error(status, detail == null ? "Bad Request" : detail, spring.getHeaders(), request);
        }
        log.error("Bot API request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "An internal error occurred", new HttpHeaders(), request);
    }

    private ResponseEntity<ApiError> error(HttpStatusCode status, String message, HttpHeaders headers,
            HttpServletRequest request) {
        // The platform's filter has put the id in the MDC and on the response; the fallback is for safety only.
        String requestId = RequestIds.current()
                .orElseGet(() -> RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER)));
        ApiError body = new ApiError(status.value(), request.getRequestURI(), requestId, ApiError.errorName(status),
                message, clock.millis());
        // Preset content type: the error is JSON whatever the client's Accept header says.
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String defaultMessage(TurnErrorCode code) {
        return switch (code) {
            case BOT_NOT_FOUND -> "Bot not found or has no active version";
            case SESSION_NOT_FOUND -> "Session not found";
            case SESSION_ENDED -> "Session has ended";
            case INVALID_INPUT -> "The message does not fit what the bot expects";
            case STALE_SEQUENCE -> "The sequenceId is lower than one already processed";
            case SESSION_BUSY -> "Server is busy and cannot process the request at this time";
            case BOT_ERROR -> "The bot could not process the request";
            case UNAVAILABLE -> "Service is unavailable, retry the request later";
        };
    }
}
