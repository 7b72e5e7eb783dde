package dev.parley.callout.invocation;

import dev.parley.callout.api.CalloutPaths;
import dev.parley.callout.api.InvocationRequest;
import dev.parley.callout.api.InvocationResult;
import dev.parley.callout.web.InvalidRequestException;
import dev.parley.callout.web.PathChecks;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The runtime's route: {@link CalloutPaths#INVOCATIONS}. */
@RestController
class InvocationController {

    /** The longest budget a caller may give; no request may take 30 s. */
    static final long MAX_TIMEOUT_MILLIS = 25_000;

    private final InvocationService invocations;

    InvocationController(InvocationService invocations) {
        this.invocations = invocations;
    }

    @PostMapping(CalloutPaths.INVOCATIONS)
    InvocationResult invoke(@PathVariable String orgId, @RequestBody InvocationRequest request) {
        PathChecks.orgId(orgId);
        check(request);
        try (var org = MDC.putCloseable("org_id", orgId);
                var invocation = MDC.putCloseable("invocation_id", request.invocationId())) {
            return invocations.invoke(orgId, request);
        }
    }

    private static void check(InvocationRequest request) {
        text("invocationId", request.invocationId(), 200);
        text("actionType", request.actionType(), 64);
        text("actionName", request.actionName(), 255);
        if (request.timeoutMs() != null && (request.timeoutMs() < 1 || request.timeoutMs() > MAX_TIMEOUT_MILLIS)) {
            throw new InvalidRequestException("timeoutMs", request.timeoutMs(), "must be within 1.." + MAX_TIMEOUT_MILLIS);
        }
        if (request.inputs() != null && request.inputs().containsKey(null)) {
            throw new InvalidRequestException("inputs", null, "must not have a null name");
        }
    }

    private static void text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, value, "is required");
        }
        if (value.length() > maxLength || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidRequestException(field, value.length() > 200 ? value.substring(0, 200) + "..." : value,
                    "must be 1.." + maxLength + " printable characters");
        }
    }
}
