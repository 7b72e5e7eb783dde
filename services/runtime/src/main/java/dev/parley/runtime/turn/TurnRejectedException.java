package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;

/** A turn the runtime refused before committing anything; {@link #code()} says why. */
abstract class TurnRejectedException extends RuntimeException {

    private final TurnErrorCode code;

    TurnRejectedException(TurnErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    TurnRejectedException(TurnErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    TurnErrorCode code() {
        return code;
    }
}
