package dev.parley.callout;

import dev.parley.callout.api.InvocationRequest;
import dev.parley.callout.api.InvocationResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the callout service under test over real HTTP with the internal credential. */
public final class CalloutClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** A status and a JSON body. */
    public record Answer(int status, JsonNode body) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public CalloutClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String newOrgId() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Answer put(String orgId, String name, String json) {
        return send("PUT", "/internal/v1/orgs/" + orgId + "/endpoints/" + name, json);
    }

    /** PUTs and insists on 200/201. */
    public JsonNode define(String orgId, String name, String json) {
        Answer answer = put(orgId, name, json);
        if (answer.status() != 200 && answer.status() != 201) {
            throw new AssertionError("PUT endpoint " + name + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json);
    }

    public InvocationResult invoke(String orgId, String actionType, String actionName, Map<String, Object> inputs,
            Long timeoutMs) {
        return invoke(orgId, new InvocationRequest(UUID.randomUUID().toString(), actionType, actionName, inputs,
                timeoutMs));
    }

    public InvocationResult invoke(String orgId, InvocationRequest request) {
        Answer answer = send("POST", "/internal/v1/orgs/" + orgId + "/invocations", JSON.writeValueAsString(request));
        if (answer.status() != 200) {
            throw new AssertionError("invocation answered " + answer.status() + ": " + answer.body());
        }
        return JSON.treeToValue(answer.body(), InvocationResult.class);
    }

    public String prometheus() {
        return raw("GET", "/actuator/prometheus", null, true).body();
    }

    public Answer send(String method, String path, String json) {
        HttpResponse<String> response = raw(method, path, json, true);
        String body = response.body();
        return new Answer(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body));
    }

    public HttpResponse<String> raw(String method, String path, String json, boolean credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (credential) {
            request.header("X-Parley-Internal-Credential", "test-credential");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
