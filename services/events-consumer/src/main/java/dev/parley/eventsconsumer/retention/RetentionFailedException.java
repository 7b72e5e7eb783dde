package dev.parley.eventsconsumer.retention;

/** A clean-up run could not finish; the next run continues where it stopped. */
class RetentionFailedException extends RuntimeException {

    RetentionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
