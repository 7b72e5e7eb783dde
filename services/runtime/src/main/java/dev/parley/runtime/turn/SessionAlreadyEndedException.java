package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;

/** A new message or end request reached a session that has ended. */
class SessionAlreadyEndedException extends TurnRejectedException {

    SessionAlreadyEndedException(String sessionId) {
        super(TurnErrorCode.SESSION_ENDED, "Session " + sessionId + " has ended");
    }
}
