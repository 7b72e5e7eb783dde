package dev.parley.loguploader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The log uploader's admin API over real HTTP, as the console calls it. */
public final class AdminApi {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String credential;
    private final JsonMapper json;

    public AdminApi(int port, String credential, JsonMapper json) {
        this.base = "http://127.0.0.1:" + port;
        this.credential = credential;
        this.json = json;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String body) {
        return send("POST", path, body);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Creates a destination and answers its id; fails the test unless the API answers 201. */
    public String createDestination(String orgId, Map<String, Object> settings) {
        Response created = post("/internal/v1/orgs/" + orgId + "/log-destinations", json.writeValueAsString(settings));
        if (created.status() != 201) {
            throw new AssertionError("creating a destination answered " + created.status() + ": " + created.body());
        }
        return created.json().get("id").stringValue();
    }

    public JsonNode deliveries(String orgId, String destinationId, String status) {
        return get("/internal/v1/orgs/" + orgId + "/log-destinations/" + destinationId + "/deliveries?limit=500"
                + (status == null ? "" : "&status=" + status)).json().get("deliveries");
    }

    public Response send(String method, String path, String body) {
        return send(method, path, body, true);
    }

    public Response send(String method, String path, String body, boolean withCredential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (withCredential) {
            request.header("X-Parley-Internal-Credential", credential);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().firstValue("Location")
                    .orElse(null), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body. */
    public record Response(int status, String body, String location, JsonMapper mapper) {

        public JsonNode json() {
            return mapper.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
