package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;

/** The turn used up its time budget before it could commit; nothing was committed. */
class TurnTimedOutException extends TurnRejectedException {

    TurnTimedOutException(String sessionId, long elapsedMillis) {
        super(TurnErrorCode.UNAVAILABLE, "Turn of session " + sessionId + " ran " + elapsedMillis
                + " ms, past its budget, and was not committed");
    }
}
