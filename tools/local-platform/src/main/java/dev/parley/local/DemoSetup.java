package dev.parley.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an admin of the demo org would do by hand, done once at start through the services' own APIs: upload the
 * order-status sample bot to the registry and activate it, and register the Apex endpoint its invocation calls.
 */
final class DemoSetup {

    private static final Pattern FIELD = Pattern.compile("\"(botId|versionId)\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The registry's ids of the uploaded bot. */
    record UploadedBot(String botId, String versionId) {
    }

    UploadedBot uploadAndActivate(String registryUrl, String orgId, String adminToken, Path botFile)
            throws IOException, InterruptedException {
        String boundary = "parley-" + UUID.randomUUID();
        byte[] file = Files.readAllBytes(botFile);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + botFile.getFileName() + "\"\r\nContent-Type: application/xml\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        String bots = registryUrl + "/admin/v1/orgs/" + orgId + "/bots";
        String uploaded = send(HttpRequest.newBuilder(URI.create(bots))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), "upload " + botFile.getFileName());
        Map<String, String> ids = fields(uploaded);
        send(HttpRequest.newBuilder(URI.create(bots + "/" + ids.get("botId") + "/versions/" + ids.get("versionId")
                        + "/activate"))
                .header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()), "activate " + botFile.getFileName());
        return new UploadedBot(ids.get("botId"), ids.get("versionId"));
    }

    void registerOrderStatusEndpoint(String calloutUrl, String orgId, String internalCredential, String apexUrl)
            throws IOException, InterruptedException {
        String endpoint = """
                {"kind": "apex", "baseUrl": "%s", "authentication": {"type": "bearer", "token": "%s"},
                 "timeouts": {"connectMs": 1000, "callMs": 3000},
                 "allowPrivateNetwork": true, "allowHttp": true}""".formatted(apexUrl, DemoOrderSystem.TOKEN);
        send(HttpRequest.newBuilder(URI.create(calloutUrl + "/internal/v1/orgs/" + orgId + "/endpoints/OrderStatus"))
                .header("X-Parley-Internal-Credential", internalCredential)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(endpoint)), "register the OrderStatus endpoint");
    }

    private String send(HttpRequest.Builder request, String what) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Could not " + what + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private static Map<String, String> fields(String json) {
        Map<String, String> found = new java.util.HashMap<>();
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            found.putIfAbsent(matcher.group(1), matcher.group(2));
        }
        if (!found.containsKey("botId") || !found.containsKey("versionId")) {
            throw new IllegalStateException("The registry's answer names no botId/versionId: " + json);
        }
        return found;
    }
}
