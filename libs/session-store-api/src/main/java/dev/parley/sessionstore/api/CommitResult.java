package dev.parley.sessionstore.api;

/** The answer to a successful {@link CommitRequest}: the session's new version. */
public record CommitResult(String sessionId, long version) {
}
