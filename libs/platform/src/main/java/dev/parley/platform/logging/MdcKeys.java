package dev.parley.platform.logging;

/** MDC keys that Parley's JSON log lines carry; services put session and org ids in the MDC under these names. */
public final class MdcKeys {

    /** The request id, from {@code X-Request-ID} or generated; set by the platform. */
    public static final String REQUEST_ID = "request_id";

    /** The conversation session id; set by services while they work on a session. */
    public static final String SESSION_ID = "session_id";

    /** The tenant (org) id; set by services while they work for an org. */
    public static final String ORG_ID = "org_id";

    private MdcKeys() {
    }

}
