package dev.parley.platform.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

import dev.parley.platform.logging.MdcKeys;

/** The {@code X-Request-ID} convention: header name, accepted values, and the current request's id. */
public final class RequestIds {

    /** Header carrying the request id in and out. */
    public static final String HEADER = "X-Request-ID";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The request id of the work in progress on this thread, from the MDC. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MdcKeys.REQUEST_ID));
    }

    /** Returns {@code candidate} if it is a sane id (1-128 of [A-Za-z0-9._:-]), otherwise a new random UUID. */
    public static String acceptOrGenerate(String candidate) {
        return (candidate != null && SANE.matcher(candidate).matches()) ? candidate : UUID.randomUUID().toString();
    }

}
