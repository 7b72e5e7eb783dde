package dev.parley.buildpackci.platformapi;

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

import dev.parley.buildpackci.fake.FakePlatformApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The Platform API client against the fake Platform API: slug, upload, release, rollback, scale, retries. */
class PlatformApiClientTests {

    private static final String APP = "parley-t-eu1-callout";

    private static final String KEY = "test-key";

    @TempDir
    Path directory;

    private FakePlatformApi fake;

    private PlatformApiClient client;

    private final List<String> log = new ArrayList<>();

    private Path tarball;

    private String checksum;

    @BeforeEach
    void start() throws Exception {
        this.fake = FakePlatformApi.start(KEY, List.of(APP));
        this.client = client(KEY, 4);
        this.tarball = this.directory.resolve("slug.tgz");
        Files.writeString(this.tarball, "not really a tarball, but bytes with a checksum");
        this.checksum = "SHA256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(this.tarball)));
    }

    @AfterEach
    void stop() {
        this.fake.close();
    }

    @Test
    void createsUploadsAndReleasesASlugAndShowsTheReleasePhaseOutput() {
        SlugInfo slug = this.client.createSlug(APP, newSlug(true));
        assertThat(slug.blob().method()).isEqualTo("put");
        assertThat(slug.checksum()).isEqualTo(this.checksum);
        assertThat(slug.processTypes()).containsKeys("web", "release");
        this.client.uploadSlug(slug, this.tarball);

        this.fake.pendingPolls(2);
        Release release = this.client.createRelease(APP, slug.id(), "Deploy abc", 1);
        assertThat(release.status()).isEqualTo(Release.PENDING);
        List<String> output = new ArrayList<>();
        Release done = this.client.awaitRelease(APP, release, Duration.ofSeconds(10), output::add);

        assertThat(done.isSucceeded()).isTrue();
        assertThat(done.slugId()).isEqualTo(slug.id());
        assertThat(output).anySatisfy(line -> assertThat(line).contains("Migrations applied"));
        assertThat(this.client.currentRelease(APP)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(done.id()));
        assertThat(this.fake.requests()).filteredOn(r -> r.startsWith("GET /apps/" + APP + "/releases/"))
            .as("polled until no longer pending").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aFailedReleasePhaseEndsFailedWithItsOutputAndLeavesTheOldReleaseCurrent() {
        Release before = this.client.currentRelease(APP).orElseThrow();
        SlugInfo slug = uploadedSlug(true);
        this.fake.failReleasePhase(APP);

        List<String> output = new ArrayList<>();
        Release done = this.client.awaitRelease(APP, this.client.createRelease(APP, slug.id(), "Deploy abc", 1),
                Duration.ofSeconds(10), output::add);

        assertThat(done.status()).isEqualTo(Release.FAILED);
        assertThat(output).anySatisfy(line -> assertThat(line).contains("migration V2 failed"));
        assertThat(this.client.currentRelease(APP)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(before.id()));
    }

    @Test
    void aReleaseWithoutReleasePhaseSucceedsAtOnce() {
        SlugInfo slug = uploadedSlug(false);

        Release release = this.client.createRelease(APP, slug.id(), "Deploy abc", 1);

        assertThat(release.isSucceeded()).isTrue();
        assertThat(release.outputStreamUrl()).isNull();
    }

    @Test
    void rollsBackToAnEarlierReleaseWithItsSlug() {
        Release first = release(uploadedSlug(false));
        Release second = release(uploadedSlug(false));

        Release rollback = this.client.rollback(APP, first.id());

        assertThat(rollback.version()).isEqualTo(second.version() + 1);
        assertThat(rollback.slugId()).isEqualTo(first.slugId());
        assertThat(rollback.description()).isEqualTo("Rollback to v" + first.version());
        assertThat(this.fake.currentSlugId(APP)).hasValue(first.slugId());
    }

    @Test
    void retriesARateLimitedRequestUntilItPasses() {
        this.fake.failNext("POST", "/apps/" + APP + "/slugs", 429, 2);

        SlugInfo slug = this.client.createSlug(APP, newSlug(false));

        assertThat(slug.id()).isNotBlank();
        assertThat(this.fake.requests()).filteredOn(r -> r.equals("POST /apps/" + APP + "/slugs")).hasSize(3);
        assertThat(this.log).hasSize(2).allSatisfy(line -> assertThat(line)
            .contains("HTTP 429").contains("Ratelimit-Remaining: 0"));
    }

    @Test
    void retriesServerErrorsAndGivesUpAfterTheLastAttempt() {
        this.fake.failNext("GET", "/apps/" + APP + "/releases", 503, 10);

        assertThatExceptionOfType(PlatformApiException.class).isThrownBy(() -> this.client.release(APP, "1"))
            .satisfies(ex -> assertThat(ex.status()).isEqualTo(503))
            .withMessageContaining("gave up after 4 attempts");
        assertThat(this.fake.requests()).filteredOn(r -> r.startsWith("GET /apps/" + APP + "/releases")).hasSize(4);
    }

    @Test
    void aReleaseWhoseAnswerWasLostIsNotCreatedTwice() {
        SlugInfo slug = uploadedSlug(false);
        int before = this.fake.releases(APP).size();
        this.fake.loseNextAnswer("POST", "/apps/" + APP + "/releases", 503);

        Release release = this.client.createRelease(APP, slug.id(), "Deploy abc", 1);

        assertThat(release.slugId()).isEqualTo(slug.id());
        assertThat(this.fake.releases(APP)).hasSize(before + 1);
        assertThat(this.log).anySatisfy(line -> assertThat(line).contains("the earlier attempt made release v"));
    }

    @Test
    void clientErrorsAreNotRetried() {
        PlatformApiClient wrongKey = client("wrong-key", 4);

        assertThatExceptionOfType(PlatformApiException.class).isThrownBy(() -> wrongKey.createSlug(APP, newSlug(false)))
            .satisfies(ex -> {
                assertThat(ex.status()).isEqualTo(401);
                assertThat(ex.errorId()).isEqualTo("unauthorized");
            });
        assertThatExceptionOfType(PlatformApiException.class)
            .isThrownBy(() -> this.client.createSlug("parley-t-eu1-nothing", newSlug(false)))
            .satisfies(ex -> assertThat(ex.errorId()).isEqualTo("not_found"));
        assertThat(this.fake.requests()).hasSize(2);
    }

    @Test
    void aSlugWhoseUploadDoesNotMatchItsChecksumCannotBeReleased() throws Exception {
        SlugInfo slug = this.client.createSlug(APP, newSlug(false));
        Files.writeString(this.tarball, "other bytes than the checksum was computed from");
        this.client.uploadSlug(slug, this.tarball);

        assertThatExceptionOfType(PlatformApiException.class)
            .isThrownBy(() -> this.client.createRelease(APP, slug.id(), "Deploy", 1))
            .satisfies(ex -> assertThat(ex.status()).isEqualTo(422))
            .withMessageContaining("does not match checksum");
    }

    @Test
    void scalesTheFormation() {
        release(uploadedSlug(false));

        List<Formation> formation = this.client.scale(APP, List.of(new FormationUpdate("web", 3, "private-m")));

        assertThat(formation).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("web");
            assertThat(f.quantity()).isEqualTo(3);
            assertThat(f.size()).isEqualTo("private-m");
        });
    }

    @Test
    void refusesWhatCannotBeAHerokuAppOrAKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> this.client.release("../../account", "1"))
            .withMessageContaining("Not a Heroku app name");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> PlatformApiClient.fromEnvironment(this.fake.baseUrl(), Map.of(), this.log::add))
            .withMessageContaining("HEROKU_API_KEY");
    }

    private PlatformApiClient client(String key, int attempts) {
        return new PlatformApiClient(this.fake.baseUrl(), key,
                new RetryPolicy(attempts, Duration.ofMillis(5), Duration.ofMillis(20)), Duration.ofMillis(5),
                this.log::add);
    }

    private NewSlug newSlug(boolean releasePhase) {
        Map<String, String> processTypes = new LinkedHashMap<>();
        processTypes.put("web", "java $JAVA_OPTS -Dserver.port=$PORT -jar callout-exec.jar");
        if (releasePhase) {
            processTypes.put("release", "java $JAVA_OPTS -jar callout-exec.jar --parley.platform.migrate-only=true");
        }
        return new NewSlug(processTypes, this.checksum, "0123456789abcdef", null, "heroku-24", "Parley (Java)");
    }

    private SlugInfo uploadedSlug(boolean releasePhase) {
        SlugInfo slug = this.client.createSlug(APP, newSlug(releasePhase));
        this.client.uploadSlug(slug, this.tarball);
        return slug;
    }

    private Release release(SlugInfo slug) {
        Release release = this.client.createRelease(APP, slug.id(), "Deploy", 1);
        return this.client.awaitRelease(APP, release, Duration.ofSeconds(5), line -> {
        });
    }

}
