package dev.parley.platform.errors;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.parley.platform.web.RequestIds;

/**
 * Last-resort error mapping for every service: Spring MVC's client errors become 4xx problem details (via
 * {@link ResponseEntityExceptionHandler}) and anything else a 500 problem detail that reveals nothing but the request
 * id. Lowest precedence, so a service's own {@code @RestControllerAdvice} wins for the exceptions it handles.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class PlatformExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformExceptionHandler.class);

    /** Unexpected exceptions: logged in full, answered with a bare 500. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        if (declared != null) {
            // An exception annotated with @ResponseStatus asked for its status; honour it as Spring would.
            HttpStatus status = declared.code();
            ProblemDetail body = ProblemDetail.forStatus(status);
            if (StringUtils.hasText(declared.reason())) {
                body.setDetail(declared.reason());
            }
            if (status.is5xxServerError()) {
                log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
            }
            return ResponseEntity.status(status).body(body);
        }
        if (ex instanceof ErrorResponse errorResponse) {
            return ResponseEntity.status(errorResponse.getStatusCode())
                .headers(errorResponse.getHeaders())
                .body(errorResponse.getBody());
        }
        log.error("Request {} {} failed with an unexpected exception", request.getMethod(), request.getRequestURI(), ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred.");
        RequestIds.current().ifPresent(id -> body.setProperty("requestId", id));
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
    }

    /** Violations of {@code @Validated} method constraints on controllers: the caller sent bad values. */
    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid request content.");
        body.setProperty("errors", ex.getConstraintViolations()
            .stream()
            .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage()))
            .toList());
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ex.getBody();
        List<Map<String, String>> errors = ex.getBindingResult()
            .getAllErrors()
            .stream()
            .map(error -> Map.of("field", (error instanceof FieldError field) ? field.getField() : error.getObjectName(),
                    "message", String.valueOf(error.getDefaultMessage())))
            .toList();
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ex.getBody();
        List<Map<String, String>> errors = ex.getParameterValidationResults()
            .stream()
            .flatMap(result -> result.getResolvableErrors()
                .stream()
                .map(error -> Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
            .toList();
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Request failed with {}", statusCode.value(), ex);
        }
        else {
            log.debug("Client error {}: {}", statusCode.value(), ex.toString());
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

}
