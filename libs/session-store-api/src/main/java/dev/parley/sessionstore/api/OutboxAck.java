package dev.parley.sessionstore.api;

import java.util.List;
import java.util.UUID;

/** Removes published events from the outbox. Unknown ids are ignored, so an ack can be repeated. */
public record OutboxAck(List<UUID> eventIds) {
}
