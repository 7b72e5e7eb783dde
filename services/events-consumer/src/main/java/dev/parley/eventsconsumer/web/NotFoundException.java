package dev.parley.eventsconsumer.web;

/** What was asked for does not exist in the caller's org (another org's data is reported exactly like missing data). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
