package dev.parley.registry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** The registry over real HTTP, as curl would call it. */
final class RegistryHttp {

    static final String ORG_A = "00D000000000001AAA";
    static final String ORG_B = "00D000000000002AAA";
    static final String TOKEN_A = "registry-test-token-org-a";
    static final String TOKEN_B = "registry-test-token-org-b";
    static final String CREDENTIAL = "registry-test-credential";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    RegistryHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response, its body kept as bytes. */
    record Response(int status, HttpHeaders headers, byte[] body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        <T> T as(Class<T> type) {
            return JSON.readValue(body, type);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    static String bots(String org) {
        return "/admin/v1/orgs/" + org + "/bots";
    }

    /** Multipart upload, one part per file, as {@code curl -F file=@a -F file=@b}. */
    Response upload(String token, String org, List<TestFile> files) {
        String boundary = "----parley" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (TestFile file : files) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.name() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(file.content());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return send(token, HttpRequest.newBuilder(uri(bots(org)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Raw body upload, as {@code curl --data-binary @x -H 'Content-Type: ...'}. */
    Response uploadRaw(String token, String org, String contentType, byte[] content, String query) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(bots(org) + (query == null ? "" : "?" + query)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(content));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(token, request);
    }

    Response get(String token, String path) {
        return send(token, HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String token, String path) {
        return send(token, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response internal(String credential, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (credential != null) {
            request.header("X-Parley-Internal-Credential", credential);
        }
        return send(null, request);
    }

    Response send(String token, HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
