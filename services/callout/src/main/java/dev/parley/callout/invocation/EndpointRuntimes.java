package dev.parley.callout.invocation;

import dev.parley.callout.CalloutFailure;
import dev.parley.callout.api.CircuitBreakerSettings;
import dev.parley.callout.api.EndpointAuthentication;
import dev.parley.callout.api.EndpointConfig;
import dev.parley.callout.auth.AccessTokens;
import dev.parley.callout.auth.Authenticator;
import dev.parley.callout.auth.OAuthAuthenticator;
import dev.parley.callout.endpoint.EndpointChangeListener;
import dev.parley.callout.endpoint.EndpointStore;
import dev.parley.callout.endpoint.RegistryProperties;
import dev.parley.callout.http.GuardedHttpClient;
import dev.parley.callout.http.TargetProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This replica's built endpoints, keyed by (org, name). An entry older than the registry's refresh interval has its
 * version checked against PostgreSQL in the background on its next use, which meanwhile runs on the copy it has, and
 * is rebuilt (new breaker, bulkhead, retry and HTTP client, registered under the same name {@code org:endpoint}) only
 * when the configuration changed; so breaker state survives refreshes, and no invocation of a known endpoint waits
 * for PostgreSQL (a slow or unreachable database used to hold every caller of the endpoint on its lock). Only the
 * first use of an endpoint loads it while the caller waits. Changes made through this replica take effect at once.
 */
