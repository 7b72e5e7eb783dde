package dev.parley.sessionstore.session;

import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.CommitResult;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.SessionStorePaths;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The lease, commit and release routes of {@link SessionStorePaths}. */
@RestController
class SessionController {

    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping(SessionStorePaths.LEASE)
    LeaseGranted lease(@PathVariable String sessionId, @RequestBody LeaseRequest request) {
        SessionRequests.checkSessionId(sessionId);
        try (var ignored = MDC.putCloseable("session_id", sessionId)) {
            SessionRequests.checkLease(request);
            return sessions.lease(sessionId, request);
        }
    }

    @PostMapping(SessionStorePaths.COMMIT)
    CommitResult commit(@PathVariable String sessionId, @RequestBody CommitRequest request) {
        SessionRequests.checkSessionId(sessionId);
        try (var ignored = MDC.putCloseable("session_id", sessionId)) {
            SessionRequests.checkCommit(sessionId, request);
            try (var org = MDC.putCloseable("org_id", request.session().orgId())) {
                return sessions.commit(sessionId, request);
            }
        }
    }

    @DeleteMapping(SessionStorePaths.LEASE_RELEASE)
    ResponseEntity<Void> release(@PathVariable String sessionId, @PathVariable long fencingToken) {
        SessionRequests.checkSessionId(sessionId);
        SessionRequests.checkFencingToken(fencingToken);
        try (var ignored = MDC.putCloseable("session_id", sessionId)) {
            sessions.release(sessionId, fencingToken);
            return ResponseEntity.noContent().build();
        }
    }
}
