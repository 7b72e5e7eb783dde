package dev.parley.sessionstore.session;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.api.SessionRecord;
import dev.parley.sessionstore.outbox.OutboxKeys;
import dev.parley.sessionstore.redis.LuaScripts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@link SessionStore} on Redis: every operation is one Lua script, so each is atomic. */
@Component
class RedisSessionStore implements SessionStore {

    /** Lease releases and commits publish the session id here; waiters of every replica listen. */
    static final String RELEASE_CHANNEL = "parley:lease-released";

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LEASE = script("redis/lease.lua");
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> COMMIT = script("redis/commit.lua");
    private static final RedisScript<Long> LEAVE_QUEUE =
            LuaScripts.load("redis/leave-queue.lua", Long.class);
    private static final RedisScript<Long> RELEASE =
            LuaScripts.load("redis/release.lua", Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RedisSessionStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public LeaseAttempt tryLease(String sessionId, String waiterId, String holder, long ttlMillis, String messageKey,
            Duration waiterLiveness) {
        SessionKeys keys = SessionKeys.of(sessionId);
        List<?> result = redis.execute(LEASE, keys.all(), waiterId, holder, Long.toString(ttlMillis), messageKey,
                Long.toString(waiterLiveness.toMillis()), RELEASE_CHANNEL, sessionId);
        String outcome = string(result, 0);
        return switch (outcome) {
            case "GRANTED" -> new LeaseAttempt.Granted(number(result, 1), number(result, 2),
                    session(sessionId, result, 3));
            case "REPLAY" -> new LeaseAttempt.Replayed(string(result, 1), session(sessionId, result, 2));
            case "QUEUED" -> new LeaseAttempt.Queued((int) number(result, 1));
            default -> throw new IllegalStateException("lease script answered " + result);
        };
    }

    @Override
    public void leaveQueue(String sessionId, String waiterId) {
        SessionKeys keys = SessionKeys.of(sessionId);
        redis.execute(LEAVE_QUEUE, List.of(keys.queue(), keys.lease()), waiterId, RELEASE_CHANNEL, sessionId);
    }

    @Override
    public CommitOutcome commit(String sessionId, CommitRequest request) {
        SessionKeys keys = SessionKeys.of(sessionId);
        SessionRecord session = request.session();
        List<String> args = new ArrayList<>();
        args.add(Long.toString(request.fencingToken()));
        args.add(request.messageKey());
        args.add(request.replyJson());
        args.add(Long.toString(request.idleTimeoutMillis()));
        args.add(session.orgId());
        args.add(session.botId());
        args.add(session.botVersion());
        args.add(session.status());
        args.add(session.stateJson());
        args.add(RELEASE_CHANNEL);
        args.add(sessionId);
        for (OutboxEntry event : request.events() == null ? List.<OutboxEntry>of() : request.events()) {
            args.add(event.eventId().toString());
            args.add(entryWithoutCommitTime(event));
        }
        List<?> result = redis.execute(COMMIT,
                List.of(keys.lease(), keys.fence(), keys.state(), keys.replies(), OutboxKeys.INDEX, OutboxKeys.EVENTS,
                        keys.queue()),
                args.toArray());
        return switch (string(result, 0)) {
            case "COMMITTED" -> new CommitOutcome.Committed(number(result, 1), number(result, 2));
            case "FENCED" -> new CommitOutcome.FencedOut();
            case "ORG_MISMATCH" -> new CommitOutcome.OrgMismatch(string(result, 1));
            default -> throw new IllegalStateException("commit script answered " + result);
        };
    }

    @Override
    public boolean release(String sessionId, long fencingToken) {
        Long released = redis.execute(RELEASE, List.of(SessionKeys.of(sessionId).lease()),
                Long.toString(fencingToken), RELEASE_CHANNEL, sessionId);
        return released != null && released == 1L;
    }

    /**
     * The entry's JSON without its closing brace: the commit script appends the commit time taken from the Redis
     * clock, so that the stored entry and its score in the index agree.
     */
    private String entryWithoutCommitTime(OutboxEntry event) {
        String full = json.writeValueAsString(
                new PendingEntry(event.eventId(), event.topic(), event.key(), event.payloadJson()));
        return full.substring(0, full.lastIndexOf('}'));
    }

    private static SessionRecord session(String sessionId, List<?> result, int from) {
        if (result.size() < from + 6) {
            return null;
        }
        return new SessionRecord(sessionId, string(result, from), string(result, from + 1), string(result, from + 2),
                string(result, from + 3), string(result, from + 4), number(result, from + 5));
    }

    private static String string(List<?> result, int index) {
        Object value = result.get(index);
        return value == null ? null : value.toString();
    }

    private static long number(List<?> result, int index) {
        Object value = result.get(index);
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }

    @SuppressWarnings("rawtypes")
    private static RedisScript<List> script(String path) {
        return LuaScripts.load(path, List.class);
    }

    /** The stored outbox entry minus {@code committedAtEpochMillis}, which the script adds. */
    private record PendingEntry(UUID eventId, String topic, String key, String payloadJson) {
    }
}
