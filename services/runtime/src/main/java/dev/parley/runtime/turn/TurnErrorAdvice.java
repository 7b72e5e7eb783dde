package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.sessionstore.FencedOutException;
import dev.parley.runtime.sessionstore.SessionBusyException;
import dev.parley.runtime.sessionstore.SessionStoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps refused turns to problem details with the {@link TurnErrorCode}'s status and its name as property
 * {@code code}; the only place turn failures become HTTP.
 */
@RestControllerAdvice(assignableTypes = TurnController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TurnErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(TurnErrorAdvice.class);

    @ExceptionHandler({TurnRejectedException.class, SessionBusyException.class, FencedOutException.class,
            SessionStoreUnavailableException.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException e) {
        TurnErrorCode code = TurnErrors.codeOf(e).orElseThrow(() -> e);
        if (code == TurnErrorCode.UNAVAILABLE || code == TurnErrorCode.BOT_ERROR) {
            log.warn("Turn refused with {}: {}", code, e.getMessage());
        } else {
            log.debug("Turn refused with {}: {}", code, e.getMessage());
        }
        String detail = code == TurnErrorCode.UNAVAILABLE
                ? "A dependency of the runtime is unavailable; nothing was committed, the message may be retried"
                : e.getMessage();
        return problem(code, detail);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(TurnErrorCode.INVALID_INPUT, "The request body is missing or is not a valid command");
    }

    private static ResponseEntity<ProblemDetail> problem(TurnErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.httpStatus()), detail);
        problem.setProperty("code", code.name());
        return ResponseEntity.status(code.httpStatus()).body(problem);
    }
}
