package dev.parley.loguploader.web;

/** Something the path names does not exist (or belongs to another org, which looks the same); answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
