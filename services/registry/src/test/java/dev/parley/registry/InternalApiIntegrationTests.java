package dev.parley.registry;

import dev.parley.registry.api.ActiveVersions;
import dev.parley.registry.api.SourceFileContent;
import dev.parley.registry.api.VersionDetails;
import dev.parley.registry.api.VersionFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Base64;
import java.util.List;

import static dev.parley.registry.RegistryHttp.CREDENTIAL;
import static dev.parley.registry.RegistryHttp.ORG_A;
import static dev.parley.registry.RegistryHttp.ORG_B;
import static dev.parley.registry.RegistryHttp.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;

/** The internal API runtimes load bots from, behind the internal credential. */
@RegistryIntegrationTest
class InternalApiIntegrationTests {

    @LocalServerPort
    int port;

    RegistryHttp http;

    @BeforeEach
    void setUp() {
        http = new RegistryHttp(port);
    }

    @Test
    void theInternalApiNeedsTheInternalCredentialNotAnAdminToken() {
        for (RegistryHttp.Response response : List.of(http.internal(null, "/internal/v1/active-versions"),
                http.internal("wrong", "/internal/v1/active-versions"),
                http.get(TOKEN_A, "/internal/v1/active-versions"))) {
            assertThat(response.status()).isEqualTo(401);
        }
    }

    @Test
    void aVersionsFilesAreTheBotFilesAsUploaded() {
        String name = ReferenceBots.ASTRO.uniqueName();
        List<TestFile> files = ReferenceBots.ASTRO.renamed(name);
        VersionDetails version = http.upload(TOKEN_A, ORG_A,
                List.of(new TestFile("project.zip", ReferenceBots.ASTRO.zip(files)))).as(VersionDetails.class);

        RegistryHttp.Response response = http.internal(CREDENTIAL, files(ORG_A, version.botId(), version.versionId()));

        assertThat(response.status()).isEqualTo(200);
        VersionFiles body = response.as(VersionFiles.class);
        assertThat(body.botName()).isEqualTo(name);
        assertThat(body.botVersionName()).isEqualTo("v1");
        assertThat(body.contentHash()).isEqualTo(version.contentHash());
        // only the bot files of the zip, with their paths, byte for byte
        assertThat(body.files()).extracting(SourceFileContent::name).containsExactly(
                "force-app/main/default/bots/Astro_Case_Resolution/Astro_Case_Resolution.bot-meta.xml",
                "force-app/main/default/bots/Astro_Case_Resolution/v1.botVersion-meta.xml");
        for (int i = 0; i < files.size(); i++) {
            assertThat(Base64.getDecoder().decode(body.files().get(i).contentBase64()))
                    .isEqualTo(files.get(i).content());
        }
    }

    @Test
    void filesOfAnUnknownVersionOrUnderTheWrongOrgAreNotFound() {
        VersionDetails version = http.upload(TOKEN_A, ORG_A,
                ReferenceBots.KOVAI.renamed(ReferenceBots.KOVAI.uniqueName())).as(VersionDetails.class);

        assertThat(http.internal(CREDENTIAL, files(ORG_B, version.botId(), version.versionId())).status())
                .isEqualTo(404);
        assertThat(http.internal(CREDENTIAL, files(ORG_A, version.botId(), "0X9AAAAAAAAAAAAAAA")).status())
                .isEqualTo(404);
        assertThat(http.internal(CREDENTIAL, "/internal/v1/active-versions").as(ActiveVersions.class).versions())
                .noneMatch(v -> v.botId().equals(version.botId()));
    }

    static String files(String org, String bot, String version) {
        return "/internal/v1/orgs/" + org + "/bots/" + bot + "/versions/" + version + "/files";
    }
}
