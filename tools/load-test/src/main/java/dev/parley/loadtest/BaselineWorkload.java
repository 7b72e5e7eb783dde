package dev.parley.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The same request pattern against a bare Spring Boot endpoint: one small JSON POST per turn. */
final class BaselineWorkload implements Workload {

    private final HttpClient http;
    private final String url;

    BaselineWorkload(HttpClient http, String baseUrl) {
        this.http = http;
        this.url = baseUrl + "/echo";
    }

    @Override
    public Conversation open() throws Exception {
        call(0);
        return this::next;
    }

    private Conversation next(int turn) throws Exception {
        call(turn);
        return this::next;
    }

    private void call(int turn) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"message\":{\"type\":\"choice\",\"sequenceId\":" + turn + ",\"choiceIndex\":1}}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("baseline answered HTTP " + response.statusCode());
        }
    }
}
