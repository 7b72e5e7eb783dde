package dev.parley.loguploader.ingest;

import dev.parley.loguploader.destination.Destination;
import java.util.List;

/** Events of one destination, in the order they were read, ready to become a stored batch. */
record PendingBatch(Destination destination, List<BufferedEvent> events) {

    PendingBatch {
        events = List.copyOf(events);
    }
}
