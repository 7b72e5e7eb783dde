package dev.parley.buildpackci.slug;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The real thing: session-store's slug, with the jlink runtime image, extracted by tar into a folder and started as a
 * dyno starts it (only the dyno's environment, .profile.d sourced, the Procfile's web command through bash), answers
 * its health check and stops within 25 s of SIGTERM to its process group.
 */
class SlugBootIntegrationTests {

    /** Set by the build from the session-store dependency; the reactor's own jar when run from an IDE. */
    private static final String JAR_PROPERTY = "parley.slug-boot.service-jar";

    private static final Duration BOOT_LIMIT = Duration.ofSeconds(90);

    private static final Duration STOP_LIMIT = Duration.ofSeconds(25);

    @TempDir
    Path directory;

    @Test
    void theExtractedSlugBootsLikeADynoAnswersHealthAndStopsOnSigterm() throws Exception {
        ServiceBuild service = ServiceBuild.inRepository(Path.of(".."), "session-store").withJar(serviceJar());
        List<String> log = new ArrayList<>();
        RuntimeImage runtime = RuntimeImage.prepare(Path.of(System.getProperty("java.home")),
                Path.of("target", "slug-cache"), log::add);
        Slug slug = new SlugAssembler(runtime, ProcfileTemplate.read(Path.of("..", "Procfile.template")), "heroku-24",
                "test", log::add).assemble(service, this.directory.resolve("slugs"));
        assertThat(slug.sizeBytes()).isLessThan(SlugAssembler.WARN_BYTES);
        assertThat(slug.processTypes()).as("session-store owns no schema").containsOnlyKeys("web");

        Path dyno = Files.createDirectories(this.directory.resolve("dyno"));
        run(List.of("tar", "-xzf", slug.file().toString(), "-C", dyno.toString()));
        Path app = dyno.resolve("app");
        String web = webCommand(Files.readString(app.resolve("Procfile")));

        RedisServer redis = Infrastructure.redis();
        int port = freePort();
        Path output = this.directory.resolve("dyno.log");
        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "-c",
                "cd \"$HOME\" && for f in .profile.d/*.sh; do . \"$f\"; done; " + web)
            .directory(app.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("HOME", app.toString(), "PATH", "/usr/local/bin:/usr/bin:/bin",
                "PORT", String.valueOf(port), "DYNO", "web.1", "REDIS_URL", redis.redisUrl(),
                "PARLEY_INTERNAL_CREDENTIAL", "slug-boot-test-credential-0123456789", "PARLEY_REGION", "test"));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            awaitHealthy(process, port, output);
            System.out.printf("session-store slug: %d MB, booted as a dyno in %.1f s%n", slug.sizeBytes() >> 20,
                    (System.nanoTime() - start) / 1e9);
            // bash may exec the last command of its script itself: the JVM is the process or one of its children.
            assertThat(Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .map(p -> p.info().command().orElse("")))
                .as("the JVM is the slug's runtime image, not a java from PATH")
                .contains(app.resolve("jdk/bin/java").toString());

            long stopping = System.nanoTime();
            run(List.of("kill", "-TERM", "--", "-" + process.pid()));
            boolean stopped = process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(stopped).as("stopped within %s of SIGTERM; log:%n%s", STOP_LIMIT, tail(output)).isTrue();
            System.out.printf("session-store stopped %.1f s after SIGTERM%n", (System.nanoTime() - stopping) / 1e9);
            assertThat(Files.readString(output)).contains("Graceful shutdown complete");
        }
        finally {
            if (process.isAlive()) {
                new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).start().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static Path serviceJar() {
        String configured = System.getProperty(JAR_PROPERTY);
        Path jar = (configured != null && !configured.isBlank()) ? Path.of(configured)
                : Path.of("..", "services", "session-store", "target", "session-store-exec.jar");
        if (!Files.isRegularFile(jar)) {
            fail("No session-store jar at " + jar + ": build it first (./mvnw -pl services/session-store package)");
        }
        return jar;
    }

    private static String webCommand(String procfile) {
        return procfile.lines()
            .filter(line -> line.startsWith("web:"))
            .map(line -> line.substring("web:".length()).strip())
            .findFirst()
            .orElseThrow(() -> new AssertionError("No web line in the slug's Procfile:\n" + procfile));
    }

    private static void awaitHealthy(Process process, int port, Path output) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
        long deadline = System.nanoTime() + BOOT_LIMIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("The dyno process exited with " + process.exitValue() + "; log:\n" + tail(output));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return;
                }
            }
            catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(250);
        }
        fail("No healthy answer within " + BOOT_LIMIT + " (last: " + last + "); log:\n" + tail(output));
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, text).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
