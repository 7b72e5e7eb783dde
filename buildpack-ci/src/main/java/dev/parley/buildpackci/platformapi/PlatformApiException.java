package dev.parley.buildpackci.platformapi;

/** The Platform API refused a request, or kept failing it after every retry. */
public class PlatformApiException extends RuntimeException {

    private final int status;

    private final String errorId;

    public PlatformApiException(String method, String path, int status, String errorId, String message) {
        super(method + " " + path + " failed: " + (status > 0 ? "HTTP " + status + " " : "") + (errorId != null
                ? "[" + errorId + "] " : "") + message);
        this.status = status;
        this.errorId = errorId;
    }

    /** The HTTP status, or 0 when no answer came (I/O error). */
    public int status() {
        return this.status;
    }

    /** Heroku's error id (e.g. {@code not_found}, {@code rate_limit}), or null. */
    public String errorId() {
        return this.errorId;
    }

}
