package dev.parley.gateway.botapi;

import java.net.URI;
import java.net.URISyntaxException;

/** The org's instance URL, as the client was configured with it. */
record ForceConfig(String endpoint) {

    private static final int MAX_URL_LENGTH = 2048;

    ForceConfig {
        Fields.requiredText("endpoint", endpoint, MAX_URL_LENGTH);
        try {
            URI uri = new URI(endpoint.strip());
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new InvalidFieldException("endpoint", "must be an absolute http(s) URL");
            }
        }
        catch (URISyntaxException e) {
            throw new InvalidFieldException("endpoint", "must be an absolute http(s) URL");
        }
    }
}
