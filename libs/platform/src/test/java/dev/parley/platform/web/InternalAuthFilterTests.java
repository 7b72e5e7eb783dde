package dev.parley.platform.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class InternalAuthFilterTests {

    @ParameterizedTest
    @ValueSource(strings = { "/internal", "/internal/", "/internal/x", "//internal/x", "/INTERNAL/x", "/Internal/x",
            "/%69nternal/x", "/internal;a=b/x", "/./internal/x", "/foo/../internal/x", "/%2e/internal",
            "/internal/../public", "/%zz/x" })
    void guardsEveryWayOfSpellingInternal(String uri) {
        assertThat(InternalAuthFilter.isInternalPath(new MockHttpServletRequest("GET", uri))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/internals/x", "/api/internal/x", "/actuator/prometheus", "/x/internal",
            "/internal-ish" })
    void leavesOtherPathsAlone(String uri) {
        assertThat(InternalAuthFilter.isInternalPath(new MockHttpServletRequest("GET", uri))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/app/internal/x", "/app//internal" })
    void stripsTheContextPath(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setContextPath("/app");
        assertThat(InternalAuthFilter.isInternalPath(request)).isTrue();
    }

}
