package dev.parley.platform.web;

/** The internal-credential convention shared by the server filter and the outgoing-call interceptor. */
public final class InternalCredentials {

    /** Header carrying the shared internal credential on calls between Parley services. */
    public static final String HEADER = "X-Parley-Internal-Credential";

    /** Path prefix of endpoints that require the credential. */
    public static final String PATH_PREFIX = "/internal/";

    private InternalCredentials() {
    }

}
