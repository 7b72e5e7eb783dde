package dev.parley.registry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.parley.registry.RegistryHttp.ORG_A;
import static dev.parley.registry.RegistryHttp.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads meant to hurt: too large, zip bombs, path traversal, nested archives, wrong types. Each gets a precise 4xx
 * problem detail (the test profile's limits: request 256 KB, file 64 KB, 20 zip entries, 200 KB unpacked, ratio 50
 * past 32 KB), never a 500, and nothing is stored.
 */
@RegistryIntegrationTest
class HostileUploadIntegrationTests {

    private static final Random RANDOM = new Random(42);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RegistryHttp http;
    long versionsBefore;

    @BeforeEach
    void setUp() {
        http = new RegistryHttp(port);
        versionsBefore = versions();
    }

    @Test
    void aRequestOverTheSizeLimitIsRefused() {
        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A,
                List.of(new TestFile("big.bot", noise(300 * 1024))));

        assertRefused(response, 413, "UPLOAD_TOO_LARGE");
        assertThat(response.json().get("limit").asLong()).isEqualTo(256 * 1024);
    }

    @Test
    void aRawBodyOverTheSizeLimitIsRefused() {
        RegistryHttp.Response response = http.uploadRaw(TOKEN_A, ORG_A, "application/zip", noise(300 * 1024), null);

        assertRefused(response, 413, "UPLOAD_TOO_LARGE");
    }

    @Test
    void aFileOverThePerFileLimitIsRefusedNamingIt() {
        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A,
                List.of(TestFile.of("small.bot", "<Bot/>"), new TestFile("large.bot", noise(70 * 1024))));

        assertRefused(response, 413, "UPLOAD_TOO_LARGE");
        assertThat(response.json().get("file").asString()).isEqualTo("large.bot");
        assertThat(response.json().get("limit").asLong()).isEqualTo(64 * 1024);
    }

    @Test
    void aZipWithTooManyEntriesIsRefused() {
        List<TestFile> entries = IntStream.range(0, 21).mapToObj(i -> TestFile.of("f" + i + ".txt", "x")).toList();

        RegistryHttp.Response response = uploadZip(ReferenceBots.zipOf(entries));

        assertRefused(response, 413, "UPLOAD_TOO_MANY_FILES");
    }

    @Test
    void aZipBombIsRefusedByItsCompressionRatio() {
        // 190 KB of zeros compress to a few hundred bytes
        byte[] zip = ReferenceBots.zipOf(List.of(new TestFile("bomb.bot", new byte[190 * 1024])));
        assertThat(zip.length).isLessThan(2048);

        RegistryHttp.Response response = uploadZip(zip);

        assertRefused(response, 413, "UPLOAD_COMPRESSION_RATIO");
        assertThat(response.json().get("detail").asString()).contains("zip bomb");
    }

    @Test
    void aZipUnpackingBeyondTheTotalLimitIsRefused() {
        // four files of 60 KB of text compress well enough to fit the request limit, but unpack to 240 KB
        List<TestFile> entries = IntStream.range(0, 4)
                .mapToObj(i -> new TestFile("part" + i + ".txt", text(60 * 1024))).toList();
        byte[] zip = ReferenceBots.zipOf(entries);
        assertThat(zip.length).isLessThan(256 * 1024);

        RegistryHttp.Response response = uploadZip(zip);

        assertRefused(response, 413, "UPLOAD_TOO_LARGE");
        assertThat(response.json().get("limit").asLong()).isEqualTo(200 * 1024);
    }

    @Test
    void aZipEntryOverThePerFileLimitIsRefusedNamingIt() {
        byte[] zip = ReferenceBots.zipOf(List.of(new TestFile("bots/huge.bot", text(70 * 1024))));

        RegistryHttp.Response response = uploadZip(zip);

        assertRefused(response, 413, "UPLOAD_TOO_LARGE");
        assertThat(response.json().get("file").asString()).isEqualTo("bots/huge.bot");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.bot", "bots/../../evil.bot", "/etc/evil.bot", "..\\evil.bot", "C:evil.bot",
            "bots//evil.bot", "./evil.bot"})
    void zipEntriesClimbingOutOrAbsoluteAreRefused(String name) {
        byte[] zip = ReferenceBots.zipOf(List.of(TestFile.of(name, "<Bot/>")));

        RegistryHttp.Response response = uploadZip(zip);

        assertRefused(response, 400, "UPLOAD_UNSAFE_NAME");
    }

    @Test
    void uploadedFileNamesClimbingOutAreRefused() {
        assertRefused(http.upload(TOKEN_A, ORG_A, List.of(TestFile.of("../../etc/passwd.bot", "<Bot/>"))), 400,
                "UPLOAD_UNSAFE_NAME");
        assertRefused(http.uploadRaw(TOKEN_A, ORG_A, "application/xml", "<Bot/>".getBytes(StandardCharsets.UTF_8),
                "filename=..%2Fx.bot"), 400, "UPLOAD_UNSAFE_NAME");
    }

    @Test
    void aZipInsideTheZipIsRefused() {
        byte[] inner = ReferenceBots.zipOf(List.of(TestFile.of("a.bot", "<Bot/>")));

        assertRefused(uploadZip(ReferenceBots.zipOf(List.of(new TestFile("inner.zip", inner)))), 400,
                "UPLOAD_NESTED_ARCHIVE");
        // renaming the inner zip does not help: its content gives it away
        assertRefused(uploadZip(ReferenceBots.zipOf(List.of(new TestFile("inner.bot", inner)))), 400,
                "UPLOAD_NESTED_ARCHIVE");
    }

    @Test
    void aZipNextToOtherFilesIsRefused() {
        byte[] zip = ReferenceBots.zipOf(List.of(TestFile.of("a.bot", "<Bot/>")));

        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A,
                List.of(TestFile.of("b.bot", "<Bot/>"), new TestFile("c.zip", zip)));

        assertRefused(response, 400, "UPLOAD_NESTED_ARCHIVE");
    }

    @Test
    void bytesThatAreNotAZipAreRefusedAsAZip() {
        assertRefused(http.uploadRaw(TOKEN_A, ORG_A, "application/zip", "not a zip".getBytes(StandardCharsets.UTF_8),
                null), 400, "UPLOAD_BAD_ARCHIVE");
        byte[] zip = ReferenceBots.zipOf(List.of(new TestFile("a.bot", text(4096))));
        assertRefused(uploadZip(Arrays.copyOf(zip, zip.length / 2)), 400, "UPLOAD_BAD_ARCHIVE");
    }

    @Test
    void duplicateNamesInAZipAreRefused() {
        // zip tools refuse to write duplicates: write b.bot, then rename it to a.bot in the archive's bytes
        byte[] zip = ReferenceBots.zipOf(List.of(TestFile.of("a.bot", "<Bot/>"), TestFile.of("b.bot", "<Bot/>")));
        String latin1 = new String(zip, StandardCharsets.ISO_8859_1).replace("b.bot", "a.bot");
        zip = latin1.getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(uploadZip(zip), 400, "UPLOAD_DUPLICATE_NAME");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "text/html", "image/png", "application/x-www-form-urlencoded"})
    void aContentTypeThatIsNotAnUploadIsRefusedListingTheAcceptedOnes(String type) {
        RegistryHttp.Response response = http.uploadRaw(TOKEN_A, ORG_A, type,
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "filename=x.bot");

        assertRefused(response, 415, "UPLOAD_UNSUPPORTED_TYPE");
        assertThat(response.json().get("accepted").toString()).contains("multipart/form-data", "application/zip");
    }

    @Test
    void aRawFileWithoutANameIsRefused() {
        RegistryHttp.Response response = http.uploadRaw(TOKEN_A, ORG_A, "application/xml",
                "<Bot/>".getBytes(StandardCharsets.UTF_8), null);

        assertRefused(response, 400, "UPLOAD_FILENAME_MISSING");
    }

    @Test
    void emptyUploadsAreRefused() {
        assertRefused(http.uploadRaw(TOKEN_A, ORG_A, "application/zip", new byte[0], null), 400, "UPLOAD_EMPTY");
        assertRefused(http.upload(TOKEN_A, ORG_A, List.of(new TestFile("empty.bot", new byte[0]))), 400,
                "UPLOAD_EMPTY");
        assertRefused(uploadZip(ReferenceBots.zipOf(List.of())), 400, "UPLOAD_EMPTY");
    }

    @Test
    void tooManyMultipartPartsAreRefused() {
        List<TestFile> files = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            files.add(TestFile.of("f" + i + ".bot", "<Bot/>"));
        }

        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A, files);

        assertRefused(response, 413, "UPLOAD_TOO_MANY_FILES");
    }

    @Test
    void xmlEntityTricksAreDiagnosticsNotFailures() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Bot [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">
                <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <Bot><label>&xxe;&b;</label></Bot>
                """;

        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A, List.of(TestFile.of("Evil.bot", xxe)));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.text()).doesNotContain("root:");
        assertThat(versions()).isEqualTo(versionsBefore);
    }

    private RegistryHttp.Response uploadZip(byte[] zip) {
        return http.upload(TOKEN_A, ORG_A, List.of(new TestFile("upload.zip", zip)));
    }

    private void assertRefused(RegistryHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(versions()).as("nothing stored").isEqualTo(versionsBefore);
    }

    private long versions() {
        return jdbc.sql("SELECT count(*) FROM bot_versions").query(Long.class).single();
    }

    private static byte[] noise(int size) {
        byte[] bytes = new byte[size];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Random printable text: compresses to roughly three quarters. */
    private static byte[] text(int size) {
        return Arrays.copyOf(Base64.getEncoder().encode(noise(size)), size);
    }
}
