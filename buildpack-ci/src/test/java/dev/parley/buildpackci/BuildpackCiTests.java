package dev.parley.buildpackci;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.buildpackci.deploy.ReleaseRecord;
import dev.parley.buildpackci.deploy.ReleaseRecordStore;
import dev.parley.buildpackci.slug.SlugManifest;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as bin/deploy runs it: the whole flow against the fake, exit statuses, usage errors. */
class BuildpackCiTests {

    @TempDir
    Path directory;

    private Path slugs;

    private Path record;

    @BeforeEach
    void tinySlugs() throws Exception {
        this.slugs = Files.createDirectories(this.directory.resolve("slugs"));
        this.record = this.directory.resolve("record.json");
        List<SlugManifest.Entry> entries = new ArrayList<>();
        for (String service : List.of("callout", "gateway")) {
            Path file = Files.writeString(this.slugs.resolve(service + ".tgz"), "slug " + service);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            Map<String, String> types = service.equals("callout")
                    ? Map.of("web", "java -jar callout-exec.jar", "release", "java -jar callout-exec.jar --m")
                    : Map.of("web", "java -jar gateway-exec.jar");
            entries.add(new SlugManifest.Entry(service, file.getFileName().toString(), sha256, Files.size(file), types,
                    "c0ffee", "heroku-24", "25"));
        }
        new SlugManifest(entries).write(this.slugs);
    }

    @Test
    void deployFakeReleasesEveryRegionAndPrintsTheirVersions() {
        Run run = run("deploy", "--fake", "--fake-regions", "eu1,us1", "--slugs", this.slugs.toString(), "--record",
                this.record.toString());

        assertThat(run.status).as(run.out).isZero();
        assertThat(run.out).contains("eu1    RELEASED             callout v3, gateway v3")
            .contains("us1    RELEASED             callout v3, gateway v3");
        assertThat(new ReleaseRecordStore(this.record).read()).hasValueSatisfying(r -> assertThat(r.regions())
            .extracting(ReleaseRecord.RegionRelease::outcome)
            .containsExactly(ReleaseRecord.Outcome.RELEASED, ReleaseRecord.Outcome.RELEASED));
    }

    @Test
    void aFailingReleaseInTheFakeIsRolledBackAndFailsTheCommand() {
        Run run = run("deploy", "--fake", "--fake-regions", "eu1,us1", "--fake-fail-release", "eu1:callout",
                "--slugs", this.slugs.toString(), "--record", this.record.toString());

        assertThat(run.status).isEqualTo(1);
        assertThat(run.out).contains("eu1    FAILED_ROLLED_BACK   callout v3 failed, gateway v4 (rolled back from v3)")
            .contains("Promotion stopped: eu1")
            .doesNotContain("us1    ");
    }

    @Test
    void badUsageAndMissingInputsGetAPreciseMessage() {
        Run noRegion = run("release", "--record", this.record.toString());
        assertThat(noRegion.status).isEqualTo(2);
        assertThat(noRegion.err).contains("Missing required option: '--region=<region>'");

        Run noSlugs = run("deploy", "--fake", "--slugs", this.directory.resolve("none").toString());
        assertThat(noSlugs.status).isEqualTo(1);
        assertThat(noSlugs.err).contains("No slugs.json in").contains("bin/assemble-slugs");
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = BuildpackCi.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

}
