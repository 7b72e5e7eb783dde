package dev.parley.buildpackci.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a region through its public gateway: {@code GET <gateway>/status} must answer 200 with
 * {@code {"status":"UP"}} several times in a row (the dynos restart one by one after a release), within a time limit.
 */
public final class SmokeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Duration timeout;

    private final Duration interval;

    private final int successesNeeded;

    /**
     * @param timeout how long the region may take to answer UP {@code successesNeeded} times in a row
     * @param interval the wait between two checks
     * @param successesNeeded consecutive UP answers that pass
     */
    public SmokeTest(Duration timeout, Duration interval, int successesNeeded) {
        this.timeout = timeout;
        this.interval = interval;
        this.successesNeeded = successesNeeded;
    }

    /**
     * The outcome of a smoke test.
     *
     * @param passed whether the gateway answered UP often enough
     * @param detail what it saw
     */
    public record Result(boolean passed, String detail) {
    }

    public Result check(String gatewayUrl) {
        URI status = URI.create(gatewayUrl.replaceAll("/+$", "") + "/status");
        Instant deadline = Instant.now().plus(this.timeout);
        int successes = 0;
        String last = "no answer yet";
        while (true) {
            last = once(status);
            successes = last.equals("UP") ? successes + 1 : 0;
            if (successes >= this.successesNeeded) {
                return new Result(true, "GET " + status + " answered UP " + successes + " times in a row");
            }
            if (Instant.now().plus(this.interval).isAfter(deadline)) {
                return new Result(false, "GET " + status + " did not answer UP " + this.successesNeeded
                        + " times in a row within " + this.timeout + "; last: " + last);
            }
            try {
                Thread.sleep(this.interval);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return new Result(false, "interrupted");
            }
        }
    }

    private String once(URI status) {
        try {
            HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(status)
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "HTTP " + response.statusCode();
            }
            JsonNode body = JSON.readTree(response.body());
            String value = body.path("status").asString("");
            return value.equals("UP") ? "UP" : "status " + value;
        }
        catch (IOException | RuntimeException ex) {
            return ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

}
