package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;

/** The org has no such bot, or no longer runs the version a session was started on. */
class BotNotFoundException extends TurnRejectedException {

    BotNotFoundException(String message) {
        super(TurnErrorCode.BOT_NOT_FOUND, message);
    }
}
