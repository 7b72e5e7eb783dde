package dev.parley.gateway.runtime;

import dev.parley.runtime.api.TurnErrorCode;

/** The runtime refused a command with one of its {@link TurnErrorCode}s; nothing was committed by this call. */
public class RuntimeRejectedException extends RuntimeException {

    private final TurnErrorCode code;

    private final String detail;

    public RuntimeRejectedException(TurnErrorCode code, String detail) {
        super("runtime refused the command with " + code + (detail == null ? "" : ": " + detail));
        this.code = code;
        this.detail = detail;
    }

    /** Why the runtime refused. */
    public TurnErrorCode code() {
        return code;
    }

    /** The runtime's human-readable explanation, or {@code null}. */
    public String detail() {
        return detail;
    }
}
