package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;

/** The command is malformed or does not fit what the bot waits for (e.g. a choice index out of range). */
class InvalidTurnInputException extends TurnRejectedException {

    InvalidTurnInputException(String message) {
        super(TurnErrorCode.INVALID_INPUT, message);
    }

    InvalidTurnInputException(String message, Throwable cause) {
        super(TurnErrorCode.INVALID_INPUT, message, cause);
    }
}
