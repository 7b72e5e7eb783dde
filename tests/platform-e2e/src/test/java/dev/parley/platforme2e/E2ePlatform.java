package dev.parley.platforme2e;

import dev.parley.local.LocalPlatformProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform as {@code ./parley-local} runs it, started once for all scenarios of this module (see
 * {@link PlatformIntegrationTests}), with the admin calls the scenarios make through the services' own APIs: the registry's
 * admin API (admin token) and the internal admin routes of callout, events-consumer and log-uploader (internal
 * credential), as the console would forward them.
 */
final class E2ePlatform implements AutoCloseable {

    /**
     * Settings every service gets (Spring relaxed binding):
     * <ul>
     * <li>the log-uploader's durable retry schedule is minutes to hours; here it is seconds, so a destination that
     * fails at first gets its retries while the test waits;</li>
     * </ul>
     */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "PARLEY_LOGUPLOADER_DELIVERY_RETRYDELAYS", "1s,1s,2s,2s,3s,3s");

    static final String INTERNAL_CREDENTIAL_HEADER = "X-Parley-Internal-Credential";

    private final LocalPlatformProcess process;
    private final Properties credentials;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private boolean closed;

    private E2ePlatform(LocalPlatformProcess process) throws IOException {
        this.process = process;
        this.credentials = process.credentials();
    }

    static E2ePlatform start() {
        try {
            E2ePlatform platform = new E2ePlatform(LocalPlatformProcess.start("parley-platform-e2e", ENVIRONMENT));
            // also when the test JVM is stopped before JUnit closes its store: no service may outlive the run
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-e2e-stop"));
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the platform", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the platform", e);
        }
    }

    LocalPlatformProcess process() {
        return process;
    }

    String orgId() {
        return credentials.getProperty("org-id");
    }

    String credential(String name) {
        String value = credentials.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("credentials.properties has no " + name);
        }
        return value;
    }

    HttpClient http() {
        return http;
    }

    JsonMapper json() {
        return json;
    }

    /** A new Bot Runtime API client of the demo connected app, for the given bot. */
    BotApiClient botApi(String botId) {
        return new BotApiClient(this, botId);
    }

    /** Uploads a bot file from the test resources to the registry and activates it; answers the bot id. */
    String uploadAndActivate(String resource) {
        byte[] file;
        try (InputStream in = E2ePlatform.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            file = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = resource.substring(resource.lastIndexOf('/') + 1);
        String bots = process.url("registry") + "/admin/v1/orgs/" + orgId() + "/bots";
        JsonNode uploaded = expect(send(HttpRequest.newBuilder(URI.create(bots + "?filename=" + fileName))
                .header("Authorization", "Bearer " + credential("admin-token"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))), 200, 201);
        String botId = uploaded.path("botId").asString();
        expect(send(HttpRequest.newBuilder(URI.create(bots + "/" + botId + "/versions/"
                        + uploaded.path("versionId").asString() + "/activate"))
                .header("Authorization", "Bearer " + credential("admin-token"))
                .POST(HttpRequest.BodyPublishers.noBody())), 200);
        return botId;
    }

    /** A call to an internal route of a service, with the internal credential. */
    HttpResponse<String> internal(String service, String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(process.url(service) + path))
                .header(INTERNAL_CREDENTIAL_HEADER, credential("internal-credential"))
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** GET of an internal route that must answer 200. */
    JsonNode internalGet(String service, String path) {
        return expect(internal(service, "GET", path, null), 200);
    }

    /** Polls an internal GET until the answer satisfies {@code done} (404 counts as not yet), within {@code within}. */
    JsonNode pollInternal(String service, String path, Duration within, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> last = null;
        while (true) {
            last = internal(service, "GET", path, null);
            if (last.statusCode() == 200) {
                JsonNode answer = json.readTree(last.body());
                if (done.test(answer)) {
                    return answer;
                }
            } else if (last.statusCode() != 404) {
                throw new AssertionError("GET " + service + path + " answered " + last.statusCode() + ": "
                        + last.body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("GET " + service + path + " did not reach the expected state within "
                        + within.toSeconds() + " s; last answer " + last.statusCode() + ": " + last.body());
            }
            sleep(Duration.ofMillis(300));
        }
    }

    /**
     * A session's debug log from events-consumer (the admin query API), polled until {@code done} holds: events reach
     * it through Kafka a moment after the turn.
     */
    JsonNode debugLog(String sessionId, Predicate<JsonNode> done) {
        return pollInternal("events-consumer", "/internal/v1/orgs/" + orgId() + "/sessions/" + sessionId
                + "/debug-log?size=500", Duration.ofSeconds(30), done);
    }

    /** The {@code data} of the log's steps of one type, in order. */
    static java.util.List<JsonNode> steps(JsonNode debugLog, String type) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        for (JsonNode step : debugLog.path("steps")) {
            if (type.equals(step.path("type").asString())) {
                found.add(step.path("data"));
            }
        }
        return found;
    }

    JsonNode expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
            }
        }
        throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Stops every service; the launcher keeps the services' logs in {@code target/platform-logs/} and removes the
     * throw-away state directory with the demo keys.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        process.close();
    }
}
