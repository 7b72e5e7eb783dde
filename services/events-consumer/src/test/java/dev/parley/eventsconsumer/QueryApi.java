package dev.parley.eventsconsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the query API over HTTP the way console does, with the internal credential. */
public final class QueryApi {

    public static final String CREDENTIAL = "test-credential";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    public QueryApi(int port) {
        this.port = port;
    }

    /** An answer: status and body. */
    public record Answer(int status, JsonNode body) {
    }

    public Answer get(String pathAndQuery) {
        return get(pathAndQuery, CREDENTIAL);
    }

    public Answer get(String pathAndQuery, String credential) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        if (credential != null) {
            request.header("X-Parley-Internal-Credential", credential);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs and insists on 200. */
    public JsonNode ok(String pathAndQuery) {
        Answer answer = get(pathAndQuery);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }
}
