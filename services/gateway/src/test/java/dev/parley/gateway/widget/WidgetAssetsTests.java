package dev.parley.gateway.widget;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The widget script and the demo page as browsers fetch them. */
@WidgetTest
class WidgetAssetsTests {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The budget for what visitors download. */
    static final int MAX_GZIPPED_BYTES = 30 * 1024;

    @LocalServerPort
    int port;

    HttpResponse<byte[]> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).join();
    }

    @Test
    void theScriptIsServedGzippedUnder30KbWithItsContentHashAsETag() throws IOException {
        HttpResponse<byte[]> plain = get("/widget/v1/parley-chat.js");
        HttpResponse<byte[]> gzipped = get("/widget/v1/parley-chat.js", "Accept-Encoding", "gzip");
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gzipped.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        assertThat(gzipped.body().length).isLessThan(MAX_GZIPPED_BYTES);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{16}\"");
        assertThat(plain.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("max-age=300", "public", "must-revalidate"));
        assertThat(plain.headers().firstValue("Vary")).contains("Accept-Encoding");
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("window.ParleyChat");

        assertThat(get("/widget/v1/parley-chat.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void theVersionedScriptIsImmutableAndOtherVersionsAreNotFound() {
        String hash = get("/widget/v1/parley-chat.js").headers().firstValue("ETag").orElseThrow()
                .replace("\"", "");
        HttpResponse<byte[]> versioned = get("/widget/v1/parley-chat." + hash + ".js");
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("max-age=31536000", "immutable"));
        assertThat(get("/widget/v1/parley-chat.0123456789abcdef.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theDemoPageEmbedsTheWidgetForTheFirstBot() {
        HttpResponse<byte[]> demo = get("/widget/demo");
        assertThat(demo.statusCode()).isEqualTo(200);
        String page = new String(demo.body(), StandardCharsets.UTF_8);
        String hash = get("/widget/v1/parley-chat.js").headers().firstValue("ETag").orElseThrow()
                .replace("\"", "");
        assertThat(page).contains("data-org-id=\"" + WidgetTest.ORG_ID + "\"",
                "data-bot-id=\"" + WidgetTest.BOT_ID + "\"", "/widget/v1/parley-chat." + hash + ".js")
                .doesNotContain("{{");
    }
}
