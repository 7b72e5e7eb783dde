package dev.parley.platform.client;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InternalHttpClientsTests {

    @Test
    void buildsTheUriATemplateWouldExpandTo() {
        String template = "/internal/v1/sessions/{sessionId}/lease/{fencingToken}";
        Object[] values = { "a b/c?d#é", 42L };

        URI built = InternalHttpClients.uri("http://session-store:8082/", template, values);

        assertThat(built).isEqualTo(UriComponentsBuilder.fromUriString("http://session-store:8082" + template)
            .encode().buildAndExpand(values).toUri());
        assertThat(built.getRawPath()).isEqualTo("/internal/v1/sessions/a%20b%2Fc%3Fd%23%C3%A9/lease/42");
    }

    @Test
    void keepsATemplateWithoutPlaceholdersAsItIs() {
        assertThat(InternalHttpClients.uri("http://runtime:8081", "/internal/v1/turns"))
            .isEqualTo(URI.create("http://runtime:8081/internal/v1/turns"));
    }

    @Test
    void refusesMoreValuesThanPlaceholders() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> InternalHttpClients.uri("http://runtime:8081", "/x/{a}", "1", "2"))
            .withMessageContaining("fewer placeholders");
    }

}
