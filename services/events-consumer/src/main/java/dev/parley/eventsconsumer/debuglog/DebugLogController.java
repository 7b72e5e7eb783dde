package dev.parley.eventsconsumer.debuglog;

import dev.parley.eventsconsumer.debuglog.DebugLogRepository.SessionFilter;
import dev.parley.eventsconsumer.web.NotFoundException;
import dev.parley.eventsconsumer.web.QueryParameters;
import dev.parley.platform.logging.MdcKeys;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


/**
 * Debug logs of one org: a session's steps, and the sessions that have logs. Internal: {@code console} forwards its
 * admins' calls with the internal credential, for the admin's own org only.
 */
@RestController
@RequestMapping("/internal/v1/orgs/{orgId}")
class DebugLogController {

    static final int DEFAULT_STEPS = 100;
    static final int MAX_STEPS = 500;
    static final int DEFAULT_SESSIONS = 50;
    static final int MAX_SESSIONS = 200;

    private final DebugLogRepository repository;

    DebugLogController(DebugLogRepository repository) {
        this.repository = repository;
    }

    @GetMapping("/sessions/{sessionId}/debug-log")
    DebugLog debugLog(@PathVariable String orgId, @PathVariable String sessionId,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        String org = QueryParameters.id("orgId", orgId);
        String session = QueryParameters.id("sessionId", sessionId);
        int pageNumber = QueryParameters.page(page);
        int pageSize = QueryParameters.size(size, DEFAULT_STEPS, MAX_STEPS);
        try (var orgMdc = MDC.putCloseable(MdcKeys.ORG_ID, org);
                var sessionMdc = MDC.putCloseable(MdcKeys.SESSION_ID, session)) {
            SessionSummary summary = repository.session(org, session).orElseThrow(() -> new NotFoundException(
                    "Session " + session + " has no debug log in org " + org));
            long total = repository.countSteps(org, session);
            return new DebugLog(org, summary,
                    repository.steps(org, session, (long) pageNumber * pageSize, pageSize), pageNumber, pageSize,
                    total, pages(total, pageSize));
        }
    }

    @GetMapping("/debug-logs")
    SessionSummaries sessions(@PathVariable String orgId, @RequestParam(required = false) String botId,
            @RequestParam(required = false) String versionId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        String org = QueryParameters.id("orgId", orgId);
        SessionFilter filter = new SessionFilter(org, QueryParameters.optionalId("botId", botId),
                QueryParameters.optionalId("versionId", versionId), QueryParameters.instant("from", from),
                QueryParameters.instant("to", to));
        QueryParameters.window(filter.from(), filter.to());
        int pageNumber = QueryParameters.page(page);
        int pageSize = QueryParameters.size(size, DEFAULT_SESSIONS, MAX_SESSIONS);
        try (var orgMdc = MDC.putCloseable(MdcKeys.ORG_ID, org)) {
            long total = repository.countSessions(filter);
            return new SessionSummaries(org, repository.sessions(filter, (long) pageNumber * pageSize, pageSize),
                    pageNumber, pageSize, total, pages(total, pageSize));
        }
    }

    private static int pages(long total, int size) {
        return (int) ((total + size - 1) / size);
    }
}
