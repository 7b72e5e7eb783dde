package dev.parley.runtime.turn;

import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.bot.BotRegistryUnavailableException;
import dev.parley.runtime.sessionstore.FencedOutException;
import dev.parley.runtime.sessionstore.SessionBusyException;
import dev.parley.runtime.sessionstore.SessionStoreUnavailableException;

import java.util.Optional;

/** Which {@link TurnErrorCode} a failure of a turn stands for; shared by the error advice and the metrics. */
final class TurnErrors {

    private TurnErrors() {
    }

    /** The code, or empty for an unexpected failure (a bug: answered 500 by the platform). */
    static Optional<TurnErrorCode> codeOf(Throwable failure) {
        return Optional.ofNullable(switch (failure) {
            case TurnRejectedException rejected -> rejected.code();
            case SessionBusyException busy -> TurnErrorCode.SESSION_BUSY;
            // our lease lapsed and another turn took over; like a busy session, the client may retry
            case FencedOutException fenced -> TurnErrorCode.SESSION_BUSY;
            case SessionStoreUnavailableException unavailable -> TurnErrorCode.UNAVAILABLE;
            // a session resumed on a version this replica has not cached while the registry is down
            case BotRegistryUnavailableException registryDown -> TurnErrorCode.UNAVAILABLE;
            default -> null;
        });
    }
}
