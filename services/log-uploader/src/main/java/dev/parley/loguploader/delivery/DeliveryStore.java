package dev.parley.loguploader.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The delivery side of the stored batches: claims, outcomes, and what admins see and replay. */
interface DeliveryStore {

    /**
     * Reads up to {@code scan} due batches of enabled destinations outside {@code excluded}, lets {@code choose}
     * pick which to take, and claims those still due for {@code lease}, skipping rows another worker has locked.
     */
    List<ClaimedBatch> claim(Instant now, Duration lease, String owner, int scan, Set<UUID> excluded,
            Function<List<Candidate>, List<UUID>> choose);

    /**
     * Moves a destination's unclaimed pending batches due before {@code until} to random times within
     * {@code until .. until + spread}: its breaker opened, and when it closes they should not all come at once.
     */
    int park(UUID destinationId, Instant until, Duration spread);

    /** The outcome updates answer false when the claim was lost (it lapsed and another worker took the batch). */
    boolean delivered(ClaimedBatch batch, Instant at, int httpStatus);

    boolean retryLater(ClaimedBatch batch, Instant at, Instant next, Integer httpStatus, String error);

    boolean dead(ClaimedBatch batch, Instant at, Integer httpStatus, String error);

    /** Gives a claimed batch back without counting an attempt. */
    boolean release(ClaimedBatch batch, Instant next);

    List<Delivery> list(UUID destinationId, String status, int limit, Cursor after);

    Optional<Delivery> find(UUID destinationId, UUID batchId);

    /** Makes a delivered or dead batch pending again with a fresh retry budget; false when it is pending. */
    boolean replay(UUID destinationId, UUID batchId, Instant now);

    int replayDead(UUID destinationId, Instant now);

    /** Batches of this destination per status. */
    Map<String, Long> counts(UUID destinationId);

    /** Pending batches and how long the oldest due one has waited. */
    Backlog backlog(Instant now);

    /** A due batch before it is claimed. */
    record Candidate(UUID id, UUID destinationId) {
    }

    /** A position in a listing: the last row's creation time and id. */
    record Cursor(Instant createdAt, UUID id) {
    }

    /** What pending work there is. */
    record Backlog(long pending, Duration oldestDueAge) {
    }

    /** A batch as admins see it. */
    record Delivery(UUID batchId, UUID destinationId, String status, int eventCount, int attempts, int replays,
            Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Integer lastHttpStatus,
            String lastError, Instant finishedAt, boolean claimed) {
    }
}
