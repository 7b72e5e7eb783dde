package dev.parley.runtime.sessionstore;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.CommitResult;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.OutboxAck;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.api.SessionStorePaths;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import dev.parley.platform.client.InternalHttpClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link SessionStore} over session-store's internal HTTP API, with clients built from the platform's
 * {@link RestClient.Builder} (request id and internal credential forwarded). Two calls of every turn go through here,
 * so the per-call framework work is kept small: URIs are concatenated instead of expanded from templates, and the
 * calls are not observed as {@code http.client.requests} (session-store's {@code http.server.requests} and the
 * runtime's {@code parley.runtime.turn.latency} time them; together the two cost 10% of the runtime's CPU).
 */
@Component
class HttpSessionStore implements SessionStore {

    private static final ParameterizedTypeReference<List<OutboxEntry>> OUTBOX_ENTRIES =
            new ParameterizedTypeReference<>() {
            };

    private final RestClient client;
    private final RestClient leaseClient;
    private final String baseUrl;

    HttpSessionStore(RestClient.Builder builder, SessionStoreProperties properties) {
        this.client = build(builder.clone(), properties, properties.sessionStoreTimeout());
        this.leaseClient = build(builder.clone(), properties, properties.sessionStoreLeaseTimeout());
        this.baseUrl = properties.sessionStoreUrl().toString();
    }

    private static RestClient build(RestClient.Builder builder, SessionStoreProperties properties,
            Duration readTimeout) {
        return builder.baseUrl(properties.sessionStoreUrl().toString())
                .observationRegistry(ObservationRegistry.NOOP)
                .requestFactory(InternalHttpClients.pooled(properties.sessionStoreTimeout(), readTimeout))
                .build();
    }

    @Override
    public LeaseGranted lease(String sessionId, LeaseRequest request) {
        return call("lease session " + sessionId, () -> leaseClient.post()
                .uri(InternalHttpClients.uri(baseUrl, SessionStorePaths.LEASE, sessionId))
                .body(request)
                .retrieve()
                .onStatus(s -> s.value() == HttpStatus.LOCKED.value(), (req, res) -> {
                    throw new SessionBusyException(sessionId);
                })
                .body(LeaseGranted.class));
    }

    @Override
    public CommitResult commit(String sessionId, CommitRequest request) {
        return call("commit session " + sessionId, () -> client.post()
                .uri(InternalHttpClients.uri(baseUrl, SessionStorePaths.COMMIT, sessionId))
                .body(request)
                .retrieve()
                .onStatus(s -> s.value() == HttpStatus.CONFLICT.value(), (req, res) -> {
                    throw new FencedOutException(sessionId, request.fencingToken());
                })
                .body(CommitResult.class));
    }

    @Override
    public void release(String sessionId, long fencingToken) {
        call("release the lease of session " + sessionId, () -> client.delete()
                .uri(InternalHttpClients.uri(baseUrl, SessionStorePaths.LEASE_RELEASE, sessionId, fencingToken))
                .retrieve()
                .toBodilessEntity());
    }

    @Override
    public List<OutboxEntry> outboxOlderThan(Duration age, int limit) {
        List<OutboxEntry> entries = call("read the outbox", () -> client.get()
                .uri(b -> b.path(SessionStorePaths.OUTBOX)
                        .queryParam("olderThanMillis", age.toMillis())
                        .queryParam("limit", limit)
                        .build())
                .retrieve()
                .body(OUTBOX_ENTRIES));
        return entries == null ? List.of() : entries;
    }

    @Override
    public void ack(List<UUID> eventIds) {
        call("acknowledge " + eventIds.size() + " outbox entries", () -> client.post()
                .uri(SessionStorePaths.OUTBOX_ACKS)
                .body(new OutboxAck(eventIds))
                .retrieve()
                .toBodilessEntity());
    }

    private static <T> T call(String what, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RestClientException e) {
            // 4xx other than 409/423 is a contract mismatch; like 5xx and I/O errors it leaves the dependency unusable
            throw new SessionStoreUnavailableException("Could not " + what + " in session-store: " + e.getMessage(), e);
        }
        if (result == null) {
            throw new SessionStoreUnavailableException("session-store answered no body to: " + what, null);
        }
        return result;
    }
}
