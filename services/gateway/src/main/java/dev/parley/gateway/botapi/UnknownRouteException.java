package dev.parley.gateway.botapi;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** No Bot API route matches the path (404), or one does but not with this method (405, see {@link #allowed()}). */
class UnknownRouteException extends BotApiException {

    private final Set<HttpMethod> allowed;

    private UnknownRouteException(HttpStatus status, String message, Set<HttpMethod> allowed) {
        super(status, message);
        this.allowed = allowed;
    }

    static UnknownRouteException noRoute(String path) {
        return new UnknownRouteException(HttpStatus.NOT_FOUND, "No resource at " + path, Set.of());
    }

    static UnknownRouteException wrongMethod(String method, String path, Set<HttpMethod> allowed) {
        return new UnknownRouteException(HttpStatus.METHOD_NOT_ALLOWED,
                "Method " + method + " is not supported for " + path, allowed);
    }

    /** The methods the path supports; empty for a 404. */
    Set<HttpMethod> allowed() {
        return allowed;
    }
}
