package dev.parley.gateway.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.parley.gateway.testsupport.GatewayTest;
import dev.parley.gateway.testsupport.JsonShape;
import dev.parley.gateway.testsupport.TestClients;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

@GatewayTest
class OAuthControllerTests {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    @Autowired
    MockMvc mvc;

    MvcResult tokenRequest(String formBody) throws Exception {
        // Exactly what Salesforce's SDK sends: a form body under a Content-Type its writer overrides to form.
        return mvc.perform(post("/services/oauth2/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content(formBody)).andReturn();
    }

    MvcResult tokenFor(String assertion) throws Exception {
        return tokenRequest("grant_type=" + encode(GRANT) + "&assertion=" + encode(assertion));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode json(MvcResult result) throws Exception {
        return JsonShape.parse(result.getResponse().getContentAsString());
    }

    static void assertOAuthError(MvcResult result, int status, String error, String description) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        JsonNode body = json(result);
        assertThat(body.propertyNames()).containsExactly("error", "error_description");
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("error_description").asString()).contains(description);
    }

    @Nested
    class Token {

        @Test
        void aValidAssertionGetsASalesforceShapedTokenResponse() throws Exception {
            MvcResult result = tokenFor(TestClients.A.assertion());

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
            JsonNode body = json(result);
            assertThat(body.propertyNames()).containsExactly("access_token", "scope", "instance_url", "id",
                    "token_type", "issued_at");
            assertThat(body.get("access_token").asString()).isNotBlank();
            assertThat(body.get("scope").asString()).isEqualTo("chatbot_api");
            assertThat(body.get("instance_url").asString()).isEqualTo(TestClients.PUBLIC_URL);
            assertThat(body.get("id").asString()).isEqualTo(TestClients.PUBLIC_URL + "/id/" + TestClients.A.orgId()
                    + "/bot-user%40a.example");
            assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
            assertThat(Long.parseLong(body.get("issued_at").asString()))
                    .isCloseTo(System.currentTimeMillis(), offset(60_000L));
        }

        @Test
        void aJsonBodyWithStringValuesIsAccepted() throws Exception {
            MvcResult result = mvc.perform(post("/services/oauth2/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"grant_type\":\"" + GRANT + "\",\"assertion\":\"" + TestClients.A.assertion() + "\"}"))
                    .andReturn();

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
        }

        @Test
        void aJsonBodyWithOneElementArraysIsAccepted() throws Exception {
            MvcResult result = mvc.perform(post("/services/oauth2/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"grant_type\":[\"" + GRANT + "\"],\"assertion\":[\"" + TestClients.A.assertion()
                            + "\"]}"))
                    .andReturn();

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
        }

        @Test
        void aFormBodyDeclaredAsJsonIsAccepted() throws Exception {
            MvcResult result = mvc.perform(post("/services/oauth2/token").contentType(MediaType.APPLICATION_JSON)
                    .content("grant_type=" + encode(GRANT) + "&assertion=" + TestClients.A.assertion())).andReturn();

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
        }

        @Test
        void anAudienceWithATrailingSlashIsAccepted() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims().audience(TestClients.PUBLIC_URL + "/").build(),
                    TestClients.A.keyPair().getPrivate());

            assertThat(tokenFor(assertion).getResponse().getStatus()).isEqualTo(200);
        }

