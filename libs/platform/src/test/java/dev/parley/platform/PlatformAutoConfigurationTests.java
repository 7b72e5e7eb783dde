package dev.parley.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.parley.platform.errors.PlatformExceptionHandler;
import dev.parley.platform.kafka.KafkaNames;
import dev.parley.platform.testapp.PlatformTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform inside a running service: a real server on a random port, called over HTTP. */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.application.name=platform-test", "parley.platform.region=test-region",
                "parley.platform.internal-credential=s3cret-credential", "KAFKA_PREFIX=test-prefix." })
@ExtendWith(OutputCaptureExtension.class)
class PlatformAutoConfigurationTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    KafkaNames kafkaNames;

    @Autowired
    ApplicationContext context;

    @Test
    void echoesASaneRequestIdAndPutsItInTheMdc() throws Exception {
        HttpResponse<String> response = get("/hello", "X-Request-ID", "abc-123:x.y_z");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("abc-123:x.y_z");
        assertThat(json.readTree(response.body()).get("requestId").asString()).isEqualTo("abc-123:x.y_z");
    }

    @Test
    void generatesARequestIdWhenNoneIsSent() throws Exception {
        HttpResponse<String> response = get("/hello");
        String id = response.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(json.readTree(response.body()).get("requestId").asString()).isEqualTo(id);
    }

    @Test
    void replacesAnInsaneRequestId() throws Exception {
        for (String insane : List.of("has space", "x".repeat(129), "<script>", "a\"b")) {
            HttpResponse<String> response = get("/hello", "X-Request-ID", insane);
            assertThat(response.headers().firstValue("X-Request-ID")).hasValueSatisfying(
                    id -> assertThat(id).isNotEqualTo(insane).matches("[0-9a-f-]{36}"));
        }
    }

    @Test
    void writesSingleLineJsonLogsWithServiceRegionAndMdcIds(CapturedOutput output) throws Exception {
        get("/hello", "X-Request-ID", "log-check-1");
        JsonNode line = logLineContaining(output, "Said hello");
        assertThat(line.get("request_id").asString()).isEqualTo("log-check-1");
        assertThat(line.get("session_id").asString()).isEqualTo("session-1");
        assertThat(line.get("org_id").asString()).isEqualTo("org-1");
        assertThat(line.get("service").asString()).isEqualTo("platform-test");
        assertThat(line.get("region").asString()).isEqualTo("test-region");
    }

    @Test
    void rejectsInternalRequestsWithoutTheCredential() throws Exception {
        for (String path : List.of("/internal/ping", "//internal/ping", "/INTERNAL/ping", "/%69nternal/ping",
                "/internal;x=1/ping", "/internal")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(401);
            assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
        }
    }

    @Test
    void rejectsInternalRequestsWithAWrongCredential() throws Exception {
        assertThat(get("/internal/ping", "X-Parley-Internal-Credential", "s3cret-credentiaX").statusCode())
            .isEqualTo(401);
        assertThat(get("/internal/ping", "X-Parley-Internal-Credential", "s3cret-credential-longer").statusCode())
            .isEqualTo(401);
        assertThat(get("/internal/ping", "X-Parley-Internal-Credential", "").statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsInternalRequestsWithTheCredential() throws Exception {
        HttpResponse<String> response = get("/internal/ping", "X-Parley-Internal-Credential", "s3cret-credential");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
    }

    @Test
    void restClientsFromTheBuilderForwardRequestIdAndCredential() throws Exception {
        HttpResponse<String> response = get("/relay", "X-Request-ID", "relay-42");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("requestId").asString()).isEqualTo("relay-42");
    }

    @Test
    void actuatorIsPublicAndPrometheusCarriesServiceAndRegionTags() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        get("/hello");
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).containsPattern("jvm_threads_live_threads\\{[^}]*region=\"test-region\"")
            .containsPattern("jvm_threads_live_threads\\{[^}]*service=\"platform-test\"");
        assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    }

    @Test
    void turnsAnUnexpectedExceptionIntoABare500Problem(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/boom", "X-Request-ID", "boom-1");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("secret internal detail")
            .doesNotContain("IllegalStateException")
            .doesNotContain("at dev.parley");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        assertThat(problem.get("requestId").asString()).isEqualTo("boom-1");
        JsonNode logged = logLineContaining(output, "failed with an unexpected exception");
        assertThat(logged.get("request_id").asString()).isEqualTo("boom-1");
        assertThat(logged.get("stack_trace").asString()).contains("secret internal detail");
    }

    @Test
    void turnsMalformedJsonIntoA400Problem() throws Exception {
        HttpResponse<String> response = post("/greetings", "{\"name\": ");
        assertProblem(response, 400);
    }

    @Test
    void turnsAnInvalidBodyIntoA400ProblemListingTheField() throws Exception {
        HttpResponse<String> response = post("/greetings", "{\"name\": \"  \"}");
        JsonNode problem = assertProblem(response, 400);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void mapsSpringClientErrorsToTheirStatus() throws Exception {
        assertProblem(get("/items/not-a-number"), 400);
        assertProblem(get("/needs-header"), 400);
        assertProblem(get("/no-such-thing"), 404);
        assertProblem(send(HttpRequest.newBuilder(uri("/hello")).DELETE().build()), 405);
        assertProblem(send(HttpRequest.newBuilder(uri("/greetings"))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("hi"))
            .build()), 415);
    }

    @Test
    void replacesBootsProblemDetailsHandlerWithThePlatformOne() {
        assertThat(this.context.getBeansOfType(ResponseEntityExceptionHandler.class)).hasSize(1)
            .allSatisfy((name, handler) -> assertThat(handler).isInstanceOf(PlatformExceptionHandler.class));
    }

    @Test
    void appliesTheKafkaPrefixFromTheConfigVar() {
        assertThat(this.kafkaNames.topic("parley.turn-events")).isEqualTo("test-prefix.parley.turn-events");
        assertThat(this.kafkaNames.group("runtime")).isEqualTo("test-prefix.runtime");
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("\"trace\"").doesNotContain("Exception");
        return problem;
    }

    private static JsonNode logLineContaining(CapturedOutput output, String text) {
        String line = Arrays.stream(output.getOut().split("\n"))
            .filter(l -> l.contains(text))
            .reduce((first, second) -> second)
            .orElseThrow(() -> new AssertionError("No log line contains '" + text + "' in:\n" + output.getOut()));
        assertThat(line).startsWith("{").endsWith("}");
        return json.readTree(line);
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }


}
