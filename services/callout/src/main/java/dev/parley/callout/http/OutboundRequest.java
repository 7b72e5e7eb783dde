package dev.parley.callout.http;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request to an endpoint.
 *
 * @param method  HTTP method
 * @param uri     absolute target
 * @param headers request headers, in order
 * @param body    JSON body, or {@code null} for none
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body) {
}
