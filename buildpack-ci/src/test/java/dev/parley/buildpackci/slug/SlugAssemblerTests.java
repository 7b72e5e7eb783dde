package dev.parley.buildpackci.slug;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Slug layout, checksum, reproducibility and size limits, with a tiny stand-in for the JDK image. */
class SlugAssemblerTests {

    private static final ProcfileTemplate TEMPLATE = ProcfileTemplate.read(Path.of("..", "Procfile.template"));

    @TempDir
    Path directory;

    private RuntimeImage runtime;

    private ServiceBuild service;

    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void standInRuntimeAndJar() throws IOException {
        Path jdk = Files.createDirectories(this.directory.resolve("jdk"));
        Files.createDirectories(jdk.resolve("bin"));
        Files.createDirectories(jdk.resolve("legal/java.base"));
        Path java = Files.writeString(jdk.resolve("bin/java"), "#!/bin/sh\necho java\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25\"\n");
        Files.createSymbolicLink(jdk.resolve("legal/java.base/LICENSE"), Path.of("../../release"));
        Path fragment = this.directory.resolve("jdk.tar.gz");
        try (OutputStream out = Files.newOutputStream(fragment); TarWriter tar = new TarWriter(out, false)) {
            tar.directory("./app");
            tar.tree(RuntimeImage.SLUG_PATH, jdk);
        }
        this.runtime = RuntimeImage.of(jdk, fragment, "25");
        Path jar = Files.write(this.directory.resolve("callout-exec.jar"), new byte[4096]);
        this.service = new ServiceBuild("callout", jar, true);
    }

    @Test
    void putsRuntimeProfileJarAndProcfileUnderAppAndChecksumsTheTarball() throws Exception {
        Slug slug = assembler(Long.MAX_VALUE, Long.MAX_VALUE).assemble(this.service, this.directory.resolve("out"));

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                new BufferedInputStream(Files.newInputStream(slug.file()))))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry);
                if (entry.isFile() && !entry.getName().endsWith(".jar")) {
                    texts.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(entries.keySet()).allMatch(name -> name.startsWith("./app/")).containsExactly(
                "./app/", "./app/jdk/", "./app/jdk/bin/", "./app/jdk/bin/java", "./app/jdk/legal/",
                "./app/jdk/legal/java.base/", "./app/jdk/legal/java.base/LICENSE", "./app/jdk/release",
                "./app/.profile.d/", "./app/.profile.d/java.sh", "./app/Procfile", "./app/callout-exec.jar");
        assertThat(entries.get("./app/jdk/bin/java").getMode() & 0777).isEqualTo(0755);
        assertThat(entries.get("./app/jdk/legal/java.base/LICENSE").isSymbolicLink()).isTrue();
        assertThat(entries.get("./app/callout-exec.jar").getSize()).isEqualTo(4096);
        assertThat(texts.get("./app/Procfile")).isEqualTo(ProcfileTemplate.procfile(slug.processTypes()));
        assertThat(texts.get("./app/.profile.d/java.sh")).contains("export JAVA_HOME=\"$HOME/jdk\"");

        assertThat(slug.processTypes()).containsKeys("web", "release");
        assertThat(slug.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(Files.readAllBytes(slug.file()))));
        assertThat(slug.checksum()).isEqualTo("SHA256:" + slug.sha256());
        assertThat(slug.sizeBytes()).isEqualTo(Files.size(slug.file()));
        assertThat(slug.commit()).isEqualTo("abc123");
    }

    @Test
    void gnuTarReadsTheWholeMultiMemberArchive() throws Exception {
        Slug slug = assembler(Long.MAX_VALUE, Long.MAX_VALUE).assemble(this.service, this.directory.resolve("out"));

        Process tar = new ProcessBuilder("tar", "-tzf", slug.file().toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(tar.exitValue()).as(listing).isZero();
        assertThat(listing.lines()).contains("./app/jdk/bin/java", "./app/Procfile", "./app/callout-exec.jar");
    }

    @Test
    void theSameInputsGiveTheSameBytes() {
        Slug first = assembler(Long.MAX_VALUE, Long.MAX_VALUE).assemble(this.service, this.directory.resolve("a"));
        Slug second = assembler(Long.MAX_VALUE, Long.MAX_VALUE).assemble(this.service, this.directory.resolve("b"));

        assertThat(second.sha256()).isEqualTo(first.sha256());
    }

    @Test
    void refusesASlugAboveTheLimitAndWarnsAboveTheWarningSize() {
        Path out = this.directory.resolve("out");
        assertThatExceptionOfType(SlugTooLargeException.class)
            .isThrownBy(() -> assembler(100, 50).assemble(this.service, out))
            .withMessageContaining("The slug of callout is 0 MB compressed; Heroku accepts at most 0 MB");
        assertThat(out.resolve("callout.tgz")).doesNotExist();
        assertThat(out.resolve("callout.tgz.partial")).doesNotExist();

        assembler(Long.MAX_VALUE, 100).assemble(this.service, out);
        assertThat(this.log).anySatisfy(line -> assertThat(line).startsWith("WARNING: the slug of callout"));
    }

    @Test
    void aMissingJarSaysHowToBuildIt() {
        ServiceBuild unbuilt = new ServiceBuild("callout", this.directory.resolve("nothing.jar"), true);

        assertThatExceptionOfType(MissingServiceJarException.class)
            .isThrownBy(() -> assembler(Long.MAX_VALUE, Long.MAX_VALUE).assemble(unbuilt, this.directory))
            .withMessageContaining("bin/assemble-slugs");
    }

    private SlugAssembler assembler(long maxBytes, long warnBytes) {
        return new SlugAssembler(this.runtime, TEMPLATE, "heroku-24", "abc123", this.log::add, maxBytes, warnBytes);
    }

}
