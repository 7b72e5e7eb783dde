package dev.parley.loguploader.delivery;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/**
 * A circuit breaker and a bulkhead per destination (named by its id), so one dead or slow destination is skipped
 * instead of occupying the workers. Breakers read the injected clock, so their open wait follows a test's clock.
 */
@Component
class DestinationResilience {

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final Clock clock;
    private final Duration openWait;
    private final int halfOpenCalls;
    private final int maxConcurrent;
    /** Until when each open breaker refuses calls; after that it lets trial calls through. */
    private final ConcurrentHashMap<String, Instant> openUntil = new ConcurrentHashMap<>();
    private volatile BiConsumer<UUID, Instant> onOpened = (destination, until) -> { };

    DestinationResilience(DeliveryProperties properties, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.openWait = properties.breakerOpenWait();
        this.halfOpenCalls = properties.breakerHalfOpenCalls();
        this.maxConcurrent = properties.maxConcurrentPerDestination();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.breakerWindow())
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(properties.breakerFailureRate())
                .waitDurationInOpenState(properties.breakerOpenWait())
                .permittedNumberOfCallsInHalfOpenState(properties.breakerHalfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .clock(clock)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrentPerDestination())
                .maxWaitDuration(Duration.ZERO)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder("parley.log_uploader.breakers", this, r -> r.count(state))
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .description("Destinations whose circuit breaker (in this replica) is in this state")
                    .register(meters);
        }
    }

    CircuitBreaker breaker(UUID destinationId) {
        String name = destinationId.toString();
        return breakers.find(name).orElseGet(() -> {
            CircuitBreaker breaker = breakers.circuitBreaker(name);
            breaker.getEventPublisher().onStateTransition(event -> {
                if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                    Instant until = clock.instant().plus(openWait);
                    openUntil.put(name, until);
                    onOpened.accept(destinationId, until);
                } else {
                    openUntil.remove(name);
                }
            });
            return breaker;
        });
    }

    /** Runs when a destination's breaker opens, with the time it starts letting trial calls through. */
    void onOpened(BiConsumer<UUID, Instant> hook) {
        this.onOpened = hook;
    }

    Bulkhead bulkhead(UUID destinationId) {
        return bulkheads.bulkhead(destinationId.toString());
    }

    /**
     * Destinations not worth claiming batches for now: breaker open and still waiting, half-open with its trial
     * calls under way, or bulkhead full.
     */
    Set<UUID> unavailable() {
        Instant now = clock.instant();
        Set<UUID> unavailable = new HashSet<>();
        for (CircuitBreaker breaker : breakers.getAllCircuitBreakers()) {
            CircuitBreaker.State state = breaker.getState();
            Instant until = openUntil.get(breaker.getName());
            boolean waiting = state == CircuitBreaker.State.OPEN && until != null && now.isBefore(until);
            // every call of this replica holds a bulkhead slot, so the slots in use are the calls under way
            boolean trialsBusy = state == CircuitBreaker.State.HALF_OPEN
                    && maxConcurrent - available(UUID.fromString(breaker.getName())) >= halfOpenCalls;
            if (state == CircuitBreaker.State.FORCED_OPEN || waiting || trialsBusy) {
                unavailable.add(UUID.fromString(breaker.getName()));
            }
        }
        for (Bulkhead bulkhead : bulkheads.getAllBulkheads()) {
            if (bulkhead.getMetrics().getAvailableConcurrentCalls() == 0) {
                unavailable.add(UUID.fromString(bulkhead.getName()));
            }
        }
        return unavailable;
    }

    /** The breaker's state, {@code CLOSED} for a destination never called. */
    String state(UUID destinationId) {
        return breakers.find(destinationId.toString()).map(b -> b.getState().name()).orElse("CLOSED");
    }

    /** Deliveries to this destination this replica may still start now. */
    int available(UUID destinationId) {
        return bulkheads.find(destinationId.toString()).map(b -> b.getMetrics().getAvailableConcurrentCalls())
                .orElse(bulkheads.getDefaultConfig().getMaxConcurrentCalls());
    }

    /** Drops a deleted destination's breaker and bulkhead (and their meters). */
    void forget(UUID destinationId) {
        String name = destinationId.toString();
        breakers.remove(name);
        bulkheads.remove(name);
        openUntil.remove(name);
    }

    Set<UUID> known() {
        Set<UUID> known = new HashSet<>();
        breakers.getAllCircuitBreakers().forEach(b -> known.add(UUID.fromString(b.getName())));
        bulkheads.getAllBulkheads().forEach(b -> known.add(UUID.fromString(b.getName())));
        return known;
    }

    private double count(CircuitBreaker.State state) {
        return breakers.getAllCircuitBreakers().stream().filter(b -> b.getState() == state).count();
    }
}
