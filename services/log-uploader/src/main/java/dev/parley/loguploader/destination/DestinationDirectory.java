package dev.parley.loguploader.destination;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every destination in memory, for the hot paths (routing each event, checking each delivery). Re-read on a fixed
 * delay, and at once after this replica changes one; another replica's change shows within the refresh interval.
 */
@Component
public class DestinationDirectory {

    private static final Logger log = LoggerFactory.getLogger(DestinationDirectory.class);

    private final DestinationStore store;
    private volatile Snapshot snapshot;

    DestinationDirectory(DestinationStore store) {
        this.store = store;
    }

    /** The enabled destinations of this org that take events of this bot. */
    public List<Destination> matching(String orgId, String botId) {
        List<Destination> ofOrg = snapshot().byOrg().getOrDefault(orgId, List.of());
        if (ofOrg.isEmpty()) {
            return ofOrg;
        }
        return ofOrg.stream().filter(d -> d.accepts(botId)).toList();
    }

    /** The destination with this id, enabled or not. */
    public Optional<Destination> byId(UUID id) {
        return Optional.ofNullable(snapshot().byId().get(id));
    }

    /** Re-reads every destination now. */
    @Scheduled(fixedDelayString = "${parley.log-uploader.destinations.refresh-interval:2s}")
    public void refresh() {
        try {
            snapshot = Snapshot.of(store.all());
        } catch (RuntimeException e) {
            if (snapshot == null) {
                throw e;
            }
            log.warn("Could not refresh destinations; keeping the ones read before", e);
        }
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = Snapshot.of(store.all());
                }
                current = snapshot;
            }
        }
        return current;
    }

    private record Snapshot(Map<String, List<Destination>> byOrg, Map<UUID, Destination> byId) {

        static Snapshot of(List<Destination> all) {
            Map<String, List<Destination>> byOrg = new HashMap<>();
            Map<UUID, Destination> byId = new HashMap<>();
            for (Destination d : all) {
                byId.put(d.id(), d);
                if (d.enabled()) {
                    byOrg.computeIfAbsent(d.orgId(), k -> new ArrayList<>()).add(d);
                }
            }
            byOrg.replaceAll((org, list) -> List.copyOf(list));
            return new Snapshot(Map.copyOf(byOrg), Map.copyOf(byId));
        }
    }
}
