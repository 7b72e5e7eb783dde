package dev.parley.eventsconsumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class QueryApiIntegrationTests extends IngestIntegrationTest {

    private static final String ORG = "/internal/v1/orgs/00D000000000001AAA";

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of(ORG + "/debug-logs?from=yesterday", "from"),
                Arguments.of(ORG + "/debug-logs?to=2026-13-01T00:00:00Z", "to"),
                Arguments.of(ORG + "/debug-logs?from=2026-05-01T10:00:00", "from"),
                Arguments.of(ORG + "/debug-logs?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z", "from"),
                Arguments.of(ORG + "/debug-logs?from=2026-05-01T00:00:00Z&to=2026-05-01T00:00:00Z", "from"),
                Arguments.of(ORG + "/debug-logs?from=1900-01-01T00:00:00Z", "from"),
                Arguments.of(ORG + "/debug-logs?size=201", "size"),
                Arguments.of(ORG + "/debug-logs?size=0", "size"),
                Arguments.of(ORG + "/debug-logs?size=ten", "size"),
                Arguments.of(ORG + "/debug-logs?page=-1", "page"),
                Arguments.of(ORG + "/debug-logs?botId=" + "b".repeat(129), "botId"),
                Arguments.of(ORG + "/debug-logs?versionId=v%201", "versionId"),
                Arguments.of("/internal/v1/orgs/bad%20org/debug-logs", "orgId"),
                Arguments.of(ORG + "/sessions/s-1/debug-log?size=501", "size"),
                Arguments.of(ORG + "/sessions/s-1/debug-log?page=x", "page"),
                Arguments.of(ORG + "/sessions/s%201/debug-log", "sessionId"),
                Arguments.of(ORG + "/bots/support/metrics?granularity=week", "granularity"),
                Arguments.of(ORG + "/bots/support/metrics?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z", "from"),
                Arguments.of(ORG + "/bots/support/metrics?granularity=minute&from=2026-01-01T00:00:00Z"
                        + "&to=2026-02-01T00:00:00Z", "granularity"),
                Arguments.of(ORG + "/bots/support/metrics?to=soon", "to"),
                Arguments.of(ORG + "/bots/support/metrics?dialog=" + "d".repeat(256), "dialog"),
                Arguments.of(ORG + "/bots/b%20c/metrics", "botId"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void badParametersGetAProblemNamingTheParameter(String path, String parameter) {
        QueryApi.Answer answer = api.get(path);
        assertThat(answer.status()).as(path + " -> " + answer.body()).isEqualTo(400);
        assertThat(answer.body().path("parameter").asString()).isEqualTo(parameter);
        assertThat(answer.body().path("code").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(answer.body().path("detail").asString()).startsWith(parameter + " ");
        assertThat(answer.body().toString()).doesNotContain("Exception", "at dev.");
    }

    @Test
    void callsWithoutTheInternalCredentialAreRefused() {
        assertThat(api.get(ORG + "/debug-logs", null).status()).isEqualTo(401);
        assertThat(api.get(ORG + "/bots/support/metrics", "wrong").status()).isEqualTo(401);
    }

    @Test
    void aSessionWithoutDebugLogIsNotFound() {
        QueryApi.Answer answer = api.get(ORG + "/sessions/" + newSession() + "/debug-log");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().path("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void emptyWindowsAnswerZeroFilledBuckets() {
        var metrics = api.ok(ORG + "/bots/nobody/metrics?granularity=hour&from=2026-05-01T10:30:00Z"
                + "&to=2026-05-01T13:00:00Z");
        assertThat(metrics.path("from").asString()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(metrics.path("buckets").size()).isEqualTo(3);
        assertThat(metrics.path("totals").path("sessions").asLong()).isZero();
        assertThat(metrics.path("totals").path("latency").path("p50Ms").isNull()).isTrue();
    }
}
