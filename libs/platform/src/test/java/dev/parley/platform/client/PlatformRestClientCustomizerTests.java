package dev.parley.platform.client;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import dev.parley.platform.PlatformProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.headerDoesNotExist;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

class PlatformRestClientCustomizerTests {

    private static final PlatformProperties PROPERTIES = new PlatformProperties("eu", "the-credential", false, "",
            List.of("parley-runtime-eu.herokuapp.com", "*.parley.example.net"));

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void addsRequestIdAndCredentialOnInternalCalls() {
        MDC.put("request_id", "rid-7");
        RestClient.Builder builder = RestClient.builder();
        new PlatformRestClientCustomizer(PROPERTIES).customize(builder);
        MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
        server.expect(requestTo("http://runtime.test/internal/turns"))
            .andExpect(header("X-Request-ID", "rid-7"))
            .andExpect(header("X-Parley-Internal-Credential", "the-credential"))
            .andRespond(withSuccess());

        builder.build().get().uri("http://runtime.test/internal/turns").retrieve().toBodilessEntity();

        server.verify();
    }

    @Test
    void keepsTheCredentialFromThirdParties() {
        MDC.put("request_id", "rid-8");
        RestClient.Builder builder = RestClient.builder();
        new PlatformRestClientCustomizer(PROPERTIES).customize(builder);
        MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
        server.expect(requestTo("https://hooks.customer.com/parley"))
            .andExpect(header("X-Request-ID", "rid-8"))
            .andExpect(headerDoesNotExist("X-Parley-Internal-Credential"))
            .andRespond(withSuccess());

        builder.build().get().uri("https://hooks.customer.com/parley").retrieve().toBodilessEntity();

        server.verify();
    }

    @Test
    void leavesExplicitHeadersAndAbsentRequestIdAlone() {
        RestClient.Builder builder = RestClient.builder();
        new PlatformRestClientCustomizer(PROPERTIES).customize(builder);
        MockRestServiceServer server = MockRestServiceServer.bindTo(builder).build();
        server.expect(requestTo("http://localhost:8080/internal/x"))
            .andExpect(headerDoesNotExist("X-Request-ID"))
            .andExpect(header("X-Parley-Internal-Credential", "other"))
            .andRespond(withSuccess());

        builder.build()
            .get()
            .uri("http://localhost:8080/internal/x")
            .header("X-Parley-Internal-Credential", "other")
            .retrieve()
            .toBodilessEntity();

        server.verify();
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "runtime", "web.runtime.app.localspace",
            "runtime.test", "svc.internal", "api.localhost", "example.com", "x.example.org",
            "parley-runtime-eu.herokuapp.com", "a.parley.example.net", "RUNTIME.TEST." })
    void treatsLoopbackReservedAndConfiguredHostsAsInternal(String host) {
        assertThat(new InternalHosts(PROPERTIES.internalHosts()).isInternal(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "hooks.customer.com", "evil.herokuapp.com", "127.evil.com", "10.0.0.5", "notexample.com",
            "example.com.evil.io", "parley.example.net.evil.io", "" })
    void treatsEverythingElseAsThirdParty(String host) {
        assertThat(new InternalHosts(PROPERTIES.internalHosts()).isInternal(host)).isFalse();
    }

}
