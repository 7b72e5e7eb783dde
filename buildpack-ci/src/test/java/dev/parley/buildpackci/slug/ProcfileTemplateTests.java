package dev.parley.buildpackci.slug;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/** The repository's Procfile.template renders per service; broken templates are refused with the reason. */
class ProcfileTemplateTests {

    private static final ProcfileTemplate REPOSITORY_TEMPLATE = ProcfileTemplate.read(Path.of("..", "Procfile.template"));

    @Test
    void aServiceWithASchemaGetsAWebAndAReleaseProcess() {
        Map<String, String> types = REPOSITORY_TEMPLATE.render(new ServiceBuild("callout", Path.of("x.jar"), true));

        assertThat(types).containsExactly(
                entry("web", "java $JAVA_OPTS -Dserver.port=$PORT -jar callout-exec.jar"),
                entry("release", "java $JAVA_OPTS -jar callout-exec.jar --parley.platform.migrate-only=true"));
        assertThat(ProcfileTemplate.procfile(types)).isEqualTo("""
                web: java $JAVA_OPTS -Dserver.port=$PORT -jar callout-exec.jar
                release: java $JAVA_OPTS -jar callout-exec.jar --parley.platform.migrate-only=true
                """);
    }

    @Test
    void aServiceWithoutASchemaGetsOnlyTheWebProcess() {
        Map<String, String> types = REPOSITORY_TEMPLATE.render(new ServiceBuild("gateway", Path.of("x.jar"), false));

        assertThat(types).containsOnlyKeys("web");
    }

    @Test
    void schemaOwnershipComesFromTheServicesMigrations() {
        assertThat(ServiceBuild.discover(Path.of(".."))).isNotEmpty().allSatisfy(service -> assertThat(
                service.ownsSchema()).as(service.name())
            .isEqualTo(java.nio.file.Files.isDirectory(Path.of("..", "services", service.name(),
                    "src/main/resources/db/migration"))));
        assertThat(ServiceBuild.inRepository(Path.of(".."), "session-store").ownsSchema()).isFalse();
    }

    @Test
    void theTemplateNamesEveryServiceWithItsProcessTypes() throws java.io.IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(Path.of("..", "Procfile.template"));
        java.util.Set<String> withRelease = namesAfter(lines, "#   web + release:");
        java.util.Set<String> webOnly = namesAfter(lines, "#   web only:");
        java.util.Set<String> expectedRelease = new java.util.TreeSet<>();
        java.util.Set<String> expectedWebOnly = new java.util.TreeSet<>();
        ServiceBuild.discover(Path.of("..")).forEach(service ->
                (service.ownsSchema() ? expectedRelease : expectedWebOnly).add(service.name()));

        assertThat(withRelease).isEqualTo(expectedRelease);
        assertThat(webOnly).isEqualTo(expectedWebOnly);
    }

    private static java.util.Set<String> namesAfter(java.util.List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> new java.util.TreeSet<>(java.util.List.of(line.substring(prefix.length()).trim()
                        .split("\\s+"))))
                .orElseThrow(() -> new AssertionError("Procfile.template has no line starting '" + prefix + "'"));
    }

    @Test
    void refusesATemplateWithoutAWebProcessBindingPort() {
        assertThatExceptionOfType(InvalidProcfileTemplateException.class)
            .isThrownBy(() -> ProcfileTemplate.parse("worker: java -jar {{jar}}\n", "t"))
            .withMessageContaining("no 'web' process type");
        assertThatExceptionOfType(InvalidProcfileTemplateException.class)
            .isThrownBy(() -> ProcfileTemplate.parse("web: java -jar {{jar}}\n", "t"))
            .withMessageContaining("must bind $PORT");
    }

    @Test
    void refusesUnknownPlaceholdersDuplicatesAndGarbageWithTheLine() {
        assertThatExceptionOfType(InvalidProcfileTemplateException.class)
            .isThrownBy(() -> ProcfileTemplate.parse("# c\nweb: java -Dp=$PORT -jar {{jar}} {{region}}\n", "t"))
            .withMessage("Procfile template t line 2: unknown placeholder {{region}}: only {{service}} and {{jar}} exist");
        assertThatExceptionOfType(InvalidProcfileTemplateException.class)
            .isThrownBy(() -> ProcfileTemplate.parse("web: a $PORT\nweb: b $PORT\n", "t"))
            .withMessageContaining("line 2: process type 'web' appears twice");
        assertThatExceptionOfType(InvalidProcfileTemplateException.class)
            .isThrownBy(() -> ProcfileTemplate.parse("web $PORT\n", "t"))
            .withMessageContaining("line 1: expected 'type: command'");
    }

}
