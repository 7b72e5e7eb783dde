package dev.parley.sessionstore.session;

import java.util.List;

/**
 * Redis keys of one session. The {@code {sessionId}} hash tag puts them all in one cluster slot, which lets one Lua
 * script touch them atomically.
 */
record SessionKeys(String lease, String fence, String queue, String state, String replies) {

    static SessionKeys of(String sessionId) {
        String prefix = "parley:s:{" + sessionId + "}:";
        return new SessionKeys(prefix + "lease", prefix + "fence", prefix + "queue", prefix + "state",
                prefix + "replies");
    }

    List<String> all() {
        return List.of(lease, fence, queue, state, replies);
    }
}
