package dev.parley.callout.web;

import dev.parley.callout.CalloutApplication;
import dev.parley.callout.api.CalloutErrorCodes;
import dev.parley.callout.endpoint.InvalidEndpointException;
import dev.parley.callout.endpoint.UnknownEndpointException;
import dev.parley.callout.invocation.InvocationIdReusedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;

/**
 * Maps callout's exceptions to problem details with a {@code code} property (see {@link CalloutErrorCodes}); 400s
 * also name the {@code field} and the {@code value} sent. Ordered before the platform's fallback.
 */
@RestControllerAdvice(basePackageClasses = CalloutApplication.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler
    ProblemDetail invalidRequest(InvalidRequestException e) {
        return badRequest(e.field(), e.value(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalidEndpoint(InvalidEndpointException e) {
        List<InvalidEndpointException.Violation> violations = e.violations();
        InvalidEndpointException.Violation first = violations.getFirst();
        String detail = violations.size() == 1 ? first.field() + " " + first.message()
                : first.field() + " " + first.message() + " (and " + (violations.size() - 1) + " more, see errors)";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, CalloutErrorCodes.INVALID_ENDPOINT, detail);
        problem.setProperty("field", first.field());
        problem.setProperty("value", first.value());
        problem.setProperty("errors", violations.stream().map(v -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("field", v.field());
            error.put("value", v.value());
            error.put("message", v.message());
            return error;
        }).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownEndpoint(UnknownEndpointException e) {
        return problem(HttpStatus.NOT_FOUND, CalloutErrorCodes.UNKNOWN_ENDPOINT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invocationIdReused(InvocationIdReusedException e) {
        return problem(HttpStatus.CONFLICT, CalloutErrorCodes.INVOCATION_ID_REUSED, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = JsonFieldPaths.of(json.getPath());
            return badRequest(field, null, field + " is missing or has the wrong type");
        }
        return badRequest("body", null, "request body is missing or is not valid JSON");
    }

    @ExceptionHandler
    ProblemDetail storeUnavailable(DataAccessException e) {
        log.warn("Endpoint registry call failed", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, CalloutErrorCodes.STORE_UNAVAILABLE,
                "the endpoint registry cannot be reached");
    }

    private static ProblemDetail badRequest(String field, String value, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, CalloutErrorCodes.BAD_REQUEST, detail);
        problem.setProperty("field", field);
        problem.setProperty("value", value);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
