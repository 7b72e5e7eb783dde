package dev.parley.gateway.botapi;

import static dev.parley.gateway.testsupport.ApiErrors.assertApiError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import dev.parley.gateway.oauth.TestAccessTokens;
import dev.parley.gateway.testsupport.FakeRuntimeClient;
import dev.parley.gateway.testsupport.GatewayTest;
import dev.parley.gateway.testsupport.JsonShape;
import dev.parley.gateway.testsupport.TestClients;
import dev.parley.gateway.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@GatewayTest
class BotApiAuthTests {

    static final String MESSAGES_PATH = "/v5.1.0/sessions/" + FakeRuntimeClient.SESSION_ID + "/messages";

    static final String BODY = "{\"message\":{\"type\":\"text\",\"sequenceId\":1,\"text\":\"hi\"}}";

    @Autowired
    MockMvc mvc;

    @Autowired
    FakeRuntimeClient runtime;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void setUp() {
        runtime.reset();
    }

    MockHttpServletRequestBuilder message(String authorization, String orgId) {
        MockHttpServletRequestBuilder request = post(MESSAGES_PATH).contentType(MediaType.APPLICATION_JSON)
                .content(BODY);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (orgId != null) {
            request.header("X-Org-Id", orgId);
        }
        return request;
    }

    void assertRefused(MockHttpServletRequestBuilder request, int status, String error) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertApiError(result, status, error, MESSAGES_PATH);
        if (status == 401) {
            assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(runtime.calls()).as("runtime calls").isEmpty();
    }

    @Test
    void aValidTokenOfTheOrgInXOrgIdIsAccepted() throws Exception {
        String token = Tokens.obtain(mvc, TestClients.A);

        MvcResult result = mvc.perform(message("Bearer " + token, TestClients.A.orgId())).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(runtime.calls()).singleElement()
                .satisfies(call -> assertThat(call.orgId()).isEqualTo(TestClients.A.orgId()));
    }

    @Test
    void aMissingTokenIsUnauthorized() throws Exception {
        assertRefused(message(null, TestClients.A.orgId()), 401, "UnauthorizedError");
    }

    @Test
    void anotherAuthorizationSchemeIsUnauthorized() throws Exception {
        assertRefused(message("Basic YTpi", TestClients.A.orgId()), 401, "UnauthorizedError");
    }

    @Test
    void aGarbageTokenIsUnauthorized() throws Exception {
        assertRefused(message("Bearer not-a-token", TestClients.A.orgId()), 401, "UnauthorizedError");
    }

    @Test
    void anExpiredTokenIsUnauthorized() throws Exception {
        String expired = TestAccessTokens.issue(context, TestClients.SIGNING_SECRET, TestClients.A.consumerKey(),
                TestClients.A.username(), Instant.now().minus(Duration.ofHours(3)), Duration.ofHours(2));

        assertRefused(message("Bearer " + expired, TestClients.A.orgId()), 401, "UnauthorizedError");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsUnauthorized() throws Exception {
        String forged = TestAccessTokens.issue(context, "another-secret-of-at-least-32-bytes-long!!",
                TestClients.A.consumerKey(), TestClients.A.username(), Instant.now(), Duration.ofHours(2));

        assertRefused(message("Bearer " + forged, TestClients.A.orgId()), 401, "UnauthorizedError");
    }

    @Test
    void aTamperedTokenIsUnauthorized() throws Exception {
        String token = Tokens.obtain(mvc, TestClients.A);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]))
                .replace(TestClients.A.orgId(), TestClients.B.orgId());
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2];

        assertRefused(message("Bearer " + tampered, TestClients.B.orgId()), 401, "UnauthorizedError");
    }

    @Test
    void aJwtAssertionIsNotAnAccessToken() throws Exception {
        assertRefused(message("Bearer " + TestClients.A.assertion(), TestClients.A.orgId()), 401,
                "UnauthorizedError");
    }

    @Test
    void aMissingOrgIdIsABadRequest() throws Exception {
        String token = Tokens.obtain(mvc, TestClients.A);

        assertRefused(message("Bearer " + token, null), 400, "BadRequestError");
    }

    @Test
    void aTokenOfAnotherOrgIsForbidden() throws Exception {
        String tokenOfB = Tokens.obtain(mvc, TestClients.B);

        assertRefused(message("Bearer " + tokenOfB, TestClients.A.orgId()), 403, "ForbiddenError");
    }

    @Test
    void everyVersionedRouteRequiresAToken() throws Exception {
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                post("/v5.1.0/bots/b1/sessions").contentType(MediaType.APPLICATION_JSON).content("{}"),
                delete("/v5.1.0/sessions/s1").header("X-Session-End-Reason", "Other"),
                get("/v5.1.0/unknown")}) {
            MvcResult result = mvc.perform(request.header("X-Org-Id", TestClients.A.orgId())).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(401);
        }
        assertThat(runtime.calls()).isEmpty();
    }

    @Test
    void statusAndVersionsNeedNoTokenAndMatchTheGoldenFiles() throws Exception {
        MvcResult status = mvc.perform(get("/status")).andReturn();
        MvcResult versions = mvc.perform(get("/versions")).andReturn();

        assertThat(status.getResponse().getStatus()).isEqualTo(200);
        assertThat(status.getResponse().getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(versions.getResponse().getStatus()).isEqualTo(200);
        JsonShape.assertMatchesGolden(versions.getResponse().getContentAsString(), "versionsResponse.json");
        assertThat(versions.getResponse().getContentAsString())
                .isEqualTo("{\"versions\":[{\"versionNumber\":\"5.1.0\",\"status\":\"ACTIVE\"}]}");
    }
}
