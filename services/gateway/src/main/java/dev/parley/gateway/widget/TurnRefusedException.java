package dev.parley.gateway.widget;

import org.springframework.http.HttpStatus;

/** The runtime refused the message for good (e.g. a choice that is no longer offered, a bot without a version). */
class TurnRefusedException extends WidgetRejectedException {

    TurnRefusedException(String message) {
        super(message);
    }

    @Override
    HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    @Override
    String code() {
        return "refused";
    }
}