        @Test
        void anAssertionExpiredWithinTheClockSkewIsAccepted() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims()
                    .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(2)))).build(),
                    TestClients.A.keyPair().getPrivate());

            assertThat(tokenFor(assertion).getResponse().getStatus()).isEqualTo(200);
        }

        @Test
        void anExpiredAssertionIsAnInvalidGrant() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims()
                    .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(6)))).build(),
                    TestClients.A.keyPair().getPrivate());

            assertOAuthError(tokenFor(assertion), 400, "invalid_grant", "expired");
        }

        @Test
        void anAssertionWithoutExpiryIsAnInvalidGrant() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims().expirationTime(null).build(),
                    TestClients.A.keyPair().getPrivate());

            assertOAuthError(tokenFor(assertion), 400, "invalid_grant", "exp is required");
        }

        @Test
        void anAssertionExpiringMoreThanADayAheadIsAnInvalidGrant() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims()
                    .expirationTime(Date.from(Instant.now().plus(Duration.ofDays(2)))).build(),
                    TestClients.A.keyPair().getPrivate());

            assertOAuthError(tokenFor(assertion), 400, "invalid_grant", "ahead");
        }

        @Test
        void anAssertionNotValidYetIsAnInvalidGrant() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims()
                    .notBeforeTime(Date.from(Instant.now().plus(Duration.ofMinutes(10)))).build(),
                    TestClients.A.keyPair().getPrivate());

            assertOAuthError(tokenFor(assertion), 400, "invalid_grant", "nbf");
        }

        @Test
        void anUnsignedAssertionIsAnInvalidGrant() throws Exception {
            assertOAuthError(tokenFor(TestClients.unsigned(TestClients.A.claims().build())), 400, "invalid_grant",
                    "not a signed JWT");
        }

        @Test
        void anHmacSignedAssertionIsAnInvalidGrant() throws Exception {
            // HS256 keyed with the app's secret (or its public key bytes) must never pass for RS256.
            String assertion = TestClients.hs256(TestClients.A.claims().build(),
                    TestClients.A.consumerSecret() + "-padding-to-reach-256-bits-of-key");

            assertOAuthError(tokenFor(assertion), 400, "invalid_grant", "HS256 is not allowed");
        }

        @Test
        void anAssertionForAnotherAudienceIsAnInvalidGrant() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims().audience("https://login.salesforce.com")
                    .build(), TestClients.A.keyPair().getPrivate());

            assertOAuthError(tokenFor(assertion), 400, "invalid_grant", "audience is invalid");
        }

        @Test
        void anAssertionOfAnUnknownIssuerIsAnInvalidClient() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims().issuer("nobody").build(),
                    TestClients.A.keyPair().getPrivate());

            assertOAuthError(tokenFor(assertion), 400, "invalid_client_id", "client identifier invalid");
        }

        @Test
        void anAssertionSignedWithAnotherAppsKeyIsAnInvalidGrant() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims().build(), TestClients.B.keyPair().getPrivate());

            assertOAuthError(tokenFor(assertion), 400, "invalid_grant", "signature");
        }

        @Test
        void anAssertionForAUserTheAppMayNotActForIsAnInvalidGrant() throws Exception {
            String assertion = TestClients.rs256(TestClients.A.claims().subject(TestClients.B.username()).build(),
                    TestClients.A.keyPair().getPrivate());

            assertOAuthError(tokenFor(assertion), 400, "invalid_grant", "user hasn't approved this consumer");
        }

        @Test
        void aGarbageAssertionIsAnInvalidGrant() throws Exception {
            assertOAuthError(tokenFor("garbage"), 400, "invalid_grant", "not a signed JWT");
        }

        @Test
        void aMissingAssertionIsAnInvalidRequest() throws Exception {
            assertOAuthError(tokenRequest("grant_type=" + encode(GRANT)), 400, "invalid_request",
                    "assertion is required");
        }

        @Test
        void anotherGrantTypeIsUnsupported() throws Exception {
            assertOAuthError(tokenRequest("grant_type=password&username=a&password=b"), 400, "unsupported_grant_type",
                    "not supported");
        }

        @Test
        void aMissingGrantTypeIsAnInvalidRequest() throws Exception {
            assertOAuthError(tokenRequest(""), 400, "invalid_request", "grant_type is required");
        }

        @Test
        void aRepeatedParameterIsAnInvalidRequest() throws Exception {
            assertOAuthError(tokenRequest("grant_type=" + encode(GRANT) + "&grant_type=" + encode(GRANT)), 400,
                    "invalid_request", "repeated");
        }

        @Test
        void malformedJsonIsAnInvalidRequest() throws Exception {
            MvcResult result = mvc.perform(post("/services/oauth2/token").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"grant_type\":")).andReturn();

            assertOAuthError(result, 400, "invalid_request", "neither valid JSON nor a form");
        }

        @Test
        void aBodyOverTheLimitIsRefused() throws Exception {
            assertOAuthError(tokenRequest("grant_type=" + "x".repeat(70 * 1024)), 413, "invalid_request", "65536");
        }
    }

    @Nested
    class Introspection {

        String basic(String key, String secret) {
            return "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret).getBytes());
        }

        MvcResult introspect(String authorization, String token) throws Exception {
            // As the SDK sends it: form body with token and token_type.
            return mvc.perform(post("/services/oauth2/introspect").header("Authorization", authorization)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("token=" + encode(token) + "&token_type=access_token")).andReturn();
        }

        String accessToken(TestClients.Client client) throws Exception {
            return json(tokenFor(client.assertion())).get("access_token").asString();
        }

        @Test
        void aValidTokenIsActive() throws Exception {
            MvcResult result = introspect(basic(TestClients.A.consumerKey(), TestClients.A.consumerSecret()),
                    accessToken(TestClients.A));

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            JsonNode body = json(result);
            assertThat(body.propertyNames()).containsExactly("active", "scope", "client_id", "sub", "exp",
                    "token_type");
            assertThat(body.get("active").asBoolean()).isTrue();
            assertThat(body.get("client_id").asString()).isEqualTo(TestClients.A.consumerKey());
            assertThat(body.get("sub").asString()).isEqualTo(TestClients.A.username());
            assertThat(body.get("scope").asString()).isEqualTo("chatbot_api");
            assertThat(body.get("token_type").asString()).isEqualTo("access_token");
            // Default lifetime: two hours.
            assertThat(body.get("exp").asLong()).isCloseTo(Instant.now().plus(Duration.ofHours(2)).getEpochSecond(),
                    offset(60L));
        }

        @Test
        void garbageIsInactive() throws Exception {
            MvcResult result = introspect(basic(TestClients.A.consumerKey(), TestClients.A.consumerSecret()), "junk");

            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).isEqualTo("{\"active\":false}");
        }

        @Test
        void anotherAppsTokenIsInactive() throws Exception {
            MvcResult result = introspect(basic(TestClients.A.consumerKey(), TestClients.A.consumerSecret()),
                    accessToken(TestClients.B));

            assertThat(result.getResponse().getContentAsString()).isEqualTo("{\"active\":false}");
        }

        @Test
        void wrongClientCredentialsAreUnauthorized() throws Exception {
            MvcResult result = introspect(basic(TestClients.A.consumerKey(), "wrong"), accessToken(TestClients.A));

            assertOAuthError(result, 401, "invalid_client", "invalid client credentials");
            assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Basic");
        }

        @Test
        void anUnknownClientIsUnauthorized() throws Exception {
            assertOAuthError(introspect(basic("nobody", "x"), "junk"), 401, "invalid_client", "invalid");
        }

        @Test
        void missingClientCredentialsAreUnauthorized() throws Exception {
            MvcResult result = mvc.perform(post("/services/oauth2/introspect")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("token=junk")).andReturn();

            assertOAuthError(result, 401, "invalid_client", "invalid");
        }

        @Test
        void clientCredentialsInTheBodyAreAccepted() throws Exception {
            MvcResult result = mvc.perform(post("/services/oauth2/introspect")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("client_id=" + TestClients.A.consumerKey() + "&client_secret="
                            + TestClients.A.consumerSecret() + "&token=" + accessToken(TestClients.A))).andReturn();

            assertThat(json(result).get("active").asBoolean()).isTrue();
        }

        @Test
        void aMissingTokenIsAnInvalidRequest() throws Exception {
            MvcResult result = mvc.perform(post("/services/oauth2/introspect")
                    .header("Authorization", basic(TestClients.A.consumerKey(), TestClients.A.consumerSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("token_type=access_token")).andReturn();

            assertOAuthError(result, 400, "invalid_request", "token is required");
        }
    }

    @Test
    void anotherMethodOnAnOAuthEndpointIsRefusedInOAuthFormat() throws Exception {
        MvcResult result = mvc.perform(get("/services/oauth2/token")).andReturn();

        assertOAuthError(result, 405, "invalid_request", "use POST");
        assertThat(result.getResponse().getHeader("Allow")).isEqualTo("POST");
    }

    @Test
    void anUnknownOAuthEndpointIsNotFoundInOAuthFormat() throws Exception {
        assertOAuthError(mvc.perform(post("/services/oauth2/authorize")).andReturn(), 404, "invalid_request",
                "no OAuth endpoint");
    }

    @Test
    void theClaimsOfTheSdkJwtAreEnough() throws Exception {
        // The SDK sends only aud, sub, iss and exp: no iat, nbf or jti.
        JWTClaimsSet claims = TestClients.A.claims().build();

        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("aud", "iss", "sub", "exp");
        assertThat(tokenFor(TestClients.rs256(claims, TestClients.A.keyPair().getPrivate())).getResponse().getStatus())
                .isEqualTo(200);
    }
}
