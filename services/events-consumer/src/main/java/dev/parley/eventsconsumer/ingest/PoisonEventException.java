package dev.parley.eventsconsumer.ingest;

/** A record on the turn-events topic that is not a turn event this service can read; it is dead-lettered. */
class PoisonEventException extends RuntimeException {

    PoisonEventException(String problem) {
        super(problem);
    }
}
