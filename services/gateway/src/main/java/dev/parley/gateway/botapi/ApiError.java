package dev.parley.gateway.botapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.HttpStatusCode;

/**
 * The spec's {@code Error} body, sent with every error of the Bot API routes.
 *
 * @param status    the HTTP status
 * @param path      the request path
 * @param requestId the request's {@code X-Request-ID}
 * @param error     the error's name, as in the spec's examples ({@code BadRequestError}, ...)
 * @param message   what went wrong, without internals
 * @param timestamp epoch milliseconds
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"status", "path", "requestId", "error", "message", "timestamp"})
record ApiError(int status, String path, String requestId, String error, String message, long timestamp) {

    /** The spec's error name for an HTTP status. */
    static String errorName(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BadRequestError";
            case 401 -> "UnauthorizedError";
            case 403 -> "ForbiddenError";
            case 404 -> "NotFoundError";
            case 405 -> "MethodNotAllowedError";
            case 406 -> "NotAcceptableError";
            case 410 -> "NotAvailableError";
            case 413 -> "PayloadTooLargeError";
            case 415 -> "UnsupportedMediaTypeError";
            case 422 -> "RequestProcessingException";
            case 423 -> "ServerBusyError";
            case 429 -> "TooManyRequestsError";
            case 503 -> "ServiceUnavailable";
            default -> status.is4xxClientError() ? "BadRequestError" : "InternalServerError";
        };
    }
}
