package dev.parley.callout.api;

import java.util.Map;

/**
 * The request of an {@code http} endpoint. Placeholders {@code {!input}} take the invocation's inputs: URL-encoded
 * in the URL, verbatim in headers (CR/LF refused), and in the body as JSON (escaped string content inside a JSON
 * string, a JSON value elsewhere).
 *
 * @param method       GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS (default GET)
 * @param urlTemplate  an absolute {@code https://} URL, or a path resolved against the endpoint's {@code baseUrl}
 * @param headers      extra request headers (not {@code Host}, {@code Content-Length}, {@code Connection}, ...)
 * @param bodyTemplate a JSON document; when omitted, POST/PUT/PATCH send the inputs as a JSON object
 */
public record HttpTemplate(String method, String urlTemplate, Map<String, String> headers, String bodyTemplate) {
}
