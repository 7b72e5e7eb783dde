package dev.parley.loguploader.web;

import java.util.List;

/** A request this service refuses, naming each offending field; answered with 400. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.getFirst().message());
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid request names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    /** The first offending field. */
    public String field() {
        return errors.getFirst().field();
    }

    /** Every offending field, in the order found. */
    public List<FieldError> errors() {
        return errors;
    }

    /** One refused field and why. */
    public record FieldError(String field, String message) {
    }
}
