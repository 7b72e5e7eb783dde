package dev.parley.gateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** Assertions on the spec's error body. */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** Asserts {@code result} is the spec's error body with {@code status} and {@code error}; returns its message. */
    public static String assertApiError(MvcResult result, int status, String error, String path) throws Exception {
        assertThat(result.getResponse().getStatus()).as("HTTP status").isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        String body = result.getResponse().getContentAsString();
        return assertApiErrorBody(body, status, error, path, result.getResponse().getHeader("X-Request-ID"));
    }

    /** The same on a raw body and the response's {@code X-Request-ID}. */
    public static String assertApiErrorBody(String body, int status, String error, String path, String requestId) {
        JsonShape.assertMatchesGolden(body, "errorResponse.json");
        JsonNode json = JsonShape.parse(body);
        assertThat(json.get("status").asInt()).isEqualTo(status);
        assertThat(json.get("error").asString()).isEqualTo(error);
        assertThat(json.get("path").asString()).isEqualTo(path);
        assertThat(json.get("requestId").asString()).isNotBlank().isEqualTo(requestId);
        assertThat(json.get("timestamp").asLong())
                .isBetween(Instant.now().minusSeconds(60).toEpochMilli(), Instant.now().plusSeconds(5).toEpochMilli());
        String message = json.get("message").asString();
        assertThat(message).isNotBlank().doesNotContain("Exception", "\tat ", "tools.jackson", "dev.parley");
        return message;
    }
}
