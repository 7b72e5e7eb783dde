package dev.parley.loguploader.destination;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A destination as the API returns it: the secret never, only whether one is set. */
record DestinationView(UUID id, String orgId, String name, String url, String authHeaderName, boolean authHeaderSet,
        List<String> botIds, boolean enabled, int batchSize, int lingerMillis, Instant createdAt, Instant updatedAt) {

    static DestinationView of(Destination d) {
        return new DestinationView(d.id(), d.orgId(), d.name(), d.url().toString(),
                d.authHeaderValue() == null ? null : d.authHeaderName(), d.authHeaderValue() != null, d.botIds(),
                d.enabled(), d.batchSize(), d.lingerMillis(), d.createdAt(), d.updatedAt());
    }
}
