package dev.parley.callout.web;

/** A request field holds a value this service does not accept; answered 400 {@code BAD_REQUEST}. */
public class InvalidRequestException extends RuntimeException {

    private final String field;
    private final String value;

    public InvalidRequestException(String field, Object value, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    /** The offending field as named on the wire ({@code orgId}, {@code timeoutMs}). */
    public String field() {
        return field;
    }

    /** What was sent, or {@code null} when it was missing. */
    public String value() {
        return value;
    }
}
