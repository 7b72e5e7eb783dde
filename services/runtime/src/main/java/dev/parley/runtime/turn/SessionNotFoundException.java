package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;

/** The session does not exist, expired, or belongs to another org (which is never told apart). */
class SessionNotFoundException extends TurnRejectedException {

    SessionNotFoundException(String sessionId) {
        super(TurnErrorCode.SESSION_NOT_FOUND, "Session " + sessionId + " not found");
    }
}
