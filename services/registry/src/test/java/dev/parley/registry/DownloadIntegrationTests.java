package dev.parley.registry;

import dev.parley.registry.api.VersionDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static dev.parley.registry.RegistryHttp.ORG_A;
import static dev.parley.registry.RegistryHttp.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;

/** Downloads give back exactly what was uploaded. */
@RegistryIntegrationTest
class DownloadIntegrationTests {

    @LocalServerPort
    int port;

    RegistryHttp http;

    @BeforeEach
    void setUp() {
        http = new RegistryHttp(port);
    }

    @Test
    void aZipComesBackByteForByteUnderItsName() {
        String name = ReferenceBots.ASTRO.uniqueName();
        byte[] zip = ReferenceBots.ASTRO.zip(ReferenceBots.ASTRO.renamed(name));
        VersionDetails version = http.upload(TOKEN_A, ORG_A, List.of(new TestFile("astro-project.zip", zip)))
                .as(VersionDetails.class);

        RegistryHttp.Response download = http.get(TOKEN_A, download(version));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(zip);
        assertThat(download.header("Content-Type")).isEqualTo("application/zip");
        assertThat(download.header("Content-Disposition")).contains("attachment").contains("astro-project.zip");
    }

    @Test
    void aSingleFileComesBackByteForByte() {
        String name = ReferenceBots.KOVAI.uniqueName();
        TestFile file = ReferenceBots.KOVAI.renamed(name).getFirst();
        VersionDetails version = http.upload(TOKEN_A, ORG_A, List.of(file)).as(VersionDetails.class);

        RegistryHttp.Response download = http.get(TOKEN_A, download(version));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file.content());
        assertThat(download.header("Content-Type")).startsWith("application/xml");
        assertThat(download.header("Content-Disposition")).contains("kovai.bot");
    }

    @Test
    void severalFilesComeBackAsAZipOfTheExactFiles() throws IOException {
        String name = ReferenceBots.EXTERNAL.uniqueName();
        List<TestFile> files = ReferenceBots.EXTERNAL.renamed(name);
        VersionDetails version = http.upload(TOKEN_A, ORG_A, files).as(VersionDetails.class);

        RegistryHttp.Response download = http.get(TOKEN_A, download(version));

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/zip");
        assertThat(download.header("Content-Disposition")).contains(name + "-1.zip");
        List<TestFile> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.add(new TestFile(entry.getName(), zip.readAllBytes()));
            }
        }
        assertThat(entries).hasSize(files.size());
        for (int i = 0; i < files.size(); i++) {
            assertThat(entries.get(i).name()).isEqualTo(files.get(i).name());
            assertThat(entries.get(i).content()).isEqualTo(files.get(i).content());
        }
    }

    static String download(VersionDetails version) {
        return RegistryHttp.bots(version.orgId()) + "/" + version.botId() + "/versions/" + version.versionId()
                + "/download";
    }
}
