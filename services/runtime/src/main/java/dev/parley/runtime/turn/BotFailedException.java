package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;

/** The bot's own definition made the turn fail; nothing was committed. */
class BotFailedException extends TurnRejectedException {

    BotFailedException(String message, Throwable cause) {
        super(TurnErrorCode.BOT_ERROR, message, cause);
    }
}
