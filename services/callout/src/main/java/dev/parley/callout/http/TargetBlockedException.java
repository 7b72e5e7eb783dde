package dev.parley.callout.http;

import java.net.UnknownHostException;

/**
 * A host resolved to an address the endpoint may not reach. An {@link UnknownHostException} so that it leaves the
 * HTTP client's connect step the way a failed lookup would: before any socket is opened.
 */
final class TargetBlockedException extends UnknownHostException {

    TargetBlockedException(String host, String address, String reason) {
        super(host + " resolves to " + address + ", " + reason);
    }
}
