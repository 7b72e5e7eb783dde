package dev.parley.registry.web;

import dev.parley.registry.api.RegistryErrorCodes;
import dev.parley.registry.bots.BotInvalidException;
import dev.parley.registry.bots.NothingToRollBackException;
import dev.parley.registry.upload.UploadProperties;
import dev.parley.registry.upload.UploadRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The one place the registry's failures become HTTP: problem details with a {@code code} from
 * {@link RegistryErrorCodes} and, where it helps, the diagnostics, the limit or the file concerned. Not restricted to
 * the registry's controllers, because multipart limits fail before any controller is chosen.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryProblems {

    private static final Logger log = LoggerFactory.getLogger(RegistryProblems.class);

    private final long maxRequestSize;
    private final int maxParts;

    RegistryProblems(UploadProperties limits, @Value("${server.tomcat.max-part-count:50}") int maxParts) {
        this.maxRequestSize = limits.maxRequestSize().toBytes();
        this.maxParts = maxParts;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, RegistryErrorCodes.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail invalid(BotInvalidException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, RegistryErrorCodes.BOT_INVALID,
                e.getMessage());
        problem.setProperty("diagnostics", e.diagnostics());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail nothingToRollBack(NothingToRollBackException e) {
        return problem(HttpStatus.CONFLICT, RegistryErrorCodes.NOTHING_TO_ROLL_BACK, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(UploadRefusedException e) {
        ProblemDetail problem = problem(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        if (tooManyParts(e)) {
            return tooManyParts();
        }
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, RegistryErrorCodes.UPLOAD_TOO_LARGE,
                "The upload is larger than " + maxRequestSize + " bytes");
        problem.setProperty("limit", maxRequestSize);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadableMultipart(MultipartException e) {
        if (tooManyParts(e)) {
            return tooManyParts();
        }
        String cause = e.getMostSpecificCause().getMessage();
        return problem(HttpStatus.BAD_REQUEST, RegistryErrorCodes.BAD_REQUEST,
                "The multipart body cannot be read" + (cause == null ? "" : ": " + cause));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ProblemDetail databaseUnavailable(RuntimeException e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, RegistryErrorCodes.UNAVAILABLE,
                "The registry's database is unavailable; nothing was changed, retry later");
    }

    private ProblemDetail tooManyParts() {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, RegistryErrorCodes.UPLOAD_TOO_MANY_FILES,
                "The multipart body has more than " + maxParts + " parts; upload a zip instead");
        problem.setProperty("limit", maxParts);
        return problem;
    }

    /** Whether Tomcat refused the number of parts (matched by name: the exception is not part of Tomcat's API). */
    private static boolean tooManyParts(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("FileCountLimitExceededException")) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
