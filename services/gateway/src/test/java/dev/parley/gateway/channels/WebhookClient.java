package dev.parley.gateway.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Sends webhook requests to the gateway under test over real HTTP. */
public final class WebhookClient {

    private final HttpClient http = HttpClient.newHttpClient();

    private final int port;

    public WebhookClient(int port) {
        this.port = port;
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A request to {@code path} with a fresh {@code X-Request-ID}. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(url(path)).header("X-Request-ID", UUID.randomUUID().toString());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (Exception e) {
            throw new AssertionError("request failed", e);
        }
    }

    /** A unique id for one test's conversation or message. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
