package dev.parley.sessionstore.session;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.api.SessionRecord;
import dev.parley.sessionstore.web.InvalidRequestException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The limits of the session routes; each check names the offending field. */
final class SessionRequests {

    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    static final long MIN_TTL_MILLIS = 100;
    static final long MAX_TTL_MILLIS = 60_000;
    static final long MAX_WAIT_MILLIS = 30_000;
    static final int MAX_MESSAGE_KEY_LENGTH = 128;
    static final int MAX_HOLDER_LENGTH = 200;
    static final int MAX_NAME_LENGTH = 128;
    static final long MIN_IDLE_TIMEOUT_MILLIS = 1_000;
    static final long MAX_IDLE_TIMEOUT_MILLIS = 7L * 24 * 60 * 60 * 1000;
    static final int MAX_EVENTS = 1_000;
    static final Set<String> STATUSES = Set.of("ACTIVE", "ENDED");

    private SessionRequests() {
    }

    static void checkSessionId(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw new InvalidRequestException("sessionId", "must be 1 to 64 characters of A-Z, a-z, 0-9 and '-'");
        }
    }

    static void checkLease(LeaseRequest request) {
        if (request.holder() != null && request.holder().length() > MAX_HOLDER_LENGTH) {
            throw new InvalidRequestException("holder", "must be at most " + MAX_HOLDER_LENGTH + " characters");
        }
        if (request.ttlMillis() < MIN_TTL_MILLIS || request.ttlMillis() > MAX_TTL_MILLIS) {
            throw new InvalidRequestException("ttlMillis",
                    "must be within " + MIN_TTL_MILLIS + ".." + MAX_TTL_MILLIS + ", was " + request.ttlMillis());
        }
        if (request.waitMillis() < 0 || request.waitMillis() > MAX_WAIT_MILLIS) {
            throw new InvalidRequestException("waitMillis",
                    "must be within 0.." + MAX_WAIT_MILLIS + ", was " + request.waitMillis());
        }
        checkMessageKey(request.messageKey());
    }

    static void checkCommit(String sessionId, CommitRequest request) {
        if (request.fencingToken() <= 0) {
            throw new InvalidRequestException("fencingToken", "must be a token from a granted lease, was "
                    + request.fencingToken());
        }
        SessionRecord session = request.session();
        if (session == null) {
            throw new InvalidRequestException("session", "is required");
        }
        if (session.sessionId() != null && !session.sessionId().equals(sessionId)) {
            throw new InvalidRequestException("session.sessionId", "must be the session of the path, was "
                    + session.sessionId());
        }
        checkName("session.orgId", session.orgId());
        checkName("session.botId", session.botId());
        checkName("session.botVersion", session.botVersion());
        if (session.status() == null || !STATUSES.contains(session.status())) {
            throw new InvalidRequestException("session.status", "must be ACTIVE or ENDED, was " + session.status());
        }
        if (session.stateJson() == null) {
            throw new InvalidRequestException("session.stateJson", "is required");
        }
        checkMessageKey(request.messageKey());
        if (request.replyJson() == null) {
            throw new InvalidRequestException("replyJson", "is required");
        }
        List<OutboxEntry> events = request.events() == null ? List.of() : request.events();
        if (events.size() > MAX_EVENTS) {
            throw new InvalidRequestException("events", "must hold at most " + MAX_EVENTS + " events");
        }
        for (int i = 0; i < events.size(); i++) {
            checkEvent("events[" + i + "]", events.get(i));
        }
        if (request.idleTimeoutMillis() < MIN_IDLE_TIMEOUT_MILLIS
                || request.idleTimeoutMillis() > MAX_IDLE_TIMEOUT_MILLIS) {
            throw new InvalidRequestException("idleTimeoutMillis", "must be within " + MIN_IDLE_TIMEOUT_MILLIS + ".."
                    + MAX_IDLE_TIMEOUT_MILLIS + ", was " + request.idleTimeoutMillis());
        }
    }

    static void checkFencingToken(long fencingToken) {
        if (fencingToken <= 0) {
            throw new InvalidRequestException("fencingToken", "must be positive, was " + fencingToken);
        }
    }

    private static void checkEvent(String field, OutboxEntry event) {
        if (event == null) {
            throw new InvalidRequestException(field, "must not be null");
        }
        if (event.eventId() == null) {
            throw new InvalidRequestException(field + ".eventId", "is required");
        }
        checkName(field + ".topic", event.topic());
        if (event.payloadJson() == null) {
            throw new InvalidRequestException(field + ".payloadJson", "is required");
        }
    }

    private static void checkMessageKey(String messageKey) {
        if (messageKey == null || messageKey.isEmpty() || messageKey.length() > MAX_MESSAGE_KEY_LENGTH) {
            throw new InvalidRequestException("messageKey", "must be 1 to " + MAX_MESSAGE_KEY_LENGTH + " characters");
        }
    }

    private static void checkName(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME_LENGTH) {
            throw new InvalidRequestException(field, "must be 1 to " + MAX_NAME_LENGTH + " characters, not blank");
        }
    }
}
