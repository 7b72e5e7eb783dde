package dev.parley.loguploader.ingest;

import java.util.UUID;

/** One event waiting in a destination's buffer, with the topic position it was read from. */
record BufferedEvent(UUID eventId, int partition, long offset, String json) {
}
