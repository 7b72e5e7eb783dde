package dev.parley.loguploader.destination;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where destinations are kept. Every read and write but {@link #all()} is scoped to one org. */
interface DestinationStore {

    void insert(Destination destination);

    /** Replaces the stored destination; false when it does not exist for that org. */
    boolean update(Destination destination);

    /** False when it did not exist for that org. */
    boolean delete(String orgId, UUID id);

    Optional<Destination> find(String orgId, UUID id);

    List<Destination> list(String orgId);

    int count(String orgId);

    /** Every destination of every org, for the delivery and ingest caches. */
    List<Destination> all();
}
