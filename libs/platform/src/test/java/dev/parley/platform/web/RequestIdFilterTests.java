package dev.parley.platform.web;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTests {

    private final RequestIdFilter filter = new RequestIdFilter();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void exposesTheIdInTheMdcDuringTheRequestAndClearsEverythingAfter() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
        request.addHeader("X-Request-ID", "req-1");
        AtomicReference<String> seen = new AtomicReference<>();
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                    jakarta.servlet.http.HttpServletResponse res) {
                seen.set(MDC.get("request_id"));
                MDC.put("org_id", "org-9");
            }
        });
        MockHttpServletResponse response = new MockHttpServletResponse();

        this.filter.doFilter(request, response, chain);

        assertThat(seen).hasValue("req-1");
        assertThat(response.getHeader("X-Request-ID")).isEqualTo("req-1");
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void restoresAnOuterMdcContext() throws Exception {
        MDC.put("outer", "kept");
        this.filter.doFilter(new MockHttpServletRequest("GET", "/x"), new MockHttpServletResponse(),
                new MockFilterChain());
        assertThat(MDC.getCopyOfContextMap()).containsExactly(java.util.Map.entry("outer", "kept"));
    }

    @Test
    void acceptsOnlySaneIds() {
        assertThat(RequestIds.acceptOrGenerate("a.B-9_:z")).isEqualTo("a.B-9_:z");
        assertThat(RequestIds.acceptOrGenerate("x".repeat(128))).hasSize(128);
        assertThat(RequestIds.acceptOrGenerate("x".repeat(129))).hasSize(36);
        assertThat(RequestIds.acceptOrGenerate("")).hasSize(36);
        assertThat(RequestIds.acceptOrGenerate(null)).hasSize(36);
        assertThat(RequestIds.acceptOrGenerate("a\nb")).hasSize(36);
        assertThat(RequestIds.acceptOrGenerate("ünïcode")).hasSize(36);
    }

}
