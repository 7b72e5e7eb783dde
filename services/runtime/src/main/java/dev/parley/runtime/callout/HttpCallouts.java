package dev.parley.runtime.callout;

import dev.parley.callout.api.CalloutPaths;
import dev.parley.callout.api.InvocationOutcomes;
import dev.parley.callout.api.InvocationRequest;
import dev.parley.callout.api.InvocationResult;
import dev.parley.engine.Effect;
import dev.parley.engine.EffectResult;
import dev.parley.platform.client.InternalHttpClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.time.Duration;

/**
 * {@link Callouts} through the callout service's internal API. The callout service enforces the budget it is given;
 * the read timeout here is that budget plus a margin, so a stuck callout service cannot hold the turn either.
 */
@Component
@EnableConfigurationProperties(CalloutProperties.class)
class HttpCallouts implements Callouts {

    /** Failure codes of this side (the callout service's own codes come in its answers). */
    static final String NOT_CONFIGURED = "CALLOUT_NOT_CONFIGURED";
    static final String UNAVAILABLE = "CALLOUT_UNAVAILABLE";
    static final String NO_BUDGET = "TIMEOUT";

    private static final Logger log = LoggerFactory.getLogger(HttpCallouts.class);

    /** Time for the callout service to answer after its own deadline passed. */
    private static final Duration MARGIN = Duration.ofMillis(1500);

    private final RestClient client;

    HttpCallouts(RestClient.Builder builder, CalloutProperties properties) {
        this.client = properties.url() == null ? null : builder.clone()
                .baseUrl(properties.url().toString())
                .requestFactory(InternalHttpClients.pooled(properties.connectTimeout(),
                        properties.turnBudget().plus(MARGIN)))
                .build();
    }

    @Override
    public EffectResult perform(String orgId, Effect effect, Duration budget) {
        if (client == null) {
            return EffectResult.failure(effect.id(), NOT_CONFIGURED,
                    "No callout service is configured (parley.runtime.callout.url)");
        }
        if (budget.toMillis() < 1) {
            return EffectResult.failure(effect.id(), NO_BUDGET, "The turn has no time left for " + effect.kind()
                    + " " + effect.actionName());
        }
        InvocationRequest request = new InvocationRequest(effect.id(), effect.actionType(), effect.actionName(),
                effect.inputs(), budget.toMillis());
        try {
            InvocationResult result = client.post()
                    .uri(CalloutPaths.INVOCATIONS, orgId)
                    .body(request)
                    .retrieve()
                    .body(InvocationResult.class);
            if (result == null) {
                return EffectResult.failure(effect.id(), UNAVAILABLE, "The callout service answered no body");
            }
            if (InvocationOutcomes.SUCCEEDED.equals(result.outcome())) {
                return EffectResult.success(effect.id(), result.outputs());
            }
            return result.error() == null
                    ? EffectResult.failure(effect.id(), UNAVAILABLE, "The callout failed without an error")
                    : EffectResult.failure(effect.id(), result.error().code(), result.error().message());
        } catch (RestClientResponseException e) {
            log.warn("Callout service refused {} {}: {}", effect.kind(), effect.actionName(), e.getStatusCode());
            return EffectResult.failure(effect.id(), UNAVAILABLE,
                    "The callout service refused the request with " + e.getStatusCode().value());
        } catch (RestClientException e) {
            log.warn("Callout service unreachable for {} {}: {}", effect.kind(), effect.actionName(), e.getMessage());
            return EffectResult.failure(effect.id(), UNAVAILABLE, "The callout service could not be reached");
        }
    }
}
