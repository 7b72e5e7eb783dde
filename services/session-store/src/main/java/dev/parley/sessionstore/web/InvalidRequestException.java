package dev.parley.sessionstore.web;

/** A request field holds a value this service does not accept; answered with 400 {@code BAD_REQUEST}. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The offending field, as named on the wire ({@code ttlMillis}, {@code session.status}, {@code sessionId}). */
    public String field() {
        return field;
    }
}
