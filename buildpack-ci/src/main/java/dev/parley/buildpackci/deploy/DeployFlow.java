package dev.parley.buildpackci.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.parley.buildpackci.deploy.DeployTargets.RegionTarget;
import dev.parley.buildpackci.deploy.ReleaseRecord.AppRelease;
import dev.parley.buildpackci.deploy.ReleaseRecord.Outcome;
import dev.parley.buildpackci.deploy.ReleaseRecord.RegionRelease;
import dev.parley.buildpackci.deploy.ReleaseRecord.UploadedSlug;
import dev.parley.buildpackci.platformapi.NewSlug;
import dev.parley.buildpackci.platformapi.PlatformApiClient;
import dev.parley.buildpackci.platformapi.PlatformApiException;
import dev.parley.buildpackci.platformapi.Release;
import dev.parley.buildpackci.platformapi.SlugInfo;
import dev.parley.buildpackci.slug.SlugManifest;

/**
 * The deploy flow: upload every service's slug once, then release region by region, canary first. In a region every
 * app gets its release, the flow waits for their release phases, smoke-tests the region through its gateway, and on
 * any failure rolls every app of the region back to the release it ran before. A failed region stops the promotion.
 * Every step lands in the release record, which {@link #rollback} reads.
 */
public final class DeployFlow {

    /**
     * Timing of the flow.
     *
     * @param releaseTimeout how long a release phase may take
     */
    public record Settings(Duration releaseTimeout) {
    }

    private final PlatformApiClient api;

    private final SmokeTest smokeTest;

    private final ReleaseRecordStore store;

    private final Consumer<String> out;

    private final Settings settings;

    public DeployFlow(PlatformApiClient api, SmokeTest smokeTest, ReleaseRecordStore store, Consumer<String> out,
            Settings settings) {
        this.api = api;
        this.smokeTest = smokeTest;
        this.store = store;
        this.out = out;
        this.settings = settings;
    }

    /** Uploads the slugs, then releases {@code regions} in order (all of them, canary first, when empty). */
    public boolean deploy(DeployTargets targets, SlugManifest manifest, Path slugDirectory, List<String> regions) {
        upload(targets, manifest, slugDirectory);
        List<String> order = regions.isEmpty() ? targets.order() : regions;
        boolean succeeded = true;
        for (String region : order) {
            RegionRelease result = release(targets, region);
            if (result.outcome() != Outcome.RELEASED) {
                this.out.accept("Promotion stopped: " + region + " " + result.outcome() + " (" + result.detail() + ")");
                succeeded = false;
                break;
            }
        }
        printVersions(this.store.read().orElseThrow());
        return succeeded;
    }

    /**
     * Creates each service's slug on its canary-region app and uploads the tarball. A record of the same commit that
     * already holds a service's slug with the same checksum is kept (a re-run uploads nothing twice).
     */
    public ReleaseRecord upload(DeployTargets targets, SlugManifest manifest, Path slugDirectory) {
        RegionTarget canary = targets.region(targets.canary());
        String commit = manifest.slugs().isEmpty() ? "unknown" : manifest.slugs().get(0).commit();
        checkServices(targets, manifest);
        ReleaseRecord record = this.store.read()
            .filter(r -> r.environment().equals(targets.environment()) && r.commit().equals(commit))
            .orElseGet(() -> ReleaseRecord.start(targets.environment(), commit));
        this.store.write(record);
        for (SlugManifest.Entry slug : manifest.slugs()) {
            Optional<UploadedSlug> uploaded = record.slug(slug.service());
            if (uploaded.isPresent() && uploaded.get().checksum().equals(slug.checksum())) {
                this.out.accept("Slug " + slug.service() + ": already uploaded as " + uploaded.get().slugId());
                continue;
            }
            String app = canary.apps().get(slug.service());
            SlugInfo created = this.api.createSlug(app, new NewSlug(slug.processTypes(), slug.checksum(),
                    slug.commit(), "Parley " + shortCommit(slug.commit()), slug.stack(),
                    "Parley (Java " + slug.javaVersion() + ")"));
            long start = System.nanoTime();
            this.api.uploadSlug(created, slugDirectory.resolve(slug.file()));
            this.out.accept(String.format("Slug %-16s uploaded as %s (%d MB in %.1f s)", slug.service(), created.id(),
                    slug.sizeBytes() >> 20, (System.nanoTime() - start) / 1e9));
            record = this.store.write(record.withSlug(new UploadedSlug(slug.service(), created.id(), slug.checksum(),
                    app, slug.processTypes())));
        }
        return record;
    }

