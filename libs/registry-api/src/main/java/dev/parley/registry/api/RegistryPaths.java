package dev.parley.registry.api;

/** URL templates of the registry's HTTP API; {@code {name}} parts are path variables. */
public final class RegistryPaths {

    /** Admin API: the bots of an org ({@code GET} lists, {@code POST} uploads a version). */
    public static final String BOTS = "/admin/v1/orgs/{orgId}/bots";

    /** Admin API: one bot. */
    public static final String BOT = BOTS + "/{botId}";

    /** Admin API: the versions of a bot, newest first. */
    public static final String VERSIONS = BOT + "/versions";

    /** Admin API: one version with its diagnostics and status. */
    public static final String VERSION = VERSIONS + "/{versionId}";

    /** Admin API: {@code POST} makes the version the active one. */
    public static final String ACTIVATE = VERSION + "/activate";

    /** Admin API: {@code GET} downloads the version's files as uploaded (the zip, or the single file). */
    public static final String DOWNLOAD = VERSION + "/download";

    /** Admin API: {@code POST} activates the version that was active before the current one. */
    public static final String ROLLBACK = BOT + "/rollback";

    /** Admin API: the bot's activation history, newest first. */
    public static final String ACTIVATIONS = BOT + "/activations";

    /** Internal API: the active version of every bot of every org. */
    public static final String INTERNAL_ACTIVE_VERSIONS = "/internal/v1/active-versions";

    /** Internal API: the source files of one version, for a runtime to parse and compile. */
    public static final String INTERNAL_VERSION_FILES =
            "/internal/v1/orgs/{orgId}/bots/{botId}/versions/{versionId}/files";

    private RegistryPaths() {
    }
}
