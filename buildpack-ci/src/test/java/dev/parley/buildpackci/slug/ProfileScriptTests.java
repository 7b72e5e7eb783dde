package dev.parley.buildpackci.slug;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** .profile.d/java.sh sets JAVA_HOME, PATH and memory options from the dyno, as bash sources it on a dyno. */
class ProfileScriptTests {

    @TempDir
    Path home;

    @Test
    void pointsJavaAtTheSlugsRuntimeAndSizesMemoryFromTheConfiguredDynoMemory() throws Exception {
        Map<String, String> result = source(Map.of("PARLEY_JVM_MEMORY_MB", "2560", "DYNO", "web.1",
                "JAVA_OPTS", "-Dextra=1"));

        assertThat(result.get("JAVA_HOME")).isEqualTo(this.home + "/jdk");
        assertThat(result.get("PATH")).startsWith(this.home + "/jdk/bin:");
        assertThat(result.get("JAVA_OPTS"))
            .isEqualTo("-XX:MaxRAM=2560m -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError "
                    + "-XX:-ClassUnloadingWithConcurrentMark -Dextra=1");
    }

    @Test
    void theReleasePhaseStartsWithTheQuickCompiler() throws Exception {
        Map<String, String> result = source(Map.of("PARLEY_JVM_MEMORY_MB", "1024", "DYNO", "release.4711"));

        assertThat(result.get("JAVA_OPTS")).contains("-XX:MaxRAM=1024m").contains("-XX:TieredStopAtLevel=1")
            .doesNotContain("ClassUnloading");
    }

    @Test
    void withoutConfiguredMemoryItFindsANumberForTheJvm() throws Exception {
        Map<String, String> result = source(Map.of("DYNO", "web.1"));

        assertThat(result.get("PARLEY_DYNO_MEMORY_MB")).matches("[1-9][0-9]*");
        assertThat(result.get("JAVA_OPTS")).startsWith("-XX:MaxRAM=" + result.get("PARLEY_DYNO_MEMORY_MB") + "m ");
    }

    private Map<String, String> source(Map<String, String> environment) throws Exception {
        Path script = this.home.resolve("java.sh");
        try (InputStream in = SlugAssembler.class.getResourceAsStream("java.sh")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -eu; . ./java.sh; "
                + "printf 'JAVA_HOME=%s\\nPATH=%s\\nJAVA_OPTS=%s\\nPARLEY_DYNO_MEMORY_MB=%s\\n' "
                + "\"$JAVA_HOME\" \"$PATH\" \"$JAVA_OPTS\" \"$PARLEY_DYNO_MEMORY_MB\"")
            .directory(this.home.toFile())
            .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("HOME", this.home.toString());
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, String> values = new java.util.HashMap<>();
        for (String line : output.lines().toList()) {
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals), line.substring(equals + 1));
        }
        assertThat(values.keySet()).containsAll(List.of("JAVA_HOME", "PATH", "JAVA_OPTS", "PARLEY_DYNO_MEMORY_MB"));
        return values;
    }

}
