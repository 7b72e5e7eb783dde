package dev.parley.eventsconsumer.web;

import dev.parley.eventsconsumer.EventsConsumerApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the query API's exceptions to problem details with a {@code code} property; the one place that does. */
@RestControllerAdvice(basePackageClasses = EventsConsumerApplication.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemResponses {

    static final String INVALID_PARAMETER = "INVALID_PARAMETER";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String STORE_UNAVAILABLE = "STORE_UNAVAILABLE";

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidQueryParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, e.getMessage());
        problem.setTitle("Invalid query parameter");
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ DataAccessException.class, TransactionException.class })
    ProblemDetail storeUnavailable(RuntimeException e) {
        log.warn("Query failed on the database: {}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE, "the debug-log store cannot be reached");
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
