package dev.parley.callout.auth;

/** Supplies the {@code Authorization} header of an endpoint's calls. */
public interface Authenticator {

    /**
     * The header value for the next call, or {@code null} to send none. May fetch a token within the deadline.
     *
     * @throws dev.parley.callout.CalloutFailure AUTH_FAILED or TIMEOUT when no token could be had
     */
    String authorization(long deadlineNanos, long limitMillis);

    /**
     * The API answered 401 to {@code usedAuthorization}: forget it. Answers whether a fresh one may be worth one
     * more try (only for OAuth tokens).
     */
    boolean rejected(String usedAuthorization);

    /** No authentication. */
    Authenticator NONE = new Authenticator() {
        @Override
        public String authorization(long deadlineNanos, long limitMillis) {
            return null;
        }

        @Override
        public boolean rejected(String usedAuthorization) {
            return false;
        }
    };

    /** A static bearer token. */
    static Authenticator bearer(String token) {
        String header = "Bearer " + token;
        return new Authenticator() {
            @Override
            public String authorization(long deadlineNanos, long limitMillis) {
                return header;
            }

            @Override
            public boolean rejected(String usedAuthorization) {
                return false;
            }
        };
    }
}
