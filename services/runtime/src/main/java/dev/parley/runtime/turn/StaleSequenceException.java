package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;

/** A sequence id not above the highest one the session processed, and not a repeat of a recorded one. */
class StaleSequenceException extends TurnRejectedException {

    StaleSequenceException(String sessionId, long sequenceId, long highest) {
        super(TurnErrorCode.STALE_SEQUENCE, "Sequence id " + sequenceId + " of session " + sessionId
                + " is not above the highest processed one, " + highest);
    }
}
