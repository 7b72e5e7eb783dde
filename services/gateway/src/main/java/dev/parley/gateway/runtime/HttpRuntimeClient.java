package dev.parley.gateway.runtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.platform.client.InternalHttpClients;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.RuntimePaths;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.api.TurnReply;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * {@link RuntimeClient} over the runtime's internal HTTP API. The {@link RestClient.Builder} it is built from is
 * Spring's, customised by the platform to forward {@code X-Request-ID} and add the internal credential.
 */
class HttpRuntimeClient implements RuntimeClient, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HttpRuntimeClient.class);

    private final ClientHttpRequestFactory requestFactory;

    private final RestClient restClient;

    private final String baseUrl;

    HttpRuntimeClient(RestClient.Builder builder, RuntimeClientProperties properties) {
        this.requestFactory = InternalHttpClients.pooled(properties.runtimeConnectTimeout(),
                properties.runtimeReadTimeout());
        this.baseUrl = properties.runtimeUrl().toString();
        // runtime times these calls itself (http.server.requests, parley.runtime.turn.latency): a client-side
        // observation per turn would cost ~5% of the gateway's CPU for a duplicate figure
        this.restClient = builder.clone()
                .observationRegistry(ObservationRegistry.NOOP)
                .requestFactory(requestFactory)
                .build();
    }

    @Override
    public TurnReply start(String orgId, String botId, StartSessionCommand command) {
        return post(RuntimePaths.START_SESSION, command, orgId, botId);
    }

    @Override
    public TurnReply message(String orgId, String sessionId, MessageCommand command) {
        return post(RuntimePaths.MESSAGES, command, orgId, sessionId);
    }

    @Override
    public TurnReply end(String orgId, String sessionId, EndSessionCommand command) {
        return post(RuntimePaths.END_SESSION, command, orgId, sessionId);
    }

    private TurnReply post(String path, Object command, Object... uriVariables) {
        try {
            return restClient.post()
                    .uri(InternalHttpClients.uri(baseUrl, path, uriVariables))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    .body(command)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.is2xxSuccessful()) {
                            TurnReply reply = response.bodyTo(TurnReply.class);
                            if (reply == null || reply.sessionId() == null) {
                                throw new RuntimeUnavailableException(
                                        "runtime answered " + status.value() + " to " + path + " without a turn reply");
                            }
                            return reply;
                        }
                        throw refusal(path, status, readProblem(response));
                    });
        }
        catch (ResourceAccessException e) {
            throw new RuntimeUnavailableException("runtime is unreachable or timed out on " + path, e);
        }
        catch (RestClientException e) {
            throw new RuntimeUnavailableException("runtime answered " + path + " unreadably", e);
        }
    }

    private static RuntimeProblem readProblem(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) {
        try {
            return response.bodyTo(RuntimeProblem.class);
        }
        catch (RestClientException e) {
            return null;
        }
    }

    private static RuntimeException refusal(String path, HttpStatusCode status, RuntimeProblem problem) {
        TurnErrorCode code = problem == null ? null : problem.turnErrorCode();
        if (code != null) {
            return new RuntimeRejectedException(code, problem.detail());
        }
        // No contract code: a version skew, a missing internal credential or a crash. Never the client's fault.
        log.error("runtime answered {} to {} without a known error code: {}", status.value(), path,
                problem == null ? "<no problem body>" : problem.detail());
        return new RuntimeUnavailableException("runtime answered " + status.value() + " to " + path);
    }

    @Override
    public void close() throws Exception {
        if (requestFactory instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The part of the runtime's problem details the gateway uses. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RuntimeProblem(String code, String detail, Integer status) {

        TurnErrorCode turnErrorCode() {
            if (code == null) {
                return null;
            }
            try {
                return TurnErrorCode.valueOf(code);
            }
            catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
