package dev.parley.runtime.api;

/** Internal HTTP routes of runtime. Every route requires the platform's internal credential. */
public final class RuntimePaths {

    /** {@code POST} {@link StartSessionCommand}: starts a session and runs its first turn; answers {@link TurnReply}. */
    public static final String START_SESSION = "/internal/v1/orgs/{orgId}/bots/{botId}/sessions";

    /** {@code POST} {@link MessageCommand}: runs one turn of an active session; answers {@link TurnReply}. */
    public static final String MESSAGES = "/internal/v1/orgs/{orgId}/sessions/{sessionId}/messages";

    /** {@code POST} {@link EndSessionCommand}: ends a session; answers {@link TurnReply}. */
    public static final String END_SESSION = "/internal/v1/orgs/{orgId}/sessions/{sessionId}/end";

    private RuntimePaths() {
    }
}
