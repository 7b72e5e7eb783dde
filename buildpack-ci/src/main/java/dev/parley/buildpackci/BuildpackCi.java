package dev.parley.buildpackci;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.parley.buildpackci.deploy.DeployFlow;
import dev.parley.buildpackci.deploy.DeployTargets;
import dev.parley.buildpackci.deploy.ReleaseRecord;
import dev.parley.buildpackci.deploy.ReleaseRecordStore;
import dev.parley.buildpackci.deploy.SmokeTest;
import dev.parley.buildpackci.fake.FakePlatformApi;
import dev.parley.buildpackci.platformapi.FormationUpdate;
import dev.parley.buildpackci.platformapi.PlatformApiClient;
import dev.parley.buildpackci.platformapi.RetryPolicy;
import dev.parley.buildpackci.slug.ProcfileTemplate;
import dev.parley.buildpackci.slug.RuntimeImage;
import dev.parley.buildpackci.slug.ServiceBuild;
import dev.parley.buildpackci.slug.Slug;
import dev.parley.buildpackci.slug.SlugAssembler;
import dev.parley.buildpackci.slug.SlugManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The command line of buildpack-ci: assemble slugs, deploy them region by region, roll back, scale. */
@Command(name = "buildpack-ci", mixinStandardHelpOptions = true,
        description = "Slugs for every Parley service, released through the Heroku Platform API region by region.",
        subcommands = { BuildpackCi.Assemble.class, BuildpackCi.Deploy.class, BuildpackCi.Upload.class,
                BuildpackCi.ReleaseRegion.class, BuildpackCi.Smoke.class, BuildpackCi.Rollback.class,
                BuildpackCi.Versions.class, BuildpackCi.Regions.class, BuildpackCi.Scale.class })
public final class BuildpackCi {

