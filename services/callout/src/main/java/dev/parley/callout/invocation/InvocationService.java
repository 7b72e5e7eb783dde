package dev.parley.callout.invocation;

import dev.parley.callout.CalloutFailure;
import dev.parley.callout.api.CalloutErrorCodes;
import dev.parley.callout.api.InvocationError;
import dev.parley.callout.api.InvocationOutcomes;
import dev.parley.callout.api.InvocationRequest;
import dev.parley.callout.api.InvocationResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs invocations: replays a recorded result for a repeated invocation id, finds the endpoint, applies the time
 * limit min(endpoint limit, caller's budget) and turns every failure into a FAILED result.
 */
@Service
class InvocationService {

    private static final Logger log = LoggerFactory.getLogger(InvocationService.class);

    /** Failures where nothing reached the endpoint: running them again is harmless, so they are not recorded. */
    private static final Set<String> NOTHING_SENT = Set.of(CalloutErrorCodes.CIRCUIT_OPEN,
            CalloutErrorCodes.BULKHEAD_FULL, CalloutErrorCodes.ENDPOINT_NOT_FOUND, CalloutErrorCodes.TARGET_BLOCKED);

    /** Action type of record lookups, and the name of the org's fallback endpoint for them. */
    static final String RECORD_LOOKUP = "recordLookup";

    /** The longest a caller without a budget of its own waits for a concurrent duplicate. */
    private static final long MAX_WAIT_MILLIS = 25_000;

    private final EndpointRuntimes endpoints;
    private final InvocationWindow window;
    private final MeterRegistry meters;
    /** Timers by (endpoint, outcome, code): looking one up in the registry builds and sorts tags on every call. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String name, String outcome, String code) {
    }

    InvocationService(EndpointRuntimes endpoints, InvocationProperties properties, MeterRegistry meters,
            JsonMapper json) {
        this.endpoints = endpoints;
        this.window = new InvocationWindow(properties.idempotencyWindow().toNanos(),
                properties.idempotencyMaxEntries(), properties.idempotencyMaxBytes().toBytes(), json);
        this.meters = meters;
    }

    InvocationResult invoke(String orgId, InvocationRequest request) {
        InvocationWindow.Key key = new InvocationWindow.Key(orgId, request.invocationId());
        InvocationWindow.Claim claim = window.claim(key, request.actionName());
        if (!claim.owner()) {
            if (!claim.actionName().equals(request.actionName())) {
                throw new InvocationIdReusedException(request.invocationId(), claim.actionName(), request.actionName());
            }
            return replay(claim, request);
        }
        InvocationResult result;
        try {
            result = run(orgId, request);
        } catch (RuntimeException e) {
            window.abandon(key, claim, e);
            throw e;
        }
        if (result.error() != null && NOTHING_SENT.contains(result.error().code())) {
            window.release(key, claim, result);
        } else {
            window.record(key, claim, result);
        }
        return result;
    }

    private InvocationResult run(String orgId, InvocationRequest request) {
        long started = System.nanoTime();
        String name = "unknown";
        InvocationResult result;
        try {
            Optional<EndpointRuntime> found = endpoints.find(orgId, request.actionName());
            if (found.isEmpty() && request.actionType().equals(RECORD_LOOKUP)) {
                // lookups name their object (Contact, Case...): one org-wide lookup endpoint can serve them all
                found = endpoints.find(orgId, RECORD_LOOKUP);
            }
            if (found.isEmpty()) {
                throw CalloutFailure.endpointNotFound("org has no endpoint named '" + request.actionName() + "'");
            }
            EndpointRuntime endpoint = found.get();
            name = endpoint.resilienceName();
            if (!endpoint.serves(request.actionType())) {
                throw CalloutFailure.endpointNotFound("endpoint '" + request.actionName() + "' is of kind "
                        + endpoint.config().kind() + ", which does not serve action type '" + request.actionType() + "'");
            }
            long limitMillis = request.timeoutMs() == null ? endpoint.callMillis()
                    : Math.min(endpoint.callMillis(), request.timeoutMs());
            long deadline = started + TimeUnit.MILLISECONDS.toNanos(limitMillis);
            Map<String, Object> inputs = request.inputs() == null ? Map.of() : request.inputs();
            Map<String, Object> outputs = endpoint.invoke(inputs, request.invocationId(), deadline, limitMillis);
            result = new InvocationResult(request.invocationId(), InvocationOutcomes.SUCCEEDED, outputs, null,
                    elapsedMillis(started), false);
        } catch (CalloutFailure failure) {
            log.info("Invocation of {} failed: {} {}", request.actionName(), failure.code(), failure.getMessage());
            result = new InvocationResult(request.invocationId(), InvocationOutcomes.FAILED, Map.of(),
                    new InvocationError(failure.code(), failure.getMessage(), failure.httpStatus()),
                    elapsedMillis(started), false);
        }
        timer(name, result.outcome(), result.error() == null ? "none" : result.error().code())
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return result;
    }

    private Timer timer(String name, String outcome, String code) {
        return timers.computeIfAbsent(new TimerKey(name, outcome, code),
                key -> Timer.builder("parley.callout.invocations")
                        .description("Invocations per endpoint, outcome and error code")
                        .tag("name", key.name())
                        .tag("outcome", key.outcome())
                        .tag("code", key.code())
                        .register(meters));
    }

    private static InvocationResult replay(InvocationWindow.Claim claim, InvocationRequest request) {
        long waitMillis = request.timeoutMs() == null ? MAX_WAIT_MILLIS : Math.min(request.timeoutMs(), MAX_WAIT_MILLIS);
        try {
            InvocationResult recorded = claim.result().get(waitMillis, TimeUnit.MILLISECONDS);
            return new InvocationResult(request.invocationId(), recorded.outcome(), recorded.outputs(), recorded.error(),
                    recorded.durationMs(), true);
        } catch (TimeoutException e) {
            return new InvocationResult(request.invocationId(), InvocationOutcomes.FAILED, Map.of(),
                    new InvocationError(CalloutErrorCodes.TIMEOUT, "the first request with this invocation id is "
                            + "still running after " + waitMillis + " ms", null), waitMillis, true);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for invocation " + request.invocationId(), e);
        }
    }

    private static long elapsedMillis(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }
}
