package dev.parley.gateway.oauth;

import dev.parley.gateway.oauth.OAuthResponses.OAuthError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every failure of the OAuth endpoints with OAuth's error JSON. Ordered before the platform's fallback, which
 * answers problem details everywhere else.
 */
@RestControllerAdvice(assignableTypes = OAuthController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OAuthErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(OAuthErrorHandler.class);

    @ExceptionHandler(OAuthException.class)
    ResponseEntity<OAuthError> refused(OAuthException e) {
        log.info("OAuth request refused: {} ({})", e.error(), e.getMessage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"parley\"");
        }
        if (e.status() == HttpStatus.METHOD_NOT_ALLOWED) {
            response.header(HttpHeaders.ALLOW, "POST");
        }
        return body(response, e.error(), e.getMessage());
    }

    /** Spring's own client errors, e.g. an unreadable request. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<OAuthError> failed(Exception e) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            HttpStatusCode status = spring.getStatusCode();
            log.info("OAuth request rejected with {}: {}", status.value(), e.getMessage());
            return body(ResponseEntity.status(status), "invalid_request", "the request is not acceptable");
        }
        log.error("OAuth request failed", e);
        return body(ResponseEntity.internalServerError(), "server_error", "an internal error occurred");
    }

    private static ResponseEntity<OAuthError> body(ResponseEntity.BodyBuilder response, String error,
            String description) {
        return response.contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(new OAuthError(error, description));
    }
}
