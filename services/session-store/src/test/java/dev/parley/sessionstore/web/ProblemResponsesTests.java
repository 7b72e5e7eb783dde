package dev.parley.sessionstore.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.ProblemDetail;

class ProblemResponsesTests {

    private final ProblemResponses responses = new ProblemResponses();

    @Test
    void unreachableRedisIsA503WithoutInternals() {
        ProblemDetail problem = responses.storeUnavailable(
                new RedisConnectionFailureException("Unable to connect to 10.0.0.7:6379"));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getProperties()).containsEntry("code", "STORE_UNAVAILABLE");
        assertThat(problem.getDetail()).doesNotContain("10.0.0.7");
    }

    @Test
    void invalidFieldIsA400NamingIt() {
        ProblemDetail problem = responses.invalid(new InvalidRequestException("ttlMillis", "must be within 100..60000"));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", "BAD_REQUEST").containsEntry("field", "ttlMillis");
    }
}
