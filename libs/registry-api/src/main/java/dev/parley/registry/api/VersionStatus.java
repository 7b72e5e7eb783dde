package dev.parley.registry.api;

/** Whether a version is the one new sessions of its bot run. */
public enum VersionStatus {
    /** New sessions of the bot run this version. */
    ACTIVE,
    /** Stored, not run by new sessions (sessions started on it keep running it). */
    INACTIVE
}
