package dev.parley.callout.endpoint;

/** The org has no endpoint of that name; answered 404 {@code UNKNOWN_ENDPOINT} on admin routes. */
public class UnknownEndpointException extends RuntimeException {

    public UnknownEndpointException(String orgId, String name) {
        super("org " + orgId + " has no endpoint named '" + name + "'");
    }
}
