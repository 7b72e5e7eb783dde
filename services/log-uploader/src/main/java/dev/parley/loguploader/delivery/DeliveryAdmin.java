package dev.parley.loguploader.delivery;

import dev.parley.loguploader.delivery.DeliveryStore.Cursor;
import dev.parley.loguploader.delivery.DeliveryStore.Delivery;
import dev.parley.loguploader.destination.DestinationService;
import dev.parley.loguploader.ingest.BatchesStored;
import dev.parley.loguploader.web.ConflictException;
import dev.parley.loguploader.web.InvalidRequestException;
import dev.parley.loguploader.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** What admins see of a destination's deliveries and how they replay them; always within the admin's org. */
@Service
class DeliveryAdmin {

    private static final Set<String> STATUSES = Set.of("pending", "delivered", "dead");

    private final DestinationService destinations;
    private final DeliveryStore store;
    private final DestinationResilience resilience;
    private final LatencyTimeouts timeouts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DeliveryAdmin(DestinationService destinations, DeliveryStore store, DestinationResilience resilience,
            LatencyTimeouts timeouts, Clock clock, ApplicationEventPublisher events) {
        this.destinations = destinations;
        this.store = store;
        this.resilience = resilience;
        this.timeouts = timeouts;
        this.clock = clock;
        this.events = events;
    }

    Page list(String orgId, UUID destinationId, String status, int limit, String cursor) {
        destinations.require(orgId, destinationId);
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidRequestException("status", "status must be one of pending, delivered, dead");
        }
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "limit must be within 1..500, was " + limit);
        }
        List<Delivery> page = store.list(destinationId, status, limit, cursor == null ? null : parse(cursor));
        Delivery last = page.size() == limit ? page.getLast() : null;
        return new Page(page, last == null ? null : last.createdAt().toEpochMilli() * 1000
                + last.createdAt().getNano() / 1000 % 1000 + "_" + last.batchId());
    }

    Delivery get(String orgId, UUID destinationId, UUID batchId) {
        destinations.require(orgId, destinationId);
        return store.find(destinationId, batchId).orElseThrow(() -> notFound(destinationId, batchId));
    }

    Delivery replay(String orgId, UUID destinationId, UUID batchId) {
        destinations.require(orgId, destinationId);
        if (!store.replay(destinationId, batchId, now())) {
            Delivery current = store.find(destinationId, batchId).orElseThrow(() -> notFound(destinationId, batchId));
            throw new ConflictException("BATCH_PENDING", "batch " + batchId + " is " + current.status()
                    + " and will be delivered without a replay");
        }
        events.publishEvent(new BatchesStored(1));
        return store.find(destinationId, batchId).orElseThrow(() -> notFound(destinationId, batchId));
    }

    int replayDead(String orgId, UUID destinationId) {
        destinations.require(orgId, destinationId);
        int replayed = store.replayDead(destinationId, now());
        if (replayed > 0) {
            events.publishEvent(new BatchesStored(replayed));
        }
        return replayed;
    }

    Status status(String orgId, UUID destinationId) {
        destinations.require(orgId, destinationId);
        Map<String, Long> counts = store.counts(destinationId);
        return new Status(counts.get("pending"), counts.get("delivered"), counts.get("dead"),
                resilience.state(destinationId), timeouts.timeout(destinationId).toMillis());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Cursor parse(String cursor) {
        int split = cursor.indexOf('_');
        try {
            long micros = Long.parseLong(cursor.substring(0, split));
            Instant createdAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000);
            return new Cursor(createdAt, UUID.fromString(cursor.substring(split + 1)));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor", "cursor must be a nextCursor this API returned");
        }
    }

    private static NotFoundException notFound(UUID destinationId, UUID batchId) {
        return new NotFoundException("batch " + batchId + " does not exist for log destination " + destinationId);
    }

    /** One page of deliveries, newest first, and where the next page starts (null on the last). */
    record Page(List<Delivery> deliveries, String nextCursor) {
    }

    /** A destination's delivery state in this replica's view. */
    record Status(long pending, long delivered, long dead, String circuitBreaker, long timeoutMillis) {
    }
}