    /**
     * Releases every service's uploaded slug in {@code region}, waits for the release phases, smoke-tests the
     * gateway, and rolls the whole region back when anything fails.
     */
    public RegionRelease release(DeployTargets targets, String region) {
        RegionTarget target = targets.region(region);
        ReleaseRecord record = this.store.read()
            .orElseThrow(() -> new MissingReleaseRecordException(this.store.file(), "upload the slugs first"));
        String role = region.equals(targets.canary()) ? " (canary)" : "";
        this.out.accept("== Releasing " + record.commit() + " to " + region + role);

        List<AppRelease> apps = new ArrayList<>();
        for (String service : new TreeSet<>(target.apps().keySet())) {
            String app = target.apps().get(service);
            UploadedSlug slug = record.slug(service)
                .orElseThrow(() -> new MissingReleaseRecordException(this.store.file(), "no uploaded slug for "
                        + service));
            Optional<Release> previous = this.api.currentRelease(app);
            if (previous.isPresent() && slug.slugId().equals(previous.get().slugId())) {
                this.out.accept(String.format("  %-16s %s already runs this slug (v%d)", service, app,
                        previous.get().version()));
                Release running = previous.get();
                apps.add(new AppRelease(service, app, running.id(), running.version(), "skipped", null, null, null,
                        null));
                continue;
            }
            AppRelease entry = new AppRelease(service, app, null, null, "creating",
                    previous.map(Release::id).orElse(null), previous.map(Release::version).orElse(null), null, null);
            apps.add(entry);
            record = this.store.write(record.withRegion(new RegionRelease(region, Outcome.RELEASING, null,
                    Instant.now(), apps)));
            Release created = this.api.createRelease(app, slug.slugId(), "Deploy " + shortCommit(record.commit())
                    + " (" + region + ")", previous.map(Release::version).orElse(0));
            apps.set(apps.size() - 1, entry.withRelease(created.id(), created.version(), created.status()));
            record = this.store.write(record.withRegion(new RegionRelease(region, Outcome.RELEASING, null,
                    Instant.now(), apps)));
            this.out.accept(String.format("  %-16s %s v%d %s", service, app, created.version(), created.status()));
        }

        String failure = null;
        for (int i = 0; i < apps.size(); i++) {
            AppRelease entry = apps.get(i);
            if (entry.status().equals("skipped")) {
                continue;
            }
            try {
                String service = entry.service();
                Release done = this.api.awaitRelease(entry.app(), this.api.release(entry.app(), entry.releaseId()),
                        this.settings.releaseTimeout(), line -> this.out.accept(String.format("  %-16s%s", service,
                                line.strip().startsWith("|") ? line.strip() : "| " + line.strip())));
                apps.set(i, entry.withStatus(done.status()));
                if (!done.isSucceeded()) {
                    failure = failure != null ? failure : entry.service() + " release v" + done.version() + " "
                            + done.status();
                }
            }
            catch (PlatformApiException ex) {
                apps.set(i, entry.withStatus("unknown"));
                failure = failure != null ? failure : entry.service() + ": " + ex.getMessage();
            }
            record = this.store.write(record.withRegion(new RegionRelease(region, Outcome.RELEASING, failure,
                    Instant.now(), apps)));
        }

        String detail;
        if (failure == null) {
            if (target.gatewayUrl() == null) {
                detail = "no gateway URL: smoke test not run";
            }
            else {
                SmokeTest.Result smoke = this.smokeTest.check(target.gatewayUrl());
                this.out.accept("  smoke test: " + (smoke.passed() ? "passed" : "FAILED") + " (" + smoke.detail() + ")");
                detail = smoke.detail();
                if (!smoke.passed()) {
                    failure = "smoke test failed: " + smoke.detail();
                }
            }
        }
        else {
            detail = failure;
        }

        RegionRelease result;
        if (failure == null) {
            result = new RegionRelease(region, Outcome.RELEASED, detail, Instant.now(), apps);
            this.store.write(record.withRegion(result));
        }
        else {
            this.out.accept("  " + region + " failed (" + failure + "): rolling back every app of the region");
            result = rollBackRegion(record.withRegion(new RegionRelease(region, Outcome.RELEASING, failure,
                    Instant.now(), apps)), region, Outcome.FAILED_ROLLED_BACK, failure);
        }
        this.out.accept("  " + describe(result));
        return result;
    }

