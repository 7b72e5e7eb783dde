package dev.parley.gateway.botapi;

import org.springframework.http.HttpStatus;

/**
 * A field of a request body is missing or has a value the spec does not allow. Request records throw it with the
 * field name relative to themselves; the body reader prefixes the path from the document root.
 */
class InvalidFieldException extends BotApiException {

    private final String field;

    private final String problem;

    InvalidFieldException(String field, String problem) {
        super(HttpStatus.BAD_REQUEST, "'" + field + "' " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The same problem with {@code prefix} (a path like {@code message} or {@code variables[2]}) before the field. */
    InvalidFieldException under(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return this;
        }
        InvalidFieldException moved = new InvalidFieldException(prefix + "." + field, problem);
        moved.setStackTrace(getStackTrace());
        return moved;
    }
}