    private static final Consumer<String> OUT = line -> {
        System.out.println(line);
        System.out.flush();
    };

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status: 0 done, 1 failed (rolled back), 2 bad usage. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new BuildpackCi());
        commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("buildpack-ci: " + ex.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }

    /** Where the slugs, targets and record are. */
    static final class Locations {

        @Option(names = "--slugs", defaultValue = "target/slugs", description = "Directory of the slugs and slugs.json (default: ${DEFAULT-VALUE}).")
        Path slugs;

        @Option(names = "--targets", defaultValue = "target/deploy-targets.json", description = "terraform output -json deploy_targets of the environment (default: ${DEFAULT-VALUE}).")
        Path targets;

        @Option(names = "--record", defaultValue = "target/release-record.json", description = "The release record: what was released where (default: ${DEFAULT-VALUE}).")
        Path record;

    }

    /** How to reach the Platform API. */
    static final class Api {

        @Option(names = "--api-url", defaultValue = "${env:HEROKU_API_URL:-https://api.heroku.com}", description = "Platform API base URL (default: $HEROKU_API_URL or https://api.heroku.com). The token comes from $HEROKU_API_KEY.")
        URI url;

        @Option(names = "--release-timeout", defaultValue = "PT15M", description = "How long a release phase may take (ISO-8601, default: ${DEFAULT-VALUE}).")
        Duration releaseTimeout;

        @Option(names = "--smoke-timeout", defaultValue = "PT3M", description = "How long a region's gateway may take to answer UP (default: ${DEFAULT-VALUE}).")
        Duration smokeTimeout;

        DeployFlow flow(ReleaseRecordStore store) {
            PlatformApiClient client = PlatformApiClient.fromEnvironment(this.url, System.getenv(), OUT);
            return new DeployFlow(client, new SmokeTest(this.smokeTimeout, Duration.ofSeconds(5), 3), store, OUT,
                    new DeployFlow.Settings(this.releaseTimeout));
        }

    }

    @Command(name = "assemble", mixinStandardHelpOptions = true,
            description = "Assembles the slug of every service of services/ (or those named) from their built jars.")
    static final class Assemble implements Callable<Integer> {

        @Option(names = "--repository", defaultValue = ".", description = "The repository root (default: the current directory).")
        Path repository;

        @Option(names = "--output", defaultValue = "target/slugs", description = "Where the slugs and slugs.json go (default: ${DEFAULT-VALUE}).")
        Path output;

        @Option(names = "--commit", defaultValue = "unknown", description = "The source commit the slugs are built from.")
        String commit;

        @Option(names = "--stack", defaultValue = "heroku-24", description = "The Heroku stack (default: ${DEFAULT-VALUE}); the apps' stack in Terraform must match.")
        String stack;

        @Option(names = "--jdk", defaultValue = "${sys:java.home}", description = "The JDK to link the runtime image from (default: the running one).")
        Path jdk;

        @Option(names = "--cache", defaultValue = "target/slug-cache", description = "Where the runtime image is kept between runs (default: ${DEFAULT-VALUE}).")
        Path cache;

        @Option(names = "--service", description = "Assemble only this service (repeatable).")
        List<String> services = new ArrayList<>();

        @Override
        public Integer call() {
            long start = System.nanoTime();
            List<ServiceBuild> builds = ServiceBuild.discover(this.repository).stream()
                .filter(s -> this.services.isEmpty() || this.services.contains(s.name()))
                .toList();
            if (builds.isEmpty()) {
                throw new IllegalArgumentException("No services to assemble (services: " + this.services + ")");
            }
            RuntimeImage runtime = RuntimeImage.prepare(this.jdk, this.cache, OUT);
            SlugAssembler assembler = new SlugAssembler(runtime,
                    ProcfileTemplate.read(this.repository.resolve("Procfile.template")), this.stack, this.commit, OUT);
            List<Slug> slugs = new ArrayList<>();
            for (ServiceBuild build : builds) {
                slugs.add(assembler.assemble(build, this.output));
            }
            SlugManifest.of(slugs).write(this.output);
            long total = slugs.stream().mapToLong(Slug::sizeBytes).sum();
            OUT.accept(String.format("Assembled %d slugs (%d MB) in %s in %.1f s", slugs.size(), total >> 20,
                    this.output, (System.nanoTime() - start) / 1e9));
            return 0;
        }

    }

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = "Uploads the slugs and releases every region in order, canary first; a failing region is rolled back and stops the promotion.")
    static final class Deploy implements Callable<Integer> {

        @Mixin
        Locations files = new Locations();

        @Mixin
        Api api = new Api();

        @Option(names = "--region", description = "Release only these regions, in this order (repeatable; default: all, canary first).")
        List<String> regions = new ArrayList<>();

        @Option(names = "--fake", description = "Deploy to a local fake Platform API started for this run (a demo; no Heroku account needed).")
        boolean fake;

        @Option(names = "--fake-regions", split = ",", defaultValue = "eu1,us1,ap1", description = "Regions of the fake, canary first (default: ${DEFAULT-VALUE}).")
        List<String> fakeRegions;

        @Option(names = "--fake-fail-release", description = "REGION:SERVICE whose release phase fails in the fake (shows the automatic rollback).")
        List<String> failReleases = new ArrayList<>();

        @Option(names = "--fake-fail-smoke", description = "REGION whose gateway answers DOWN after the release in the fake.")
        List<String> failSmoke = new ArrayList<>();

        @Override
        public Integer call() {
            SlugManifest manifest = SlugManifest.read(this.files.slugs);
            if (this.fake && this.files.record.equals(Path.of("target/release-record.json"))) {
                this.files.record = Path.of("target/fake-release-record.json"); // never clobber a real record
            }
            ReleaseRecordStore store = new ReleaseRecordStore(this.files.record);
            if (!this.fake) {
                DeployTargets targets = DeployTargets.read(this.files.targets);
                return this.api.flow(store).deploy(targets, manifest, this.files.slugs, this.regions) ? 0 : 1;
            }
            List<String> services = manifest.slugs().stream().map(SlugManifest.Entry::service).toList();
            List<String> appNames = new ArrayList<>();
            for (String region : this.fakeRegions) {
                services.forEach(service -> appNames.add("demo-" + region + "-" + service));
            }
            // Each fake starts empty: a record of an earlier fake run would name slugs this one never saw.
            store.delete();
            try (FakePlatformApi fakeApi = FakePlatformApi.start("fake-api-key", appNames)) {
                DeployTargets targets = DeployTargets.byConvention("local-demo", "demo", this.fakeRegions, services,
                        app -> fakeApi.appUrl(app).toString());
                appNames.forEach(app -> fakeApi.seedRelease(app, "0000000 (an earlier deploy)"));
                for (String failure : this.failReleases) {
                    fakeApi.failReleasePhase("demo-" + failure.replace(':', '-'));
                }
                for (String region : this.failSmoke) {
                    fakeApi.failSmokeTest(targets.region(region).apps().get("gateway"));
                }
                fakeApi.pendingPolls(2);
                OUT.accept("Fake Platform API at " + fakeApi.baseUrl() + " with " + appNames.size() + " apps in "
                        + this.fakeRegions);
                PlatformApiClient client = new PlatformApiClient(fakeApi.baseUrl(), "fake-api-key",
                        new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1)), Duration.ofMillis(200), OUT);
                DeployFlow flow = new DeployFlow(client, new SmokeTest(Duration.ofSeconds(3), Duration.ofMillis(200), 2),
                        store, OUT, new DeployFlow.Settings(this.api.releaseTimeout));
                return flow.deploy(targets, manifest, this.files.slugs, this.regions) ? 0 : 1;
            }
        }

    }

    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = "Creates each service's slug through the Platform API and uploads it (once: the regions share it).")
    static final class Upload implements Callable<Integer> {

        @Mixin
        Locations files = new Locations();

        @Mixin
        Api api = new Api();

        @Override
        public Integer call() {
            ReleaseRecordStore store = new ReleaseRecordStore(this.files.record);
            this.api.flow(store).upload(DeployTargets.read(this.files.targets), SlugManifest.read(this.files.slugs),
                    this.files.slugs);
            return 0;
        }

    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Releases the uploaded slugs in one region, smoke-tests it and rolls it back on failure.")
    static final class ReleaseRegion implements Callable<Integer> {

        @Mixin
        Locations files = new Locations();

        @Mixin
        Api api = new Api();

        @Option(names = "--region", required = true, description = "The region to release.")
        String region;

        @Override
        public Integer call() {
            ReleaseRecordStore store = new ReleaseRecordStore(this.files.record);
            ReleaseRecord.RegionRelease result = this.api.flow(store)
                .release(DeployTargets.read(this.files.targets), this.region);
            return result.outcome() == ReleaseRecord.Outcome.RELEASED ? 0 : 1;
        }

    }

    @Command(name = "smoke", mixinStandardHelpOptions = true,
            description = "Smoke-tests one region through its gateway (GET /status answers UP); no rollback of its own.")
    static final class Smoke implements Callable<Integer> {

        @Mixin
        Locations files = new Locations();

        @Mixin
        Api api = new Api();

        @Option(names = "--region", required = true, description = "The region to check.")
        String region;

        @Override
        public Integer call() {
            String gateway = DeployTargets.read(this.files.targets).region(this.region).gatewayUrl();
            SmokeTest.Result result = new SmokeTest(this.api.smokeTimeout, Duration.ofSeconds(5), 3).check(gateway);
            OUT.accept(this.region + " smoke test " + (result.passed() ? "passed" : "FAILED") + ": " + result.detail());
            return result.passed() ? 0 : 1;
        }

    }

    @Command(name = "regions", mixinStandardHelpOptions = true,
            description = "Prints the regions of the deploy targets in deploy order, canary first, one per line.")
    static final class Regions implements Callable<Integer> {

        @Option(names = "--targets", defaultValue = "target/deploy-targets.json", description = "The deploy targets (default: ${DEFAULT-VALUE}).")
        Path targets;

        @Override
        public Integer call() {
            DeployTargets.read(this.targets).order().forEach(OUT);
            return 0;
        }

    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "Rolls regions of the release record back to the releases their apps ran before the deploy.")
    static final class Rollback implements Callable<Integer> {

        @Mixin
        Locations files = new Locations();

        @Mixin
        Api api = new Api();

        @Option(names = "--region", description = "Roll back this region (repeatable; default: every region of the record).")
        List<String> regions = new ArrayList<>();

        @Option(names = "--incomplete", description = "Only regions the deploy left half-released (after a crash or an abort).")
        boolean incomplete;

        @Override
        public Integer call() {
            ReleaseRecordStore store = new ReleaseRecordStore(this.files.record);
            boolean complete = this.api.flow(store).rollback(this.regions, this.incomplete).stream()
                .allMatch(r -> r.outcome() != ReleaseRecord.Outcome.ROLLBACK_INCOMPLETE);
            return complete ? 0 : 1;
        }

    }

    @Command(name = "versions", mixinStandardHelpOptions = true,
            description = "Prints each region's outcome and release versions from the release record.")
    static final class Versions implements Callable<Integer> {

        @Option(names = "--record", defaultValue = "target/release-record.json", description = "The release record (default: ${DEFAULT-VALUE}).")
        Path record;

        @Override
        public Integer call() {
            ReleaseRecordStore store = new ReleaseRecordStore(this.record);
            ReleaseRecord record = store.read()
                .orElseThrow(() -> new IllegalArgumentException("No release record at " + this.record));
            DeployFlow.printVersions(record, this.record, OUT);
            return 0;
        }

    }

    @Command(name = "scale", mixinStandardHelpOptions = true,
            description = "Changes an app's formation (Terraform owns sizes and counts; this is for emergencies).")
    static final class Scale implements Callable<Integer> {

        @Mixin
        Api api = new Api();

        @Option(names = "--app", required = true, description = "The Heroku app.")
        String app;

        @Option(names = "--type", defaultValue = "web", description = "Process type (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(names = "--quantity", description = "Dynos to run.")
        Integer quantity;

        @Option(names = "--size", description = "Dyno size, e.g. private-m.")
        String size;

        @Override
        public Integer call() {
            if (this.quantity == null && this.size == null) {
                throw new IllegalArgumentException("Give --quantity, --size or both");
            }
            PlatformApiClient client = PlatformApiClient.fromEnvironment(this.api.url, System.getenv(), OUT);
            client.scale(this.app, List.of(new FormationUpdate(this.type, this.quantity, this.size)))
                .forEach(f -> OUT.accept(this.app + " " + f.type() + ": " + f.quantity() + " x " + f.size()));
            return 0;
        }

    }

}
