package dev.parley.loguploader.delivery;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each destination's connect and response timeout, derived from its recent successful deliveries: the multiplier
 * × their median latency, kept between the floor and the ceiling. A destination without history gets the initial
 * timeout. Kept in memory per replica; a restart starts over from the initial timeout.
 */
final class LatencyTimeouts {

    private final Duration floor;
    private final Duration ceiling;
    private final Duration initial;
    private final double multiplier;
    private final int samples;
    private final ConcurrentHashMap<UUID, Window> windows = new ConcurrentHashMap<>();

    LatencyTimeouts(Duration floor, Duration ceiling, Duration initial, double multiplier, int samples) {
        this.floor = floor;
        this.ceiling = ceiling;
        this.initial = initial;
        this.multiplier = multiplier;
        this.samples = samples;
    }

    Duration timeout(UUID destinationId) {
        Window window = windows.get(destinationId);
        long median = window == null ? -1 : window.medianNanos();
        if (median < 0) {
            return initial;
        }
        Duration derived = Duration.ofNanos(Math.round(median * multiplier));
        return derived.compareTo(floor) < 0 ? floor : derived.compareTo(ceiling) > 0 ? ceiling : derived;
    }

    void recordSuccess(UUID destinationId, Duration latency) {
        windows.computeIfAbsent(destinationId, id -> new Window(samples)).add(latency.toNanos());
    }

    void forget(UUID destinationId) {
        windows.remove(destinationId);
    }

    /** The most recent latencies, oldest overwritten first. */
    private static final class Window {

        private final long[] values;
        private int next;
        private int size;

        Window(int capacity) {
            values = new long[capacity];
        }

        synchronized void add(long nanos) {
            values[next] = nanos;
            next = (next + 1) % values.length;
            size = Math.min(size + 1, values.length);
        }

        synchronized long medianNanos() {
            if (size == 0) {
                return -1;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
        }
    }
}
