package dev.parley.callout.api;

/**
 * Why an invocation failed.
 *
 * @param code       one of the invocation codes of {@link CalloutErrorCodes}
 * @param message    a human-readable reason for debug logs; never holds secrets
 * @param httpStatus the endpoint's status for {@link CalloutErrorCodes#HTTP_ERROR} (and an auth failure's), else {@code null}
 */
public record InvocationError(String code, String message, Integer httpStatus) {
}
