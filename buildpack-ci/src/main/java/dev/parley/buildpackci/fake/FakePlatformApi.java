package dev.parley.buildpackci.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the Heroku Platform API, speaking its JSON for what slug deploys use: slugs with blob URLs
 * it hosts itself, releases that stay {@code pending} while a release phase "runs" and then {@code succeeded} or
 * {@code failed}, release-phase output streams, rollbacks, releases listed newest first through the Range header,
 * formation updates, error bodies with {@code id} and {@code message}, and the {@code Ratelimit-Remaining} header.
 * It also answers each app's {@code /status}, for smoke tests. Faults are injected per test or demo.
 *
 * <p>Binds 127.0.0.1 on a free port; every request needs {@code Authorization: Bearer <key>} and the v3
 * {@code Accept} header, as the real API does.
 */
public final class FakePlatformApi implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern APP_PATH = Pattern.compile("/apps/([a-z0-9][a-z0-9-]*)(/.*)?");

    private static final Pattern RANGE_MAX = Pattern.compile("max=(\\d+)");

    private final HttpServer server;

    private final ExecutorService executor;

    private final String apiKey;

    private final Map<String, FakeApp> apps = new LinkedHashMap<>();

    private final Map<String, FakeSlug> slugs = new HashMap<>();

    private final List<Fault> faults = new ArrayList<>();

    private final Set<String> failingReleasePhases = new HashSet<>();

    private final Set<String> failingSmokeTests = new HashSet<>();

    private final List<String> requestLog = new ArrayList<>();

    private int pendingPolls = 1;

    private FakePlatformApi(String apiKey, Collection<String> appNames) throws IOException {
        this.apiKey = apiKey;
        for (String name : appNames) {
            this.apps.put(name, new FakeApp(name, UUID.randomUUID().toString()));
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.server.setExecutor(this.executor);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    /** Starts a fake with these apps, accepting {@code apiKey} as the bearer token. */
    public static FakePlatformApi start(String apiKey, Collection<String> appNames) {
        try {
            return new FakePlatformApi(apiKey, appNames);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot start the fake Platform API", ex);
        }
    }

    /** Where the fake answers, e.g. http://127.0.0.1:41234. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
    }

    /** The URL the app answers on (its {@code /status} is the smoke-test target). */
    public URI appUrl(String app) {
        return URI.create(baseUrl() + "/fake-apps/" + app);
    }

    /** The next {@code times} requests whose method and path start match get {@code status} (429 or 5xx). */
    public synchronized void failNext(String method, String pathStart, int status, int times) {
        for (int i = 0; i < times; i++) {
            this.faults.add(new Fault(method, pathStart, status, false));
        }
    }

    /**
     * The next matching request is carried out, but its answer is replaced by {@code status}: what a client sees
     * when the server did the work and the answer got lost.
     */
    public synchronized void loseNextAnswer(String method, String pathStart, int status) {
        this.faults.add(new Fault(method, pathStart, status, true));
    }

    /** Release phases on {@code app} fail from now on. */
    public synchronized void failReleasePhase(String app) {
        this.failingReleasePhases.add(app);
    }

    /** The app's {@code /status} answers 503 while it runs a release created after this call (not a rollback). */
    public synchronized void failSmokeTest(String app) {
        this.failingSmokeTests.add(app);
    }

    /** How many polls a release with a release phase stays pending. */
    public synchronized void pendingPolls(int polls) {
        this.pendingPolls = polls;
    }

    /** Gives the app an earlier deploy (a slug and a succeeded release), so that there is something to roll back to. */
    public synchronized void seedRelease(String app, String commit) {
        FakeApp fakeApp = app(app);
        FakeSlug slug = new FakeSlug(UUID.randomUUID().toString(), app, Map.of("web", "java -jar app.jar"), null,
                commit, "heroku-24", Instant.now());
        slug.blob = new Upload("", 0);
        this.slugs.put(slug.id, slug);
        fakeApp.add(slug.id, "Deploy " + commit).status = "succeeded";
    }

    /** Every request so far, as {@code METHOD path}. */
    public synchronized List<String> requests() {
        return List.copyOf(this.requestLog);
    }

    /** The app's releases, oldest first, as the API shows them. */
    public synchronized List<Map<String, Object>> releases(String app) {
        return app(app).releases.stream().map(this::json).toList();
    }

    /** The slug id the app runs now, if any. */
    public synchronized Optional<String> currentSlugId(String app) {
        return app(app).current().map(r -> r.slugId);
    }

    @Override
    public void close() {
        this.server.stop(0);
        this.executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Response response;
            if (path.startsWith("/blobs/")) {
                // Slugs are large: digest them as they arrive instead of keeping them.
                Upload upload = digest(exchange.getRequestBody());
                synchronized (this) {
                    this.requestLog.add(method + " " + path);
                    response = blob(method, path.substring("/blobs/".length()), upload);
                }
            }
            else {
                byte[] body = exchange.getRequestBody().readAllBytes();
                synchronized (this) {
                    this.requestLog.add(method + " " + path);
                    response = route(exchange, method, path, body);
                }
            }
            byte[] bytes = response.body;
            exchange.getResponseHeaders().set("Content-Type", response.contentType);
            exchange.getResponseHeaders().set("Ratelimit-Remaining", response.status == 429 ? "0" : "4499");
            exchange.getResponseHeaders().set("Request-Id", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(response.status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
        catch (RuntimeException ex) {
            // A bug in the fake must show in the test output, not as a hung client.
            ex.printStackTrace();
            throw ex;
        }
    }

    private Response route(HttpExchange exchange, String method, String path, byte[] body) {
        if (path.startsWith("/streams/")) {
            String id = path.substring("/streams/".length());
            return this.apps.values().stream()
                .flatMap(a -> a.releases.stream())
                .filter(r -> r.id.equals(id))
                .findFirst()
                .map(r -> new Response(200, "text/plain", String.join("\n", r.output).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> error(404, "not_found", "No such stream"));
        }
        if (path.startsWith("/fake-apps/")) {
            return status(path.substring("/fake-apps/".length()));
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + this.apiKey).equals(authorization)) {
            return error(401, "unauthorized", "Invalid credentials provided.");
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.contains("application/vnd.heroku+json; version=3")) {
            return error(400, "bad_request", "Accept header must ask for application/vnd.heroku+json; version=3");
        }
        Optional<Fault> fault = this.faults.stream()
            .filter(f -> f.method.equals(method) && path.startsWith(f.pathStart))
            .findFirst();
        fault.ifPresent(this.faults::remove);
        if (fault.isPresent() && !fault.get().afterProcessing) {
            return faultResponse(fault.get());
        }
        Response response = dispatch(exchange, method, path, body);
        return fault.isPresent() ? faultResponse(fault.get()) : response;
    }

    private static Response faultResponse(Fault fault) {
        return fault.status == 429 ? error(429, "rate_limit", "Your account reached the API rate limit")
                : error(fault.status, "service_unavailable", "Service temporarily unavailable");
    }

    private Response dispatch(HttpExchange exchange, String method, String path, byte[] body) {
        Matcher matcher = APP_PATH.matcher(path);
        if (!matcher.matches()) {
            return error(404, "not_found", "The requested API endpoint was not found.");
        }
        FakeApp app = this.apps.get(matcher.group(1));
        if (app == null) {
            return error(404, "not_found", "Couldn't find that app.");
        }
        String rest = matcher.group(2) == null ? "" : matcher.group(2);
        JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        if (method.equals("POST") && rest.equals("/slugs")) {
            return createSlug(app, json);
        }
        if (method.equals("POST") && rest.equals("/releases")) {
            return json.hasNonNull("release") ? rollback(app, json.get("release").asString())
                    : createRelease(app, json);
        }
        if (method.equals("GET") && rest.equals("/releases")) {
            return listReleases(app, exchange.getRequestHeaders().getFirst("Range"));
        }
        if (method.equals("GET") && rest.startsWith("/releases/")) {
            return app.find(rest.substring("/releases/".length()))
                .map(r -> ok(200, json(poll(r))))
                .orElseGet(() -> error(404, "not_found", "Couldn't find that release."));
        }
        if (method.equals("PATCH") && rest.equals("/formation")) {
            return scale(app, json);
        }
        if (method.equals("GET") && rest.equals("/formation")) {
            return ok(200, app.formation.values().stream().map(f -> formationJson(app, f)).toList());
        }
        return error(404, "not_found", "The requested API endpoint was not found.");
    }

    private Response createSlug(FakeApp app, JsonNode json) {
        if (!json.hasNonNull("process_types") || !json.get("process_types").isObject()) {
            return error(422, "invalid_params", "process_types is required");
        }
        String checksum = json.path("checksum").asString(null);
        if (checksum != null && !checksum.matches("SHA256:[0-9a-f]{64}")) {
            return error(422, "invalid_params", "checksum must be SHA256:<64 hex digits>");
        }
        Map<String, String> processTypes = new LinkedHashMap<>();
        json.get("process_types").properties().forEach(e -> processTypes.put(e.getKey(), e.getValue().asString()));
        FakeSlug slug = new FakeSlug(UUID.randomUUID().toString(), app.name, processTypes, checksum,
                json.path("commit").asString(null), json.path("stack").asString("heroku-24"), Instant.now());
        this.slugs.put(slug.id, slug);
        return ok(201, slugJson(slug));
    }

    private Response blob(String method, String slugId, Upload upload) {
        FakeSlug slug = this.slugs.get(slugId);
        if (slug == null) {
            return error(404, "not_found", "No such blob");
        }
        if (!method.equals("PUT")) {
            return error(405, "method_not_allowed", "Blob URLs take PUT");
        }
        slug.blob = upload;
        return new Response(200, "text/plain", new byte[0]);
    }

    private Response createRelease(FakeApp app, JsonNode json) {
        FakeSlug slug = this.slugs.get(json.path("slug").asString(""));
        if (slug == null) {
            return error(404, "not_found", "Couldn't find that slug.");
        }
        if (slug.blob == null) {
            return error(422, "invalid_params", "Slug " + slug.id + " has no uploaded archive.");
        }
        if (slug.checksum != null && !slug.checksum.equals("SHA256:" + slug.blob.sha256())) {
            return error(422, "invalid_params", "Slug archive does not match checksum " + slug.checksum);
        }
        String description = json.path("description").asString("Deploy " + shortCommit(slug.commit));
        FakeRelease release = app.add(slug.id, description);
        if (slug.processTypes.containsKey("release")) {
            release.status = "pending";
            release.pollsLeft = this.pendingPolls;
            release.failing = this.failingReleasePhases.contains(app.name);
            release.output.add("Running release command...");
            release.output.add("$ " + slug.processTypes.get("release"));
        }
        else {
            release.status = "succeeded";
        }
        release.smokeFailing = this.failingSmokeTests.contains(app.name);
        return ok(201, json(release));
    }

    private Response rollback(FakeApp app, String target) {
        Optional<FakeRelease> found = app.find(target);
        if (found.isEmpty()) {
            return error(404, "not_found", "Couldn't find that release.");
        }
        if (found.get().slugId == null) {
            return error(422, "invalid_params", "Release v" + found.get().version + " has no slug to roll back to.");
        }
        FakeRelease release = app.add(found.get().slugId, "Rollback to v" + found.get().version);
        release.status = "succeeded";
        return ok(201, json(release));
    }

    /** A poll moves a pending release one step towards its outcome. */
    private FakeRelease poll(FakeRelease release) {
        if (release.status.equals("pending")) {
            if (release.pollsLeft > 0) {
                release.pollsLeft--;
            }
            else if (release.failing) {
                release.output.add("ERROR: migration V2 failed: relation \"endpoints\" already exists");
                release.output.add("Release command exited with status 1");
                release.status = "failed";
            }
            else {
                release.output.add("Migrations applied; exiting 0");
                release.status = "succeeded";
            }
        }
        return release;
    }

    private Response listReleases(FakeApp app, String range) {
        List<FakeRelease> list = new ArrayList<>(app.releases);
        int max = 200;
        if (range != null) {
            if (range.contains("order=desc")) {
                list.sort(Comparator.comparingInt((FakeRelease r) -> r.version).reversed());
            }
            Matcher matcher = RANGE_MAX.matcher(range);
            if (matcher.find()) {
                max = Integer.parseInt(matcher.group(1));
            }
        }
        return ok(list.size() > max ? 206 : 200, list.stream().limit(max).map(this::json).toList());
    }

    private Response scale(FakeApp app, JsonNode json) {
        if (app.current().isEmpty()) {
            return error(422, "invalid_params", "Couldn't find that process type (web): the app has no release.");
        }
        List<Map<String, Object>> updated = new ArrayList<>();
        for (JsonNode update : json.path("updates")) {
            String type = update.path("type").asString("");
            FakeFormation formation = app.formation.computeIfAbsent(type,
                    t -> new FakeFormation(UUID.randomUUID().toString(), t, 1, "standard-1x"));
            if (update.hasNonNull("quantity")) {
                formation.quantity = update.get("quantity").asInt();
            }
            if (update.hasNonNull("size")) {
                formation.size = update.get("size").asString();
            }
            updated.add(formationJson(app, formation));
        }
        return ok(200, updated);
    }

    private Response status(String app) {
        FakeApp fakeApp = this.apps.get(app.replaceAll("/status$", ""));
        if (fakeApp == null || !app.endsWith("/status")) {
            return error(404, "not_found", "No such app");
        }
        boolean up = fakeApp.current().map(r -> !r.smokeFailing).orElse(false);
        return up ? new Response(200, "application/json", "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8))
                : new Response(503, "application/json", "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8));
    }

    private FakeApp app(String name) {
        FakeApp app = this.apps.get(name);
        if (app == null) {
            throw new IllegalArgumentException("The fake has no app " + name);
        }
        return app;
    }

    private Map<String, Object> json(FakeRelease release) {
        FakeApp app = this.apps.get(release.app);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("addon_plan_names", List.of());
        json.put("app", Map.of("id", app.id, "name", app.name));
        json.put("created_at", release.createdAt.toString());
        json.put("description", release.description);
        json.put("status", release.status);
        json.put("id", release.id);
        json.put("slug", release.slugId == null ? null : Map.of("id", release.slugId));
        json.put("updated_at", release.createdAt.toString());
        json.put("user", Map.of("email", "ci@parley.example", "id", "00000000-0000-0000-0000-000000000001"));
        json.put("version", release.version);
        json.put("current", app.current().map(c -> c == release).orElse(false));
        json.put("output_stream_url", release.output.isEmpty() ? null : baseUrl() + "/streams/" + release.id);
        json.put("eligible_for_rollback", release.status.equals("succeeded"));
        return json;
    }

    private Map<String, Object> slugJson(FakeSlug slug) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("blob", Map.of("method", "put", "url", baseUrl() + "/blobs/" + slug.id
                + "?X-Amz-Signature=fake&X-Amz-Expires=3600"));
        json.put("buildpack_provided_description", "Parley (Java)");
        json.put("checksum", slug.checksum);
        json.put("commit", slug.commit);
        json.put("commit_description", null);
        json.put("created_at", slug.createdAt.toString());
        json.put("id", slug.id);
        json.put("process_types", slug.processTypes);
        json.put("size", slug.blob == null ? null : slug.blob.size());
        json.put("stack", Map.of("id", "ee582d3c-717d-4a57-ba5f-8b3a39f3a817", "name", slug.stack));
        json.put("updated_at", slug.createdAt.toString());
        return json;
    }

    private static Map<String, Object> formationJson(FakeApp app, FakeFormation formation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("app", Map.of("id", app.id, "name", app.name));
        json.put("command", app.current().flatMap(r -> Optional.ofNullable(r.slugId)).map(s -> "java -jar").orElse(""));
        json.put("id", formation.id);
        json.put("quantity", formation.quantity);
        json.put("size", formation.size);
        json.put("type", formation.type);
        return json;
    }

    private static Response ok(int status, Object json) {
        return new Response(status, "application/json", JSON.writeValueAsBytes(json));
    }

    private static Response error(int status, String id, String message) {
        return new Response(status, "application/json", JSON.writeValueAsBytes(Map.of("id", id, "message", message)));
    }

    private static String shortCommit(String commit) {
        return commit == null ? "" : commit.substring(0, Math.min(7, commit.length()));
    }

    private static Upload digest(InputStream in) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long size = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                sha256.update(buffer, 0, read);
                size += read;
            }
            return new Upload(HexFormat.of().formatHex(sha256.digest()), size);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** What arrived at a blob URL. */
    private record Upload(String sha256, long size) {
    }

    private record Response(int status, String contentType, byte[] body) {
    }

    private record Fault(String method, String pathStart, int status, boolean afterProcessing) {
    }

    private static final class FakeApp {

        final String name;

        final String id;

        final List<FakeRelease> releases = new ArrayList<>();

        final Map<String, FakeFormation> formation = new LinkedHashMap<>();

        FakeApp(String name, String id) {
            this.name = name;
            this.id = id;
            // Like a new Heroku app: v1 "Initial release" without code.
            FakeRelease initial = add(null, "Initial release");
            initial.status = "succeeded";
        }

        FakeRelease add(String slugId, String description) {
            FakeRelease release = new FakeRelease(UUID.randomUUID().toString(), this.name, this.releases.size() + 1,
                    slugId, description, Instant.now());
            this.releases.add(release);
            return release;
        }

        /** The newest succeeded release. */
        Optional<FakeRelease> current() {
            for (int i = this.releases.size() - 1; i >= 0; i--) {
                if (this.releases.get(i).status.equals("succeeded")) {
                    return Optional.of(this.releases.get(i));
                }
            }
            return Optional.empty();
        }

        Optional<FakeRelease> find(String idOrVersion) {
            return this.releases.stream()
                .filter(r -> r.id.equals(idOrVersion) || String.valueOf(r.version).equals(idOrVersion))
                .findFirst();
        }

    }

    private static final class FakeRelease {

        final String id;

        final String app;

        final int version;

        final String slugId;

        final String description;

        final Instant createdAt;

        final List<String> output = new ArrayList<>();

        String status = "pending";

        int pollsLeft;

        boolean failing;

        boolean smokeFailing;

        FakeRelease(String id, String app, int version, String slugId, String description, Instant createdAt) {
            this.id = id;
            this.app = app;
            this.version = version;
            this.slugId = slugId;
            this.description = description;
            this.createdAt = createdAt;
        }

    }

    private static final class FakeSlug {

        final String id;

        final String app;

        final Map<String, String> processTypes;

        final String checksum;

        final String commit;

        final String stack;

        final Instant createdAt;

        Upload blob;

        FakeSlug(String id, String app, Map<String, String> processTypes, String checksum, String commit, String stack,
                Instant createdAt) {
            this.id = id;
            this.app = app;
            this.processTypes = processTypes;
            this.checksum = checksum;
            this.commit = commit;
            this.stack = stack;
            this.createdAt = createdAt;
        }

    }

    private static final class FakeFormation {

        final String id;

        final String type;

        int quantity;

        String size;

        FakeFormation(String id, String type, int quantity, String size) {
            this.id = id;
            this.type = type;
            this.quantity = quantity;
            this.size = size;
        }

    }

}
