package dev.parley.runtime.sessionstore;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.CommitResult;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.api.SessionRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A single-process stand-in for session-store with its contract's semantics (one lease at a time, fencing tokens,
 * recorded replies, outbox), for unit tests. It never waits: a taken lease answers busy at once.
 */
public class InMemorySessionStore implements SessionStore {

    private final Map<String, SessionRecord> sessions = new HashMap<>();
    private final Map<String, String> replies = new HashMap<>();
    private final Map<String, Long> liveLeases = new HashMap<>();
    private final Map<UUID, OutboxEntry> outbox = new LinkedHashMap<>();
    private final List<CommitRequest> commits = new ArrayList<>();
    private final List<CommitRequest> attempts = new ArrayList<>();
    private final AtomicInteger releases = new AtomicInteger();
    private long nextToken = 1;
    private int failNextCommits;

    @Override
    public synchronized LeaseGranted lease(String sessionId, LeaseRequest request) {
        String reply = replies.get(sessionId + "|" + request.messageKey());
        if (reply != null) {
            return new LeaseGranted(sessionId, 0, 0, sessions.get(sessionId), reply);
        }
        if (liveLeases.containsKey(sessionId)) {
            throw new SessionBusyException(sessionId);
        }
        long token = nextToken++;
        liveLeases.put(sessionId, token);
        return new LeaseGranted(sessionId, token, System.currentTimeMillis() + request.ttlMillis(),
                sessions.get(sessionId), null);
    }

    @Override
    public synchronized CommitResult commit(String sessionId, CommitRequest request) {
        attempts.add(request);
        if (failNextCommits > 0) {
            failNextCommits--;
            throw new SessionStoreUnavailableException("commit failed on purpose", null);
        }
        Long live = liveLeases.get(sessionId);
        if (live == null || live != request.fencingToken()) {
            throw new FencedOutException(sessionId, request.fencingToken());
        }
        liveLeases.remove(sessionId);
        SessionRecord previous = sessions.get(sessionId);
        long version = previous == null ? 1 : previous.version() + 1;
        SessionRecord in = request.session();
        sessions.put(sessionId, new SessionRecord(sessionId, in.orgId(), in.botId(), in.botVersion(), in.status(),
                in.stateJson(), version));
        replies.put(sessionId + "|" + request.messageKey(), request.replyJson());
        long now = System.currentTimeMillis();
        request.events().forEach(e -> outbox.put(e.eventId(),
                new OutboxEntry(e.eventId(), e.topic(), e.key(), e.payloadJson(), now)));
        commits.add(request);
        return new CommitResult(sessionId, version);
    }

    @Override
    public synchronized void release(String sessionId, long fencingToken) {
        releases.incrementAndGet();
        liveLeases.remove(sessionId, fencingToken);
    }

    @Override
    public synchronized List<OutboxEntry> outboxOlderThan(Duration age, int limit) {
        long cutoff = System.currentTimeMillis() - age.toMillis();
        return outbox.values().stream().filter(e -> e.committedAtEpochMillis() <= cutoff).limit(limit).toList();
    }

    @Override
    public synchronized void ack(List<UUID> eventIds) {
        eventIds.forEach(outbox::remove);
    }

    /** Makes the next {@code count} commits fail as if session-store were unreachable. */
    public synchronized void failNextCommits(int count) {
        failNextCommits = count;
    }

    public synchronized SessionRecord session(String sessionId) {
        return sessions.get(sessionId);
    }

    public synchronized List<CommitRequest> commits() {
        return List.copyOf(commits);
    }

    /** Every commit tried, failed ones included. */
    public synchronized List<CommitRequest> attempts() {
        return List.copyOf(attempts);
    }

    public synchronized boolean leased(String sessionId) {
        return liveLeases.containsKey(sessionId);
    }

    public synchronized List<OutboxEntry> outbox() {
        return List.copyOf(outbox.values());
    }

    public int releases() {
        return releases.get();
    }
}
