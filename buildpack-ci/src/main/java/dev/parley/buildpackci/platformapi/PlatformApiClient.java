package dev.parley.buildpackci.platformapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client of the Heroku Platform API (v3) for slug deploys: create slug, upload it, release it, wait for
 * the release phase, roll back, scale. Authenticates with a bearer token; retries rate-limited (429), failing (5xx)
 * and unanswered requests with exponential backoff, and makes release creation idempotent across those retries.
 * Only requests to the API's own host carry the token: blob and output-stream URLs are pre-signed.
 */
public final class PlatformApiClient {

    /** The API version every request asks for. */
    public static final String ACCEPT = "application/vnd.heroku+json; version=3";

    /** The real Platform API. */
    public static final URI HEROKU = URI.create("https://api.heroku.com");

    /** The environment variable holding the API token. */
    public static final String API_KEY_VARIABLE = "HEROKU_API_KEY";

    static final JsonMapper JSON = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private final URI baseUrl;

    private final String apiKey;

    private final RetryPolicy retry;

    private final Duration pollInterval;

    private final Consumer<String> log;

    private final HttpClient http;

    /**
     * @param baseUrl the API's root, {@link #HEROKU} or a fake's
     * @param apiKey the bearer token
     * @param retry how to retry 429, 5xx and I/O failures
     * @param pollInterval how often to look at a pending release
     * @param log where progress and retries are reported
     */
    public PlatformApiClient(URI baseUrl, String apiKey, RetryPolicy retry, Duration pollInterval,
            Consumer<String> log) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("No Platform API key: set " + API_KEY_VARIABLE);
        }
        this.baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
        this.apiKey = apiKey.strip();
        this.retry = retry;
        this.pollInterval = pollInterval;
        this.log = log;
        this.http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    }

    /** A client of {@code baseUrl} with the token from {@value #API_KEY_VARIABLE} in {@code environment}. */
    public static PlatformApiClient fromEnvironment(URI baseUrl, Map<String, String> environment,
            Consumer<String> log) {
        return new PlatformApiClient(baseUrl, environment.get(API_KEY_VARIABLE), RetryPolicy.PLATFORM,
                Duration.ofSeconds(3), log);
    }

    public URI baseUrl() {
        return this.baseUrl;
    }

    /** {@code POST /apps/{app}/slugs}: a slug record with a blob URL to upload the tarball to. */
    public SlugInfo createSlug(String app, NewSlug slug) {
        return call("POST", appPath(app) + "/slugs", slug, SlugInfo.class);
    }

    /** PUTs the tarball to the slug's pre-signed blob URL (no token, no content type: the URL is signed without). */
    public void uploadSlug(SlugInfo slug, Path tarball) {
        URI url = URI.create(slug.blob().url());
        String what = "PUT " + url.getHost() + url.getPath();
        withRetries(what, () -> {
            HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofMinutes(10))
                .PUT(HttpRequest.BodyPublishers.ofFile(tarball))
                .build();
            return this.http.send(request, HttpResponse.BodyHandlers.ofString());
        });
    }

    /**
     * {@code POST /apps/{app}/releases} with {@code slug}. Idempotent: when an attempt got no clear answer, the next
     * one first looks for a release of this slug newer than {@code afterVersion} and returns it.
     */
    public Release createRelease(String app, String slugId, String description, int afterVersion) {
        String path = appPath(app) + "/releases";
        Map<String, String> body = Map.of("slug", slugId, "description", description);
        for (int attempt = 1;; attempt++) {
            if (attempt > 1) {
                Optional<Release> made = releasesNewerThan(app, afterVersion).stream()
                    .filter(r -> slugId.equals(r.slugId()))
                    .findFirst();
                if (made.isPresent()) {
                    this.log.accept(app + ": the earlier attempt made release v" + made.get().version());
                    return made.get();
                }
            }
            try {
                return sendOnce("POST", path, body, Release.class);
            }
            catch (RetryableException ex) {
                if (attempt >= this.retry.maxAttempts()) {
                    throw ex.exhausted(attempt);
                }
                pause(ex, attempt);
            }
        }
    }

    /** {@code GET /apps/{app}/releases/{id or version}}. */
    public Release release(String app, String idOrVersion) {
        return call("GET", appPath(app) + "/releases/" + idOrVersion, null, Release.class);
    }

    /** The release the app runs now, if it has one. */
    public Optional<Release> currentRelease(String app) {
        return latestReleases(app, 10).stream().filter(Release::current).findFirst();
    }

    /**
     * {@code POST /apps/{app}/releases} with {@code release}: a new release with the code and config vars of
     * {@code releaseId}. Heroku runs no release phase for it.
     */
    public Release rollback(String app, String releaseId) {
        return call("POST", appPath(app) + "/releases", Map.of("release", releaseId), Release.class);
    }

    /**
     * Polls the release until it is no longer pending or {@code timeout} passes, then shows its release-phase
     * output (when it had a release phase) through {@code output}.
     */
    public Release awaitRelease(String app, Release release, Duration timeout, Consumer<String> output) {
        Instant deadline = Instant.now().plus(timeout);
        Release current = release;
        while (current.isPending()) {
            if (Instant.now().isAfter(deadline)) {
                throw new PlatformApiException("GET", appPath(app) + "/releases/" + release.id(), 0, "timeout",
                        "release v" + release.version() + " still pending after " + timeout);
            }
            sleep(this.pollInterval);
            current = release(app, release.id());
        }
        if (current.outputStreamUrl() != null) {
            showOutput(current.outputStreamUrl(), output);
        }
        return current;
    }

    /** {@code PATCH /apps/{app}/formation}: changes sizes and counts of process types. */
    public List<Formation> scale(String app, List<FormationUpdate> updates) {
        String body = send("PATCH", appPath(app) + "/formation", Map.of("updates", updates));
        return JSON.readValue(body, new TypeReference<List<Formation>>() {
        });
    }

    private List<Release> releasesNewerThan(String app, int version) {
        return latestReleases(app, 10).stream().filter(r -> r.version() > version).toList();
    }

    /** The newest releases first, at most {@code max}, via the Range header. */
    private List<Release> latestReleases(String app, int max) {
        String body = withRetries("GET " + appPath(app) + "/releases",
                () -> this.http.send(request("GET", appPath(app) + "/releases", null)
                    .header("Range", "version ..; order=desc, max=" + max)
                    .build(), HttpResponse.BodyHandlers.ofString()));
        return JSON.readValue(body, new TypeReference<List<Release>>() {
        });
    }

    private void showOutput(String url, Consumer<String> output) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
            HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                response.body().lines().forEach(line -> output.accept("| " + line));
            }
            else {
                output.accept("  (release output unavailable: HTTP " + response.statusCode() + ")");
            }
        }
        catch (IOException ex) {
            output.accept("  (release output unavailable: " + ex.getMessage() + ")");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T call(String method, String path, Object body, Class<T> type) {
        return JSON.readValue(send(method, path, body), type);
    }

    private String send(String method, String path, Object body) {
        return withRetries(method + " " + path,
                () -> this.http.send(request(method, path, body).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private <T> T sendOnce(String method, String path, Object body, Class<T> type) {
        HttpResponse<String> response;
        try {
            response = this.http.send(request(method, path, body).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new RetryableException(method + " " + path, 0, null, ex.toString(), null);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PlatformApiException(method, path, 0, "interrupted", "interrupted");
        }
        return JSON.readValue(checked(method + " " + path, response), type);
    }

    private HttpRequest.Builder request(String method, String path, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", ACCEPT)
            .header("Authorization", "Bearer " + this.apiKey)
            .header("User-Agent", "parley-buildpack-ci");
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
    }

    /** A request that may be retried: the lambda sends it once. */
    @FunctionalInterface
    private interface Exchange {

        HttpResponse<String> send() throws IOException, InterruptedException;

    }

    private String withRetries(String what, Exchange exchange) {
        for (int attempt = 1;; attempt++) {
            try {
                HttpResponse<String> response;
                try {
                    response = exchange.send();
                }
                catch (IOException ex) {
                    throw new RetryableException(what, 0, null, ex.toString(), null);
                }
                return checked(what, response);
            }
            catch (RetryableException ex) {
                if (attempt >= this.retry.maxAttempts()) {
                    throw ex.exhausted(attempt);
                }
                pause(ex, attempt);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new PlatformApiException(what, "", 0, "interrupted", "interrupted");
            }
        }
    }

    /** The body of a 2xx answer; a retryable exception for 429 and 5xx; a PlatformApiException otherwise. */
    private static String checked(String what, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        String id = null;
        String message = response.body();
        try {
            JsonNode error = JSON.readTree(response.body());
            if (error.hasNonNull("id")) {
                id = error.get("id").asString();
            }
            if (error.hasNonNull("message")) {
                message = error.get("message").asString();
            }
        }
        catch (RuntimeException notJson) {
            // Keep the raw body as the message.
        }
        if (status == 429 || status >= 500) {
            Duration retryAfter = response.headers().firstValue("Retry-After")
                .flatMap(PlatformApiClient::seconds)
                .orElse(null);
            String remaining = response.headers().firstValue("Ratelimit-Remaining").orElse(null);
            throw new RetryableException(what, status, id, message + (remaining != null
                    ? " (Ratelimit-Remaining: " + remaining + ")" : ""), retryAfter);
        }
        String[] parts = what.split(" ", 2);
        throw new PlatformApiException(parts[0], parts.length > 1 ? parts[1] : "", status, id, message);
    }

    private void pause(RetryableException ex, int attempt) {
        Duration delay = this.retry.delay(attempt, ex.retryAfter);
        this.log.accept(ex.what + ": " + (ex.status > 0 ? "HTTP " + ex.status + " " : "") + ex.detail
                + "; retry " + attempt + "/" + (this.retry.maxAttempts() - 1) + " in " + delay.toMillis() + " ms");
        sleep(delay);
    }

    private static Optional<Duration> seconds(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PlatformApiException("wait", "", 0, "interrupted", "interrupted while waiting");
        }
    }

    private static String appPath(String app) {
        if (!app.matches("[a-z0-9][a-z0-9-]{1,29}")) {
            throw new IllegalArgumentException("Not a Heroku app name: '" + app + "'");
        }
        return "/apps/" + app;
    }

    /** A failure worth another try: rate limited, server error, no answer. */
    private static final class RetryableException extends RuntimeException {

        private final String what;

        private final int status;

        private final String id;

        private final String detail;

        private final Duration retryAfter;

        RetryableException(String what, int status, String id, String detail, Duration retryAfter) {
            super(what + ": " + detail, null, false, false);
            this.what = what;
            this.status = status;
            this.id = id;
            this.detail = detail;
            this.retryAfter = retryAfter;
        }

        PlatformApiException exhausted(int attempts) {
            String[] parts = this.what.split(" ", 2);
            return new PlatformApiException(parts[0], parts.length > 1 ? parts[1] : "", this.status, this.id,
                    this.detail + " (gave up after " + attempts + " attempts)");
        }

    }

}
