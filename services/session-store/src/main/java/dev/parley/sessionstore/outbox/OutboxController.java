package dev.parley.sessionstore.outbox;

import dev.parley.sessionstore.api.OutboxAck;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.api.SessionStorePaths;
import dev.parley.sessionstore.web.InvalidRequestException;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The outbox routes: the sweeper lists what is left unpublished and acknowledges what it published. */
@RestController
class OutboxController {

    static final int MAX_LIMIT = 1_000;

    private final OutboxStore outbox;

    OutboxController(OutboxStore outbox) {
        this.outbox = outbox;
    }

    @GetMapping(SessionStorePaths.OUTBOX)
    List<OutboxEntry> list(@RequestParam(defaultValue = "0") long olderThanMillis,
            @RequestParam(defaultValue = "100") int limit) {
        if (olderThanMillis < 0) {
            throw new InvalidRequestException("olderThanMillis", "must not be negative, was " + olderThanMillis);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be within 1.." + MAX_LIMIT + ", was " + limit);
        }
        return outbox.committedBefore(olderThanMillis, limit);
    }

    @PostMapping(SessionStorePaths.OUTBOX_ACKS)
    ResponseEntity<Void> ack(@RequestBody OutboxAck ack) {
        if (ack.eventIds() == null) {
            throw new InvalidRequestException("eventIds", "is required");
        }
        if (ack.eventIds().size() > MAX_LIMIT) {
            throw new InvalidRequestException("eventIds", "must hold at most " + MAX_LIMIT + " ids");
        }
        if (ack.eventIds().stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequestException("eventIds", "must not contain null");
        }
        outbox.remove(ack.eventIds());
        return ResponseEntity.noContent().build();
    }
}
