package dev.parley.loguploader.web;

import dev.parley.loguploader.LogUploaderApplication;
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
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps the log uploader's exceptions to problem details with a {@code code} and, for bad input, the {@code field}
 * concerned. Ordered before the platform's fallback.
 */
@RestControllerAdvice(basePackageClasses = LogUploaderApplication.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = badRequest(e.field(), e.getMessage());
        problem.setProperty("errors", e.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.code(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName(), e.getName() + " has the wrong type");
    }

    @ExceptionHandler
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return badRequest(e.getParameterName(), e.getParameterName() + " is required");
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getMostSpecificCause() instanceof UnrecognizedPropertyException unknown) {
            return badRequest(unknown.getPropertyName(), unknown.getPropertyName() + " is not a known field");
        }
        if (e.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = path(json.getPath());
            return badRequest(field, field + " has the wrong type");
        }
        return badRequest("body", "request body is missing or is not valid JSON");
    }

    @ExceptionHandler
    ProblemDetail storeUnavailable(DataAccessException e) {
        log.warn("PostgreSQL call failed", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE", "the delivery store cannot be reached");
    }

    private static ProblemDetail badRequest(String field, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", detail);
        problem.setProperty("field", field);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    /** {@code botIds[2]} from Jackson's reference chain; never Jackson's message, which names our classes. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
