package dev.parley.registry.upload;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZipReaderTests {

    private final ZipReader reader = new ZipReader(new UploadProperties(DataSize.ofKilobytes(256),
            DataSize.ofKilobytes(64), 5, DataSize.ofKilobytes(128), 20, DataSize.ofKilobytes(16)));

    @Test
    void readsEntriesInOrderSkippingFoldersAndMarksTheBotFiles() throws IOException {
        byte[] zip = zip("bots/", "", "bots/a/a.bot-meta.xml", "<Bot/>", "bots/a/v1.botVersion-meta.xml",
                "<BotVersion/>", "README.md", "hi", "bots/named.xml", "<?xml version=\"1.0\"?>\n<!-- x -->\n<Bot>");

        List<UploadedFile> files = reader.read("a.zip", zip);

        assertThat(files).extracting(UploadedFile::name).containsExactly("bots/a/a.bot-meta.xml",
                "bots/a/v1.botVersion-meta.xml", "README.md", "bots/named.xml");
        assertThat(files).extracting(UploadedFile::parsed).containsExactly(true, true, false, true);
        assertThat(new String(files.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("<BotVersion/>");
    }

    @Test
    void macResourceForksAndOtherXmlAreNotBotFiles() throws IOException {
        List<UploadedFile> files = reader.read("a.zip", zip("__MACOSX/bots/._a.bot", "junk", "package.xml",
                "<Package/>", "bots/._b.bot", "junk"));

        assertThat(files).extracting(UploadedFile::parsed).containsOnly(false);
    }

    @Test
    void countsEntriesActuallyPresentNotWhatHeadersClaim() throws IOException {
        byte[] zip = zip("1", "a", "2", "a", "3", "a", "4", "a", "5", "a", "6", "a");

        assertThatThrownBy(() -> reader.read("a.zip", zip)).isInstanceOf(UploadRefusedException.class)
                .hasFieldOrPropertyWithValue("code", "UPLOAD_TOO_MANY_FILES")
                .hasMessageContaining("more than 5 entries");
    }

    @Test
    void stopsInflatingAtTheRatioLimit() throws IOException {
        byte[] zip = zip("bomb.bot", "\0".repeat(60 * 1024));

        assertThatThrownBy(() -> reader.read("bomb.zip", zip))
                .hasFieldOrPropertyWithValue("code", "UPLOAD_COMPRESSION_RATIO");
    }

    @Test
    void smallVeryRegularFilesAreNotTakenForBombs() throws IOException {
        // far above the ratio, but below the floor of 16 KB
        byte[] zip = zip("spaces.bot", " ".repeat(15 * 1024));

        assertThat(reader.read("ok.zip", zip)).hasSize(1);
    }

    @Test
    void refusesNamesThatAreNotSafeRelativePaths() {
        for (String name : List.of("../x", "a/../../x", "/abs", "a\\b", "c:x", "a//b", "a/./b", "x\u0000y")) {
            assertThatThrownBy(() -> reader.read("a.zip", zip(name, "x"))).as(name)
                    .hasFieldOrPropertyWithValue("code", "UPLOAD_UNSAFE_NAME");
        }
    }

    @Test
    void refusesArchivesInside() {
        assertThatThrownBy(() -> reader.read("a.zip", zip("inner.tar.gz", "x")))
                .hasFieldOrPropertyWithValue("code", "UPLOAD_NESTED_ARCHIVE");
        assertThatThrownBy(() -> reader.read("a.zip", zip("inner.bot", "PK\u0003\u0004rest")))
                .hasFieldOrPropertyWithValue("code", "UPLOAD_NESTED_ARCHIVE");
    }

    @Test
    void refusesWhatIsNotAZip() {
        assertThatThrownBy(() -> reader.read("a.zip", "hello".getBytes(StandardCharsets.UTF_8)))
                .hasFieldOrPropertyWithValue("code", "UPLOAD_BAD_ARCHIVE");
    }

    private static byte[] zip(String... namesAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
