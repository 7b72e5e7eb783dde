package dev.parley.gateway.widget;

import org.springframework.http.HttpStatus;

/** A widget asset that does not exist (an old script hash, the demo page when it is off). */
class UnknownAssetException extends WidgetRejectedException {

    UnknownAssetException(String asset) {
        super("No widget asset " + asset);
    }

    @Override
    HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    String code() {
        return "not_found";
    }
}
