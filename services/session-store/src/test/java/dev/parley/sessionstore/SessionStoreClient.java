package dev.parley.sessionstore;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.CommitResult;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.OutboxAck;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.api.SessionRecord;
import dev.parley.sessionstore.api.SessionStorePaths;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Calls session-store over real HTTP with the internal credential and keeps every status, 4xx included. */
final class SessionStoreClient {

    static final String CREDENTIAL_HEADER = "X-Parley-Internal-Credential";
    static final String CREDENTIAL = "test-credential";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient rest;

    SessionStoreClient(int port) {
        // HTTP/1.1 like the runtime's client: the JDK client's default h2c upgrade attempt only adds latency here
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        this.rest = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(http)).build();
    }

    static String newSessionId() {
        return "s-" + UUID.randomUUID();
    }

    static LeaseRequest leaseRequest(String messageKey, long ttlMillis, long waitMillis) {
        return new LeaseRequest("test-" + Thread.currentThread().getName(), ttlMillis, waitMillis, messageKey);
    }

    static CommitRequest commitRequest(String sessionId, long token, String messageKey, String stateJson,
            List<OutboxEntry> events, long idleTimeoutMillis) {
        return new CommitRequest(token,
                new SessionRecord(sessionId, "org-1", "bot-1", "v1", "ACTIVE", stateJson, 0), messageKey,
                "{\"reply\":\"" + messageKey + "\"}", events, idleTimeoutMillis);
    }

    static OutboxEntry event(String sessionId) {
        UUID id = UUID.randomUUID();
        return new OutboxEntry(id, "parley.turn-events", sessionId,
                "{\"eventId\":\"" + id + "\",\"n\":" + ThreadLocalRandom.current().nextInt(1000) + "}", 0);
    }

    Response lease(String sessionId, LeaseRequest request) {
        return call(HttpMethod.POST, path(SessionStorePaths.LEASE, sessionId), request, CREDENTIAL);
    }

    LeaseGranted granted(String sessionId, LeaseRequest request) {
        return lease(sessionId, request).expect(200, LeaseGranted.class);
    }

    Response commit(String sessionId, CommitRequest request) {
        return call(HttpMethod.POST, path(SessionStorePaths.COMMIT, sessionId), request, CREDENTIAL);
    }

    CommitResult committed(String sessionId, CommitRequest request) {
        return commit(sessionId, request).expect(200, CommitResult.class);
    }

    Response release(String sessionId, Object fencingToken) {
        return call(HttpMethod.DELETE,
                path(SessionStorePaths.LEASE_RELEASE, sessionId).replace("{fencingToken}", fencingToken.toString()),
                null, CREDENTIAL);
    }

    Response outbox(String query) {
        return call(HttpMethod.GET, SessionStorePaths.OUTBOX + query, null, CREDENTIAL);
    }

    List<OutboxEntry> outboxEntries(String query) {
        Response response = outbox(query);
        if (response.status() != 200) {
            throw new AssertionError("expected 200, got " + response);
        }
        return JSON.readValue(response.body(), new TypeReference<List<OutboxEntry>>() { });
    }

    Response ack(OutboxAck ack) {
        return call(HttpMethod.POST, SessionStorePaths.OUTBOX_ACKS, ack, CREDENTIAL);
    }

    /** Any call; {@code body} is sent as is when it is a String, else as JSON; no header when credential is null. */
    Response call(HttpMethod method, String path, Object body, String credential) {
        RestClient.RequestBodySpec spec = rest.method(method).uri(path);
        if (credential != null) {
            spec.header(CREDENTIAL_HEADER, credential);
        }
        if (body != null) {
            spec.contentType(MediaType.APPLICATION_JSON)
                    .body(body instanceof String s ? s : JSON.writeValueAsString(body));
        }
        return spec.exchange((request, response) -> new Response(response.getStatusCode().value(),
                StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8),
                response.getHeaders().getFirst("Content-Type")));
    }

    private static String path(String template, String sessionId) {
        return template.replace("{sessionId}", sessionId);
    }

    /** One HTTP answer. */
    record Response(int status, String body, String contentType) {

        <T> T expect(int expectedStatus, Class<T> type) {
            if (status != expectedStatus) {
                throw new AssertionError("expected " + expectedStatus + ", got " + this);
            }
            return JSON.readValue(body, type);
        }

        Map<String, Object> problem() {
            return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
        }
    }
}
