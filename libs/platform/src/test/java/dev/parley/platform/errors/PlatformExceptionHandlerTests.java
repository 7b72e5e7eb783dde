package dev.parley.platform.errors;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformExceptionHandlerTests {

    private final PlatformExceptionHandler handler = new PlatformExceptionHandler();

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload");

    @Test
    void answersATooLargeUploadWith413() throws Exception {
        ResponseEntity<Object> response = this.handler.handleException(new MaxUploadSizeExceededException(1024),
                new ServletWebRequest(this.request, new MockHttpServletResponse()));
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody()).isInstanceOf(ProblemDetail.class);
    }

    @Test
    void honoursResponseStatusAnnotations() {
        ResponseEntity<Object> response = this.handler.handleUnexpected(new BotMissingException(), this.request);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).isEqualTo("No such bot");
    }

    @Test
    void keepsTheStatusOfErrorResponses() throws Exception {
        ResponseEntity<Object> response = this.handler.handleException(
                new ResponseStatusException(HttpStatus.CONFLICT, "Version 3 is already active"),
                new ServletWebRequest(this.request, new MockHttpServletResponse()));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).isEqualTo("Version 3 is already active");
    }

    @Test
    void revealsNothingAboutAnUnexpectedException() {
        ResponseEntity<Object> response = this.handler
            .handleUnexpected(new IllegalStateException("password=hunter2"), this.request);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        ProblemDetail body = (ProblemDetail) response.getBody();
        assertThat(body.getDetail()).doesNotContain("hunter2");
        assertThat(String.valueOf(body.getProperties())).doesNotContain("hunter2");
    }

    @ResponseStatus(code = HttpStatus.NOT_FOUND, reason = "No such bot")
    static class BotMissingException extends RuntimeException {

    }

}
