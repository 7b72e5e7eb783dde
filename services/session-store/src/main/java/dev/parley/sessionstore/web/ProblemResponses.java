package dev.parley.sessionstore.web;

import dev.parley.sessionstore.SessionStoreApplication;
import dev.parley.sessionstore.api.SessionStoreErrorCodes;
import dev.parley.sessionstore.session.FencedOutException;
import dev.parley.sessionstore.session.LeaseBusyException;
import dev.parley.sessionstore.session.LeaseWaitAbandonedException;
import dev.parley.sessionstore.session.SessionOrgMismatchException;
import java.util.List;
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
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Maps session-store's exceptions to problem details with a {@code code} property. Ordered before the platform's
 * fallback so that malformed input on these routes carries {@code code=BAD_REQUEST} and the field it concerns.
 */
@RestControllerAdvice(basePackageClasses = SessionStoreApplication.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler
    ProblemDetail leaseBusy(LeaseBusyException e) {
        ProblemDetail problem = problem(HttpStatus.LOCKED, SessionStoreErrorCodes.LEASE_BUSY, e.getMessage());
        problem.setProperty("sessionId", e.sessionId());
        problem.setProperty("waitedMillis", e.waitedMillis());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail abandoned(LeaseWaitAbandonedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, SessionStoreErrorCodes.SHUTTING_DOWN, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail fencedOut(FencedOutException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, SessionStoreErrorCodes.FENCED_OUT, e.getMessage());
        problem.setProperty("sessionId", e.sessionId());
        problem.setProperty("fencingToken", e.fencingToken());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail orgMismatch(SessionOrgMismatchException e) {
        return badRequest("session.orgId", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        return badRequest(e.field(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(e.getName(), e.getName() + " is not a valid " + simpleName(e.getRequiredType()));
    }

    @ExceptionHandler
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getMostSpecificCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = path(json.getPath());
            return badRequest(field, field + " is missing or has the wrong type");
        }
        return badRequest("body", "request body is missing or is not valid JSON");
    }

    @ExceptionHandler
    ProblemDetail storeUnavailable(DataAccessException e) {
        log.warn("Redis call failed", e);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, SessionStoreErrorCodes.STORE_UNAVAILABLE, "the session store cannot reach Redis");
    }

    private static ProblemDetail badRequest(String field, String detail) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, SessionStoreErrorCodes.BAD_REQUEST, detail);
        problem.setProperty("field", field);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    /** {@code events[0].eventId} from Jackson's reference chain; never Jackson's message, which names our classes. */
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

    private static String simpleName(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }
}
