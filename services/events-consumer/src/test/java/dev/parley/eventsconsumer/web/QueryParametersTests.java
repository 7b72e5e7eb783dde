package dev.parley.eventsconsumer.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTests {

    @Test
    void parsesInstantsWithAnOffset() {
        assertThat(QueryParameters.instant("from", "2026-05-01T12:00:00+02:00"))
                .isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(QueryParameters.instant("from", null)).isNull();
    }

    @Test
    void namesTheParameterTheRuleAndTheValue() {
        assertThatThrownBy(() -> QueryParameters.instant("to", "2026-05-01"))
                .isInstanceOf(InvalidQueryParameterException.class)
                .hasMessage("to must be an ISO-8601 date-time with an offset, such as 2026-05-01T10:00:00Z, but was "
                        + "'2026-05-01'");
        assertThatThrownBy(() -> QueryParameters.size("1000", 50, 200))
                .hasMessage("size must be within 1..200 but was 1000");
        assertThatThrownBy(() -> QueryParameters.window(Instant.parse("2026-05-02T00:00:00Z"),
                Instant.parse("2026-05-01T00:00:00Z")))
                .hasMessage("from must be before to, but from=2026-05-02T00:00:00Z and to=2026-05-01T00:00:00Z");
        assertThatThrownBy(() -> QueryParameters.id("orgId", "a/b")).hasMessageStartingWith("orgId must be 1-128");
    }

    @Test
    void defaultsPagingWhenAbsent() {
        assertThat(QueryParameters.page(null)).isZero();
        assertThat(QueryParameters.size("", 50, 200)).isEqualTo(50);
    }
}
