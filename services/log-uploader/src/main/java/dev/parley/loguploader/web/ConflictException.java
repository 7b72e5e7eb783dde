package dev.parley.loguploader.web;

/** The request is valid but the target's current state refuses it; answered with 409 and a machine code. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable code for clients, such as {@code DESTINATION_LIMIT_REACHED}. */
    public String code() {
        return code;
    }
}
