package dev.parley.gateway.widget;

import org.springframework.http.HttpStatus;

/** A protocol frame that is not valid JSON, has an unknown type, or lacks or oversteps a field. */
class InvalidFrameException extends WidgetRejectedException {

    private final String frameId;

    InvalidFrameException(String message) {
        this(null, message);
    }

    InvalidFrameException(String frameId, String message) {
        super(message);
        this.frameId = frameId;
    }

    /** The refused frame's id when it had a usable one. */
    String frameId() {
        return frameId;
    }

    @Override
    HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    String code() {
        return "invalid_frame";
    }
}
