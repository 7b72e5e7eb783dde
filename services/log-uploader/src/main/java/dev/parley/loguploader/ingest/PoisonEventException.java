package dev.parley.loguploader.ingest;

/** A record of the turn-events topic that cannot be a turn event; it goes to the dead-letter topic. */
class PoisonEventException extends RuntimeException {

    PoisonEventException(String message) {
        super(message);
    }
}
