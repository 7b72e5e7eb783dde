package dev.parley.gateway.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Gets real access tokens from the gateway's token endpoint. */
public final class Tokens {

    private Tokens() {
    }

    /** An access token for {@code client}, through the JWT bearer grant. */
    public static String obtain(MockMvc mvc, TestClients.Client client) throws Exception {
        MvcResult result = mvc.perform(post("/services/oauth2/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                        .param("assertion", client.assertion()))
                .andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("token request failed: " + result.getResponse().getContentAsString());
        }
        return JsonShape.parse(result.getResponse().getContentAsString()).get("access_token").asString();
    }
}
