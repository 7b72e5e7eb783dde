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
import org.springframework.web.util.UriUtils;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    private static final String SESSION_ID = "{sessionId}";
    private static final String SESSION_PREFIX = before(SessionStorePaths.LEASE);
    private static final String LEASE_SUFFIX = after(SessionStorePaths.LEASE);
    private static final String COMMIT_SUFFIX = after(SessionStorePaths.COMMIT);
    private static final String RELEASE_SUFFIX = after(SessionStorePaths.LEASE_RELEASE);

    private final RestClient client;
    private final RestClient leaseClient;
    private final String baseUrl;

    HttpSessionStore(RestClient.Builder builder, SessionStoreProperties properties) {
        this.client = build(builder.clone(), properties, properties.sessionStoreTimeout());
        this.leaseClient = build(builder.clone(), properties, properties.sessionStoreLeaseTimeout());
        String base = properties.sessionStoreUrl().toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static RestClient build(RestClient.Builder builder, SessionStoreProperties properties,
            Duration readTimeout) {
        return builder.baseUrl(properties.sessionStoreUrl().toString())
                .observationRegistry(ObservationRegistry.NOOP)
                .requestFactory(InternalHttpClients.pooled(properties.sessionStoreTimeout(), readTimeout))
                .build();
    }

    private static String before(String template) {
        return template.substring(0, template.indexOf(SESSION_ID));
    }

    private static String after(String template) {
        if (!before(template).equals(before(SessionStorePaths.LEASE))) {
            throw new IllegalStateException("Session routes no longer share one prefix: " + template);
        }
        return template.substring(template.indexOf(SESSION_ID) + SESSION_ID.length());
    }

    /** {@code <base>/internal/v1/sessions/<sessionId><suffix>}, the same URI as the path templates expand to. */
    private URI sessionUri(String sessionId, String suffix) {
        return URI.create(baseUrl + SESSION_PREFIX + UriUtils.encodePathSegment(sessionId, StandardCharsets.UTF_8)
                + suffix);
    }

    @Override
    public LeaseGranted lease(String sessionId, LeaseRequest request) {
        return call("lease session " + sessionId, () -> leaseClient.post()
                .uri(sessionUri(sessionId, LEASE_SUFFIX))
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
                .uri(sessionUri(sessionId, COMMIT_SUFFIX))
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
                .uri(sessionUri(sessionId,
                        RELEASE_SUFFIX.replace("{fencingToken}", Long.toString(fencingToken))))
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
