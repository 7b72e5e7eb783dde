package dev.parley.buildpackci.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.buildpackci.deploy.ReleaseRecord.AppRelease;
import dev.parley.buildpackci.deploy.ReleaseRecord.Outcome;
import dev.parley.buildpackci.deploy.ReleaseRecord.RegionRelease;
import dev.parley.buildpackci.fake.FakePlatformApi;
import dev.parley.buildpackci.platformapi.PlatformApiClient;
import dev.parley.buildpackci.platformapi.RetryPolicy;
import dev.parley.buildpackci.slug.SlugManifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The deploy flow against the fake Platform API: canary first, promotion, automatic and requested rollback. */
class DeployFlowTests {

    private static final List<String> SERVICES = List.of("callout", "gateway", "runtime");

    private static final List<String> REGIONS = List.of("eu1", "us1");

    private static final String COMMIT = "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c";

    @TempDir
    Path directory;

    private FakePlatformApi fake;

    private DeployTargets targets;

    private SlugManifest manifest;

    private ReleaseRecordStore store;

    private DeployFlow flow;

    private final List<String> output = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        List<String> apps = new ArrayList<>();
        REGIONS.forEach(region -> SERVICES.forEach(service -> apps.add(app(region, service))));
        this.fake = FakePlatformApi.start("key", apps);
        apps.forEach(app -> this.fake.seedRelease(app, "0ld0ld0"));
        this.fake.pendingPolls(1);
        this.targets = DeployTargets.byConvention("test", "pt", REGIONS, SERVICES,
                app -> this.fake.appUrl(app).toString());
        this.manifest = manifest();
        this.store = new ReleaseRecordStore(this.directory.resolve("record.json"));
        PlatformApiClient client = new PlatformApiClient(this.fake.baseUrl(), "key",
                new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20)), Duration.ofMillis(5), this.output::add);
        this.flow = new DeployFlow(client, new SmokeTest(Duration.ofMillis(500), Duration.ofMillis(10), 2), this.store,
                this.output::add, new DeployFlow.Settings(Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        this.fake.close();
    }

    @Test
    void releasesEveryRegionCanaryFirstFromSlugsUploadedOnce() {
        boolean deployed = this.flow.deploy(this.targets, this.manifest, this.directory, List.of());

        assertThat(deployed).isTrue();
        ReleaseRecord record = this.store.read().orElseThrow();
        assertThat(record.commit()).isEqualTo(COMMIT);
        assertThat(record.regions()).extracting(RegionRelease::region).containsExactly("eu1", "us1");
        assertThat(record.regions()).allSatisfy(region -> {
            assertThat(region.outcome()).isEqualTo(Outcome.RELEASED);
            assertThat(region.detail()).contains("answered UP");
            assertThat(region.apps()).extracting(AppRelease::service).containsExactlyElementsOf(SERVICES);
            assertThat(region.apps()).allSatisfy(app -> {
                assertThat(app.status()).isEqualTo("succeeded");
                assertThat(app.version()).isEqualTo(3);
                assertThat(app.previousVersion()).isEqualTo(2);
            });
        });
        for (String service : SERVICES) {
            String slugId = record.slug(service).orElseThrow().slugId();
            REGIONS.forEach(region -> assertThat(this.fake.currentSlugId(app(region, service))).hasValue(slugId));
        }
        assertThat(this.fake.requests()).filteredOn(r -> r.startsWith("POST") && r.endsWith("/slugs"))
            .as("one slug per service, created on the canary's app").hasSize(SERVICES.size())
            .allSatisfy(r -> assertThat(r).contains("/apps/pt-eu1-"));
        assertThat(this.fake.requests()).filteredOn(r -> r.startsWith("PUT /blobs/")).hasSize(SERVICES.size());
        assertThat(this.output).anySatisfy(line -> assertThat(line)
            .contains("eu1").contains("RELEASED").contains("callout v3").contains("gateway v3"));
        assertThat(this.output).anySatisfy(line -> assertThat(line).contains("Migrations applied"));
    }

    @Test
    void aFailedReleasePhaseRollsTheWholeCanaryBackAndStopsThePromotion() {
        String oldSlug = this.fake.currentSlugId(app("eu1", "gateway")).orElseThrow();
        this.fake.failReleasePhase(app("eu1", "callout"));

        boolean deployed = this.flow.deploy(this.targets, this.manifest, this.directory, List.of());

        assertThat(deployed).isFalse();
        ReleaseRecord record = this.store.read().orElseThrow();
        assertThat(record.regions()).singleElement().satisfies(region -> {
            assertThat(region.region()).isEqualTo("eu1");
            assertThat(region.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
            assertThat(region.detail()).contains("callout release v3 failed");
            AppRelease callout = region.apps().get(0);
            assertThat(callout.status()).isEqualTo("failed");
            assertThat(callout.rollbackReleaseId()).as("a failed release never went live: nothing to undo").isNull();
            assertThat(region.apps().subList(1, 3)).allSatisfy(app -> {
                assertThat(app.status()).isEqualTo("succeeded");
                assertThat(app.rollbackVersion()).isEqualTo(4);
            });
        });
        assertThat(this.fake.currentSlugId(app("eu1", "gateway"))).hasValue(oldSlug);
        assertThat(this.fake.releases(app("us1", "gateway"))).as("us1 never released").hasSize(2);
        assertThat(this.output).anySatisfy(line -> assertThat(line).contains("migration V2 failed"));
    }

    @Test
    void aFailedSmokeTestRollsThatRegionBackAndKeepsTheCanary() {
        this.fake.failSmokeTest(app("us1", "gateway"));

        boolean deployed = this.flow.deploy(this.targets, this.manifest, this.directory, List.of());

        assertThat(deployed).isFalse();
        ReleaseRecord record = this.store.read().orElseThrow();
        assertThat(record.region("eu1").orElseThrow().outcome()).isEqualTo(Outcome.RELEASED);
        RegionRelease us1 = record.region("us1").orElseThrow();
        assertThat(us1.outcome()).isEqualTo(Outcome.FAILED_ROLLED_BACK);
        assertThat(us1.detail()).contains("smoke test failed").contains("HTTP 503");
        assertThat(us1.apps()).allSatisfy(app -> assertThat(app.rollbackVersion()).isEqualTo(4));
        SERVICES.forEach(service -> assertThat(this.fake.currentSlugId(app("us1", service)))
            .isNotEqualTo(this.fake.currentSlugId(app("eu1", service))));
    }

    @Test
    void rollbackReturnsReleasedRegionsToTheReleasesTheyRanBefore() {
        List<String> before = SERVICES.stream().map(s -> this.fake.currentSlugId(app("us1", s)).orElseThrow()).toList();
        this.flow.deploy(this.targets, this.manifest, this.directory, List.of());

        List<RegionRelease> rolledBack = this.flow.rollback(List.of("us1"), false);

        assertThat(rolledBack).singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.ROLLED_BACK));
        assertThat(SERVICES.stream().map(s -> this.fake.currentSlugId(app("us1", s)).orElseThrow()).toList())
            .isEqualTo(before);
        assertThat(this.store.read().orElseThrow().region("eu1").orElseThrow().outcome()).isEqualTo(Outcome.RELEASED);
        assertThat(this.flow.rollback(List.of("us1"), false)).as("a second rollback does nothing").isEmpty();
    }

    @Test
    void rollbackOfIncompleteRegionsTakesBackOnlyWhatADeadDeployLeftHalfDone() {
        this.flow.deploy(this.targets, this.manifest, this.directory, List.of());
        ReleaseRecord record = this.store.read().orElseThrow();
        RegionRelease eu1 = record.region("eu1").orElseThrow();
        // As if the process had died between creating the releases and the smoke test.
        this.store.write(record.withRegion(eu1.with(Outcome.RELEASING, null, eu1.apps())));

        List<RegionRelease> rolledBack = this.flow.rollback(List.of(), true);

        assertThat(rolledBack).extracting(RegionRelease::region).containsExactly("eu1");
        assertThat(this.store.read().orElseThrow().region("us1").orElseThrow().outcome()).isEqualTo(Outcome.RELEASED);
        assertThat(this.fake.currentSlugId(app("eu1", "gateway")))
            .isNotEqualTo(this.fake.currentSlugId(app("us1", "gateway")));
    }

    @Test
    void rollingBackARegionThisDeployNeverReachedChangesNothing() {
        this.flow.deploy(this.targets, this.manifest, this.directory, List.of("eu1"));
        int requests = this.fake.requests().size();

        assertThat(this.flow.rollback(List.of("us1"), false)).isEmpty();

        assertThat(this.output).anySatisfy(line -> assertThat(line).contains("us1: nothing of this deploy was released"));
        assertThat(this.fake.requests()).hasSize(requests);
    }

    @Test
    void stepByStepAsJenkinsRunsItAndARerunReleasesNothingTwice() {
        this.flow.upload(this.targets, this.manifest, this.directory);
        assertThat(this.flow.release(this.targets, "eu1").outcome()).isEqualTo(Outcome.RELEASED);
        assertThat(this.flow.release(this.targets, "us1").outcome()).isEqualTo(Outcome.RELEASED);
        int requests = this.fake.requests().size();

        this.flow.upload(this.targets, this.manifest, this.directory);
        RegionRelease again = this.flow.release(this.targets, "eu1");

        assertThat(again.outcome()).isEqualTo(Outcome.RELEASED);
        assertThat(again.apps()).allSatisfy(app -> assertThat(app.status()).isEqualTo("skipped"));
        assertThat(this.fake.requests().subList(requests, this.fake.requests().size()))
            .noneMatch(r -> r.startsWith("POST") || r.startsWith("PUT"));
    }

    @Test
    void aRateLimitedReleaseIsRetried() {
        this.fake.failNext("POST", "/apps/" + app("eu1", "gateway") + "/releases", 429, 1);

        assertThat(this.flow.deploy(this.targets, this.manifest, this.directory, List.of("eu1"))).isTrue();

        assertThat(this.output).anySatisfy(line -> assertThat(line).contains("HTTP 429").contains("retry 1/3"));
    }

    @Test
    void refusesTargetsWhoseAppsDoNotMatchTheSlugs() {
        DeployTargets fewer = DeployTargets.byConvention("test", "pt", REGIONS, List.of("callout", "gateway"),
                app -> "http://localhost");

        assertThatExceptionOfType(InvalidDeployTargetsException.class)
            .isThrownBy(() -> this.flow.upload(fewer, this.manifest, this.directory))
            .withMessageContaining("terraform apply after adding a service");
    }

    @Test
    void releasingWithoutUploadingFirstIsRefused() {
        assertThatExceptionOfType(MissingReleaseRecordException.class)
            .isThrownBy(() -> this.flow.release(this.targets, "eu1"))
            .withMessageContaining("upload the slugs first");
    }

    private static String app(String region, String service) {
        return "pt-" + region + "-" + service;
    }

    private SlugManifest manifest() throws Exception {
        List<SlugManifest.Entry> entries = new ArrayList<>();
        for (String service : SERVICES) {
            Path file = this.directory.resolve(service + ".tgz");
            Files.writeString(file, "slug of " + service);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
            Map<String, String> processTypes = new LinkedHashMap<>();
            processTypes.put("web", "java $JAVA_OPTS -Dserver.port=$PORT -jar " + service + "-exec.jar");
            if (service.equals("callout")) {
                processTypes.put("release", "java $JAVA_OPTS -jar callout-exec.jar --parley.platform.migrate-only=true");
            }
            entries.add(new SlugManifest.Entry(service, file.getFileName().toString(), sha256, Files.size(file),
                    processTypes, COMMIT, "heroku-24", "25"));
        }
        return new SlugManifest(entries);
    }

}
