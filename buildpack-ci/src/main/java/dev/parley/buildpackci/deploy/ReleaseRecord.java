package dev.parley.buildpackci.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a deploy released where: the uploaded slugs and, per region, each app's new and previous release. Written
 * after every step (so a crash leaves an accurate record) and read by rollback. Jenkins archives it.
 *
 * @param environment the environment deployed
 * @param commit the source commit deployed
 * @param startedAt when the deploy began
 * @param updatedAt when the record last changed
 * @param slugs the uploaded slugs, one per service
 * @param regions the regions released so far, in release order
 */
public record ReleaseRecord(String environment, String commit, Instant startedAt, Instant updatedAt,
        List<UploadedSlug> slugs, List<RegionRelease> regions) {

    public ReleaseRecord {
        slugs = List.copyOf(slugs);
        regions = List.copyOf(regions);
    }

    /**
     * A slug made through the Platform API.
     *
     * @param service the service
     * @param slugId its id: every region's app of the service releases this slug
     * @param checksum {@code SHA256:<hex>}
     * @param createdOn the app it was created on (the canary region's)
     * @param processTypes its process types
     */
    public record UploadedSlug(String service, String slugId, String checksum, String createdOn,
            Map<String, String> processTypes) {
    }

    /** Where a region stands. */
    public enum Outcome {

        /** Releases are being created or awaited. */
        RELEASING,

        /** Every app runs the new release and the smoke test passed. */
        RELEASED,

        /** A release or the smoke test failed, and every app of the region is back on its previous release. */
        FAILED_ROLLED_BACK,

        /** Rolled back on request after it had been released. */
        ROLLED_BACK,

        /** A rollback did not bring every app back: see the apps' statuses. */
        ROLLBACK_INCOMPLETE

    }

    /**
     * One region's releases.
     *
     * @param region the region
     * @param outcome where it stands
     * @param detail why it failed or what the smoke test saw
     * @param updatedAt when it last changed
     * @param apps one entry per service
     */
    public record RegionRelease(String region, Outcome outcome, String detail, Instant updatedAt,
            List<AppRelease> apps) {

        public RegionRelease {
            apps = List.copyOf(apps);
        }

        public RegionRelease with(Outcome newOutcome, String newDetail, List<AppRelease> newApps) {
            return new RegionRelease(this.region, newOutcome, newDetail, Instant.now(), newApps);
        }

    }

    /**
     * One app's release in a region.
     *
     * @param service the service
     * @param app the Heroku app
     * @param releaseId the new release, null before it was created
     * @param version its version
     * @param status pending, succeeded or failed (the Platform API's), or skipped when the app already ran the slug
     * @param previousReleaseId the release the app ran before, what rollback returns to (null: none with code)
     * @param previousVersion its version
     * @param rollbackReleaseId the release a rollback created, if any
     * @param rollbackVersion its version
     */
    public record AppRelease(String service, String app, String releaseId, Integer version, String status,
            String previousReleaseId, Integer previousVersion, String rollbackReleaseId, Integer rollbackVersion) {

        public AppRelease withRelease(String id, int newVersion, String newStatus) {
            return new AppRelease(this.service, this.app, id, newVersion, newStatus, this.previousReleaseId,
                    this.previousVersion, this.rollbackReleaseId, this.rollbackVersion);
        }

        public AppRelease withStatus(String newStatus) {
            return new AppRelease(this.service, this.app, this.releaseId, this.version, newStatus,
                    this.previousReleaseId, this.previousVersion, this.rollbackReleaseId, this.rollbackVersion);
        }

        public AppRelease withRollback(String id, int newVersion) {
            return new AppRelease(this.service, this.app, this.releaseId, this.version, this.status,
                    this.previousReleaseId, this.previousVersion, id, newVersion);
        }

    }

    /** A new record for a deploy of {@code commit} to {@code environment}. */
    public static ReleaseRecord start(String environment, String commit) {
        Instant now = Instant.now();
        return new ReleaseRecord(environment, commit, now, now, List.of(), List.of());
    }

    public Optional<UploadedSlug> slug(String service) {
        return this.slugs.stream().filter(s -> s.service().equals(service)).findFirst();
    }

    public Optional<RegionRelease> region(String name) {
        return this.regions.stream().filter(r -> r.region().equals(name)).findFirst();
    }

    public ReleaseRecord withSlug(UploadedSlug slug) {
        List<UploadedSlug> updated = new ArrayList<>(this.slugs);
        updated.removeIf(s -> s.service().equals(slug.service()));
        updated.add(slug);
        return new ReleaseRecord(this.environment, this.commit, this.startedAt, Instant.now(), updated, this.regions);
    }

    /** The record with {@code region} replacing the entry of the same name, or appended. */
    public ReleaseRecord withRegion(RegionRelease region) {
        List<RegionRelease> updated = new ArrayList<>(this.regions);
        int index = -1;
        for (int i = 0; i < updated.size(); i++) {
            if (updated.get(i).region().equals(region.region())) {
                index = i;
            }
        }
        if (index >= 0) {
            updated.set(index, region);
        }
        else {
            updated.add(region);
        }
        return new ReleaseRecord(this.environment, this.commit, this.startedAt, Instant.now(), this.slugs, updated);
    }

}
