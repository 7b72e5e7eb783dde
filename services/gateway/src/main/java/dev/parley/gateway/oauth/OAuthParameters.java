package dev.parley.gateway.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parameters of an OAuth request. Clients send them form-urlencoded (as RFC 6749 says, and as Salesforce's SDK
 * does despite declaring {@code application/json}); a JSON object whose values are strings or one-element string
 * arrays is accepted too. The body is sniffed, not trusted by its declared content type.
 */
final class OAuthParameters {

    /** Largest accepted request body. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> values;

    private OAuthParameters(Map<String, String> values) {
        this.values = values;
    }

    static OAuthParameters read(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body = readBody(request);
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            // The container may already have parsed a form body into parameters (or they came in the query).
            return fromParameterMap(request.getParameterMap());
        }
        return text.startsWith("{") ? fromJson(text) : fromForm(text);
    }

    /** The parameter's value, or {@code null} when it is absent or blank. */
    String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static byte[] readBody(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
        catch (IOException e) {
            throw OAuthException.invalidRequest("the request body could not be read");
        }
    }

    private static OAuthParameters fromParameterMap(Map<String, String[]> parameters) {
        Map<String, String> values = new HashMap<>();
        parameters.forEach((name, array) -> {
            if (array.length > 1) {
                throw repeated(name);
            }
            if (array.length == 1) {
                values.put(name, array[0]);
            }
        });
        return new OAuthParameters(values);
    }

    private static OAuthParameters fromForm(String body) {
        Map<String, String> values = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (values.put(name, value) != null) {
                    throw repeated(name);
                }
            }
            catch (IllegalArgumentException e) {
                throw OAuthException.invalidRequest("the form body is not valid application/x-www-form-urlencoded");
            }
        }
        return new OAuthParameters(values);
    }

    private static OAuthParameters fromJson(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        }
        catch (JacksonException e) {
            throw OAuthException.invalidRequest("the body is neither valid JSON nor a form");
        }
        if (root == null || !root.isObject()) {
            throw OAuthException.invalidRequest("a JSON body must be an object of parameters");
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode node = field.getValue();
            if (node.isArray() && node.size() == 1) {
                node = node.get(0);
            }
            if (!node.isString()) {
                throw OAuthException.invalidRequest("parameter '" + field.getKey()
                        + "' must be a string or a one-element array of strings");
            }
            values.put(field.getKey(), node.asString());
        }
        return new OAuthParameters(values);
    }

    private static OAuthException repeated(String name) {
        return OAuthException.invalidRequest("parameter '" + name + "' is repeated");
    }

    private static OAuthException tooLarge() {
        return new OAuthException(HttpStatus.CONTENT_TOO_LARGE, "invalid_request",
                "the request body exceeds " + MAX_BODY_BYTES + " bytes");
    }
}