@Component
public class EndpointRuntimes implements EndpointChangeListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EndpointRuntimes.class);

    /** Idempotent methods: retries cannot apply an effect twice. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private record Key(String orgId, String name) {
    }

    private static final class Entry {
        final EndpointRuntime runtime;
        volatile long checkedAtNanos;
        /** Changed through this replica: the next use loads it before calling. */
        volatile boolean changed;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(EndpointRuntime runtime, long checkedAtNanos) {
            this.runtime = runtime;
            this.checkedAtNanos = checkedAtNanos;
        }
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final EndpointStore store;
    private final long refreshNanos;
    private final TargetProperties targets;
    private final ScheduledExecutorService deadlines;
    private final AccessTokens tokens;
    private final JsonMapper json;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final RetryRegistry retries;
    private final MeterRegistry meters;

    EndpointRuntimes(EndpointStore store, RegistryProperties registry, TargetProperties targets,
            ScheduledExecutorService calloutDeadlines, AccessTokens tokens, JsonMapper json,
            CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, RetryRegistry retries, MeterRegistry meters) {
        this.store = store;
        this.refreshNanos = registry.refreshInterval().toNanos();
        this.targets = targets;
        this.deadlines = calloutDeadlines;
        this.tokens = tokens;
        this.json = json;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.retries = retries;
        this.meters = meters;
    }

    /**
     * The org's endpoint, built; empty when the registry has none.
     *
     * @throws DataAccessException when PostgreSQL is unreachable and nothing is cached
     */
    Optional<EndpointRuntime> find(String orgId, String name) {
        Key key = new Key(orgId, name);
        Entry entry = entries.get(key);
        if (entry == null || entry.changed) {
            return load(key);
        }
        if (System.nanoTime() - entry.checkedAtNanos >= refreshNanos && entry.refreshing.compareAndSet(false, true)) {
            Thread.ofVirtual().name("callout-endpoint-refresh").start(() -> {
                try {
                    load(key);
                } catch (RuntimeException e) {
                    log.warn("Refreshing endpoint {} failed; keeping version {}", name, entry.runtime.version(), e);
                } finally {
                    entry.refreshing.set(false);
                }
            });
        }
        return Optional.of(entry.runtime);
    }

    /** Checks the entry's version (or loads the endpoint) unless another caller just did. */
    private Optional<EndpointRuntime> load(Key key) {
        String name = key.name();
        String orgId = key.orgId();
        Entry entry;
        // a lock rather than synchronized: the registry query must not pin a carrier thread (virtual threads, JDK 21)
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            entry = entries.get(key);
            long now = System.nanoTime();
            if (entry != null && !entry.changed && now - entry.checkedAtNanos < refreshNanos) {
                return Optional.of(entry.runtime);
            }
            if (entry != null) {
                try {
                    OptionalLong version = store.version(orgId, name);
                    if (version.isPresent() && version.getAsLong() == entry.runtime.version()) {
                        entry.checkedAtNanos = now;
                        entry.changed = false;
                        return Optional.of(entry.runtime);
                    }
                } catch (DataAccessException e) {
                    // a stale endpoint beats a failed conversation; check again after the next interval
                    log.warn("Endpoint registry unreachable; keeping endpoint {} version {}", name,
                            entry.runtime.version(), e);
                    entry.checkedAtNanos = now;
                    entry.changed = false;
                    return Optional.of(entry.runtime);
                }
            }
            Optional<EndpointConfig> config = store.find(orgId, name);
            if (config.isEmpty()) {
                if (entry != null) {
                    entries.remove(key, entry);
                    unregister(entry.runtime.resilienceName());
                    retire(entry.runtime);
                }
                locks.remove(key);
                return Optional.empty();
            }
            EndpointRuntime built = build(orgId, config.get());
            entries.put(key, new Entry(built, now));
            if (entry != null) {
                retire(entry.runtime);
                log.info("Endpoint {} rebuilt for version {}", name, built.version());
            }
            return Optional.of(built);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void endpointChanged(String orgId, String name) {
        Entry entry = entries.get(new Key(orgId, name));
        if (entry != null) {
            entry.changed = true; // loaded again before the next use
        }
    }

    private EndpointRuntime build(String orgId, EndpointConfig config) {
        String name = orgId + ":" + config.name();
        boolean allowPrivate = Boolean.TRUE.equals(config.allowPrivateNetwork()) && targets.privateNetworkAllowed();
        int maxConcurrent = config.bulkhead().maxConcurrentCalls();
        GuardedHttpClient http = new GuardedHttpClient(allowPrivate, Boolean.TRUE.equals(config.allowHttp()),
                targets.maxRedirects(), config.timeouts().connectMs(), maxConcurrent, deadlines);
        Authenticator authenticator;
        try {
            authenticator = authenticator(orgId, config, http);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
        unregister(name);
        CircuitBreaker breaker = breakers.circuitBreaker(name, breakerConfig(config.circuitBreaker()));
        breaker.getEventPublisher().onStateTransition(event -> {
            log.info("Circuit breaker {} went {}", event.getCircuitBreakerName(), event.getStateTransition());
            Counter.builder("parley.callout.circuitbreaker.transitions")
                    .description("Circuit breaker state transitions per endpoint")
                    .tag("name", event.getCircuitBreakerName())
                    .tag("from", event.getStateTransition().getFromState().name())
                    .tag("to", event.getStateTransition().getToState().name())
                    .register(meters)
                    .increment();
        });
        Bulkhead bulkhead = bulkheads.bulkhead(name, BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrent)
                .maxWaitDuration(Duration.ZERO)
                .build());
        Retry retry = null;
        boolean safe = config.idempotencyKeyHeader() != null || IDEMPOTENT.contains(method(config));
        if (safe && config.retry().maxAttempts() > 1) {
            retry = retries.retry(name, RetryConfig.custom()
                    .maxAttempts(config.retry().maxAttempts())
                    .waitDuration(Duration.ofMillis(config.retry().waitMs()))
                    .retryOnException(e -> e instanceof CalloutFailure failure && failure.retryable())
                    .build());
        }
        return new EndpointRuntime(orgId, config, name, CallPlans.of(config, json), authenticator, http, breaker,
                bulkhead, retry);
    }

    private static String method(EndpointConfig config) {
        return switch (config.kind()) {
            case "http" -> config.http().method();
            case "recordLookup" -> "GET";
            default -> "POST";
        };
    }

    private static CircuitBreakerConfig breakerConfig(CircuitBreakerSettings s) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.slidingWindowSize())
                .minimumNumberOfCalls(s.minimumNumberOfCalls())
                .failureRateThreshold(s.failureRateThreshold())
                .slowCallRateThreshold(s.slowCallRateThreshold())
                .slowCallDurationThreshold(Duration.ofMillis(s.slowCallDurationMs()))
                .waitDurationInOpenState(Duration.ofMillis(s.waitDurationInOpenStateMs()))
                .permittedNumberOfCallsInHalfOpenState(s.permittedCallsInHalfOpenState())
                .recordException(e -> !(e instanceof CalloutFailure failure) || failure.breakerFailure())
                .ignoreException(e -> e instanceof CalloutFailure failure && !failure.breakerFailure())
                .writableStackTraceEnabled(false)
                .build();
    }

    private Authenticator authenticator(String orgId, EndpointConfig config, GuardedHttpClient http) {
        EndpointAuthentication a = config.authentication();
        if (a == null) {
            return Authenticator.NONE;
        }
        long maxBytes = config.maxResponseBytes();
        return switch (a.type()) {
            case "bearer" -> Authenticator.bearer(a.token());
            case "oauthJwtBearer" -> OAuthAuthenticator.jwtBearer(orgId, URI.create(a.tokenUrl()), a.consumerKey(),
                    a.username(), a.audience(), a.privateKey(), http, tokens, json, maxBytes);
            case "oauthClientCredentials" -> OAuthAuthenticator.clientCredentials(orgId, URI.create(a.tokenUrl()),
                    a.clientId(), a.clientSecret(), http, tokens, json, maxBytes);
            default -> Authenticator.NONE;
        };
    }

    private void unregister(String name) {
        breakers.remove(name);
        bulkheads.remove(name);
        retries.remove(name);
    }

    /** Closes a replaced endpoint's HTTP client once calls it may still run are past their longest time limit. */
    private void retire(EndpointRuntime runtime) {
        long delay = runtime.callMillis() + 1_000;
        deadlines.schedule(runtime.http()::close, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        entries.values().forEach(entry -> entry.runtime.http().close());
        entries.clear();
    }
}
