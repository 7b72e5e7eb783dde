package dev.parley.buildpackci.platformapi;

/**
 * A release as the Platform API returns it.
 *
 * @param id the release's id
 * @param version the app's release version (v42)
 * @param status {@code pending} while the release phase runs, then {@code succeeded} or {@code failed}
 * @param slug the slug it runs, null for releases without code (config changes before the first deploy)
 * @param outputStreamUrl the release phase's output, where there is a release phase
 * @param current whether the app runs it now
 * @param description what the release was (deploy, rollback, config change)
 */
public record Release(String id, int version, String status, Named slug, String outputStreamUrl, boolean current,
        String description) {

    public static final String PENDING = "pending";

    public static final String SUCCEEDED = "succeeded";

    public static final String FAILED = "failed";

    public boolean isPending() {
        return PENDING.equals(this.status);
    }

    public boolean isSucceeded() {
        return SUCCEEDED.equals(this.status);
    }

    /** The id of its slug, or null. */
    public String slugId() {
        return this.slug == null ? null : this.slug.id();
    }

}
