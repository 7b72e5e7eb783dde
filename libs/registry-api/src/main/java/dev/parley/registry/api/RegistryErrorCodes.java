package dev.parley.registry.api;

/**
 * Values of the {@code code} property of the registry's problem details, so clients can act on a refusal without
 * parsing its text.
 */
public final class RegistryErrorCodes {

    /** 401: no, or an unknown, admin token. */
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    /** 404: no such org (for this token), bot or version. */
    public static final String NOT_FOUND = "NOT_FOUND";
    /** 422: the bot has errors; {@code diagnostics} lists them and nothing was stored. */
    public static final String BOT_INVALID = "BOT_INVALID";
    /** 409: rollback asked for, but no version was active before the current one. */
    public static final String NOTHING_TO_ROLL_BACK = "NOTHING_TO_ROLL_BACK";
    /** 400: the request has no file, or only empty ones. */
    public static final String UPLOAD_EMPTY = "UPLOAD_EMPTY";
    /** 400: a raw (non-multipart) body that is not a zip came without a file name. */
    public static final String UPLOAD_FILENAME_MISSING = "UPLOAD_FILENAME_MISSING";
    /** 400: a file name is absolute, climbs out with {@code ..}, or holds control characters or backslashes. */
    public static final String UPLOAD_UNSAFE_NAME = "UPLOAD_UNSAFE_NAME";
    /** 400: two files (or zip entries) have the same name. */
    public static final String UPLOAD_DUPLICATE_NAME = "UPLOAD_DUPLICATE_NAME";
    /** 400: a zip inside the zip, or a zip next to other files. */
    public static final String UPLOAD_NESTED_ARCHIVE = "UPLOAD_NESTED_ARCHIVE";
    /** 400: the body claims to be a zip but cannot be read as one. */
    public static final String UPLOAD_BAD_ARCHIVE = "UPLOAD_BAD_ARCHIVE";
    /** 413: the request, a file, or the unpacked zip is larger than allowed; {@code limit} says by how much. */
    public static final String UPLOAD_TOO_LARGE = "UPLOAD_TOO_LARGE";
    /** 413: the zip has more entries than allowed. */
    public static final String UPLOAD_TOO_MANY_FILES = "UPLOAD_TOO_MANY_FILES";
    /** 413: the zip unpacks to far more than its size (a zip bomb). */
    public static final String UPLOAD_COMPRESSION_RATIO = "UPLOAD_COMPRESSION_RATIO";
    /** 415: a content type the upload endpoint does not take; {@code accepted} lists those it does. */
    public static final String UPLOAD_UNSUPPORTED_TYPE = "UPLOAD_UNSUPPORTED_TYPE";
    /** 400: another malformed request (bad parameter, unreadable multipart body). */
    public static final String BAD_REQUEST = "BAD_REQUEST";
    /** 503: the database is unreachable; nothing was changed, the request may be retried. */
    public static final String UNAVAILABLE = "UNAVAILABLE";

    private RegistryErrorCodes() {
    }
}
