package dev.parley.loguploader.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;

/**
 * Batch ids: a name-based (version 3) UUID of the destination id and the batch's event ids sorted as strings, so
 * the same events for the same destination always make the same id, whoever batches them and however often.
 */
final class BatchIds {

    private BatchIds() {
    }

    static UUID of(UUID destinationId, Collection<UUID> eventIds) {
        StringBuilder name = new StringBuilder(40 + eventIds.size() * 37).append("parley-log-batch\u0000").append(destinationId);
        eventIds.stream().map(UUID::toString).sorted().forEach(id -> name.append('\u0000').append(id));
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
