package dev.parley.terraform;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code terraform fmt -check}, where a terraform binary is installed (it needs no provider and no network). */
class TerraformFormatTests {

    @Test
    void everyFileIsFormattedTheTerraformWay() throws Exception {
        Optional<Path> terraform = onPath("terraform");
        assumeTrue(terraform.isPresent(), "No terraform binary on PATH: terraform fmt -check not run");

        Process process = new ProcessBuilder(terraform.get().toString(), "fmt", "-check", "-recursive", "-diff", ".")
            .redirectErrorStream(true)
            .start();
        boolean finished = process.waitFor(60, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("terraform fmt finished within 60 s").isTrue();
        assertThat(process.exitValue()).as("terraform fmt -check -recursive found unformatted files:%n%s", output)
            .isZero();
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
            .map(dir -> Path.of(dir, command))
            .filter(Files::isExecutable)
            .findFirst();
    }

}