    /**
     * Rolls back {@code regions} (every region of the record when empty; with {@code incompleteOnly}, only those not
     * {@code RELEASED}) to the releases their apps ran before this deploy.
     */
    public List<RegionRelease> rollback(List<String> regions, boolean incompleteOnly) {
        ReleaseRecord record = this.store.read()
            .orElseThrow(() -> new MissingReleaseRecordException(this.store.file(), "nothing was released"));
        for (String requested : regions) {
            if (record.region(requested).isEmpty()) {
                this.out.accept(requested + ": nothing of this deploy was released there, nothing to roll back");
            }
        }
        List<RegionRelease> results = new ArrayList<>();
        for (RegionRelease region : record.regions()) {
            if (!regions.isEmpty() && !regions.contains(region.region())) {
                continue;
            }
            if (incompleteOnly && region.outcome() != Outcome.RELEASING) {
                continue;
            }
            if (region.outcome() == Outcome.FAILED_ROLLED_BACK || region.outcome() == Outcome.ROLLED_BACK) {
                this.out.accept(region.region() + ": already rolled back");
                continue;
            }
            this.out.accept("== Rolling back " + region.region());
            RegionRelease result = rollBackRegion(record, region.region(), Outcome.ROLLED_BACK, "rolled back on request");
            record = this.store.read().orElseThrow();
            this.out.accept("  " + describe(result));
            results.add(result);
        }
        return results;
    }

    private RegionRelease rollBackRegion(ReleaseRecord record, String region, Outcome success, String reason) {
        RegionRelease current = record.region(region).orElseThrow();
        List<AppRelease> apps = new ArrayList<>(current.apps());
        boolean complete = true;
        for (int i = 0; i < apps.size(); i++) {
            AppRelease entry = apps.get(i);
            // Skipped: it ran this slug before the deploy. Failed: the release never went live.
            if (entry.status().equals("skipped") || entry.status().equals(Release.FAILED) || entry.releaseId() == null
                    || entry.rollbackReleaseId() != null) {
                continue;
            }
            if (entry.previousReleaseId() == null) {
                this.out.accept(String.format("  %-16s %s has no earlier release to return to: scale its web "
                        + "dynos to 0 if it must not run v%d", entry.service(), entry.app(), entry.version()));
                complete = false;
                continue;
            }
            try {
                Release rollback = this.api.rollback(entry.app(), entry.previousReleaseId());
                rollback = this.api.awaitRelease(entry.app(), rollback, this.settings.releaseTimeout(), this.out);
                apps.set(i, entry.withRollback(rollback.id(), rollback.version()));
                this.out.accept(String.format("  %-16s %s v%d -> v%d (rollback to v%d) %s", entry.service(),
                        entry.app(), entry.version(), rollback.version(), entry.previousVersion(), rollback.status()));
                complete &= rollback.isSucceeded();
            }
            catch (PlatformApiException ex) {
                this.out.accept(String.format("  %-16s %s rollback FAILED: %s", entry.service(), entry.app(),
                        ex.getMessage()));
                complete = false;
            }
            record = this.store.write(record.withRegion(current.with(Outcome.RELEASING, reason, apps)));
        }
        RegionRelease result = current.with(complete ? success : Outcome.ROLLBACK_INCOMPLETE, reason, apps);
        this.store.write(record.withRegion(result));
        return result;
    }

    /** Prints each region's outcome and every app's release version. */
    public void printVersions(ReleaseRecord record) {
        printVersions(record, this.store.file(), this.out);
    }

    /** Prints each region's outcome and every app's release version of the record in {@code file}. */
    public static void printVersions(ReleaseRecord record, Path file, Consumer<String> out) {
        out.accept("== Release record " + file + ": " + record.environment() + " @ " + shortCommit(record.commit()));
        for (RegionRelease region : record.regions()) {
            out.accept("  " + describe(region));
        }
    }

    static String describe(RegionRelease region) {
        String versions = region.apps().stream()
            .map(DeployFlow::describe)
            .collect(Collectors.joining(", "));
        return String.format("%-6s %-20s %s", region.region(), region.outcome(), versions);
    }

    private static String describe(AppRelease app) {
        if (app.rollbackVersion() != null) {
            return app.service() + " v" + app.rollbackVersion() + " (rolled back from v" + app.version() + ")";
        }
        if (app.version() == null) {
            return app.service() + " -";
        }
        boolean plain = app.status().equals(Release.SUCCEEDED) || app.status().equals("skipped");
        return app.service() + " v" + app.version() + (plain ? "" : " " + app.status());
    }

    private static void checkServices(DeployTargets targets, SlugManifest manifest) {
        java.util.Set<String> slugs = manifest.slugs().stream().map(SlugManifest.Entry::service)
            .collect(Collectors.toCollection(TreeSet::new));
        for (String region : targets.order()) {
            java.util.Set<String> apps = new TreeSet<>(targets.region(region).apps().keySet());
            if (!apps.equals(slugs)) {
                throw new InvalidDeployTargetsException("region " + region + " has apps for " + apps
                        + " but the slugs are for " + slugs + " (terraform apply after adding a service; "
                        + "bin/assemble-slugs after a build)");
            }
        }
    }

    private static String shortCommit(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

}
