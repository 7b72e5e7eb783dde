package dev.parley.registry;

import dev.parley.botmodel.BotLoader;
import dev.parley.botmodel.ParleyYamlWriter;
import dev.parley.botmodel.SourceFile;
import dev.parley.registry.api.BotDiagnostic;
import dev.parley.registry.api.BotList;
import dev.parley.registry.api.StoredFile;
import dev.parley.registry.api.VersionDetails;
import dev.parley.registry.api.VersionList;
import dev.parley.registry.api.VersionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static dev.parley.registry.RegistryHttp.ORG_A;
import static dev.parley.registry.RegistryHttp.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;

/** Uploading the reference bots in every form, broken copies, repeated uploads, versions. */
@RegistryIntegrationTest
class UploadIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RegistryHttp http;

    @BeforeEach
    void setUp() {
        http = new RegistryHttp(port);
    }

    @ParameterizedTest
    @EnumSource(ReferenceBots.class)
    void eachReferenceBotUploadsAsSeparateFilesOrSingleFile(ReferenceBots bot) {
        String name = bot.uniqueName();
        List<TestFile> files = bot.renamed(name);

        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A, files);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        VersionDetails version = response.as(VersionDetails.class);
        assertThat(version.orgId()).isEqualTo(ORG_A);
        assertThat(version.botName()).isEqualTo(name);
        assertThat(version.botId()).hasSize(18).startsWith("0Xx");
        assertThat(version.versionId()).hasSize(18).startsWith("0X9");
        assertThat(version.versionNumber()).isEqualTo(1);
        assertThat(version.botVersionName()).isEqualTo("v1");
        assertThat(version.status()).isEqualTo(VersionStatus.INACTIVE);
        assertThat(version.uploadForm()).isEqualTo("FILES");
        assertThat(version.createdBy()).isEqualTo("alice@org-a");
        assertThat(version.files()).extracting(StoredFile::name)
                .containsExactlyElementsOf(files.stream().map(TestFile::name).toList());
        assertThat(version.diagnostics()).extracting(BotDiagnostic::severity).doesNotContain("ERROR");
        assertThat(response.header("Location")).isEqualTo(RegistryHttp.bots(ORG_A) + "/" + version.botId()
                + "/versions/" + version.versionId());
    }

    @ParameterizedTest
    @EnumSource(ReferenceBots.class)
    void eachReferenceBotUploadsAsAZipOfItsProjectFolder(ReferenceBots bot) {
        String name = bot.uniqueName();
        byte[] zip = bot.zip(bot.renamed(name));

        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A, List.of(new TestFile(name + ".zip", zip)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        VersionDetails version = response.as(VersionDetails.class);
        assertThat(version.botName()).isEqualTo(name);
        assertThat(version.uploadForm()).isEqualTo("ZIP");
        // the project's other files are kept, but only the bot files are read
        assertThat(version.files()).filteredOn(StoredFile::parsed).extracting(StoredFile::name)
                .allMatch(n -> n.endsWith(".bot") || n.endsWith("-meta.xml"))
                .hasSize(bot.files().size());
        assertThat(version.files()).filteredOn(f -> !f.parsed()).extracting(StoredFile::name)
                .containsExactly(bot.singleFile() ? "package.xml" : "sfdx-project.json");
    }

    @Test
    void aZipCanBePostedAsTheRawBody() {
        String name = ReferenceBots.ASTRO.uniqueName();
        byte[] zip = ReferenceBots.ASTRO.zip(ReferenceBots.ASTRO.renamed(name));

        RegistryHttp.Response response = http.uploadRaw(TOKEN_A, ORG_A, "application/zip", zip, null);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.as(VersionDetails.class).botName()).isEqualTo(name);
    }

    @Test
    void aSingleFileCanBePostedAsTheRawBodyWithItsName() {
        String name = ReferenceBots.KOVAI.uniqueName();
        byte[] bot = ReferenceBots.KOVAI.renamed(name).getFirst().content();

        RegistryHttp.Response response = http.uploadRaw(TOKEN_A, ORG_A, "application/xml", bot, "filename=kovai.bot");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        VersionDetails version = response.as(VersionDetails.class);
        assertThat(version.botName()).isEqualTo(name);
        assertThat(version.files()).extracting(StoredFile::name).containsExactly("kovai.bot");
    }

    @Test
    void aParleyYamlFileUploadsLikeTheXmlItWasWrittenFrom() {
        String name = ReferenceBots.ASTRO.uniqueName();
        List<SourceFile> xml = ReferenceBots.ASTRO.renamed(name).stream()
                .map(f -> new SourceFile(f.name(), f.content())).toList();
        String yaml = ParleyYamlWriter.write(BotLoader.load(xml).bot());

        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A, List.of(TestFile.of(name + ".yaml", yaml)));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        VersionDetails version = response.as(VersionDetails.class);
        assertThat(version.botName()).isEqualTo(name);
        assertThat(version.botVersionName()).isEqualTo("v1");
    }

    @Test
    void uploadingTheSameBotNameAgainAddsAVersion() {
        String name = ReferenceBots.EXTERNAL.uniqueName();
        List<TestFile> first = ReferenceBots.EXTERNAL.renamed(name);
        List<TestFile> second = List.of(first.get(0), TestFile.of(first.get(1).name(),
                first.get(1).text().replace("</BotVersion>", "<!-- edited -->\n</BotVersion>")));

        VersionDetails v1 = http.upload(TOKEN_A, ORG_A, first).as(VersionDetails.class);
        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A, second);

        assertThat(response.status()).isEqualTo(201);
        VersionDetails v2 = response.as(VersionDetails.class);
        assertThat(v2.botId()).isEqualTo(v1.botId());
        assertThat(v2.versionNumber()).isEqualTo(2);
        assertThat(v2.versionId()).isNotEqualTo(v1.versionId());
        VersionList versions = http.get(TOKEN_A, RegistryHttp.bots(ORG_A) + "/" + v1.botId() + "/versions")
                .as(VersionList.class);
        assertThat(versions.versions()).extracting(v -> v.versionNumber()).containsExactly(2, 1);
        assertThat(http.get(TOKEN_A, RegistryHttp.bots(ORG_A)).as(BotList.class).bots())
                .filteredOn(b -> b.botName().equals(name))
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.latestVersionNumber()).isEqualTo(2);
                    assertThat(b.activeVersionId()).isNull();
                });
    }

    @Test
    void theSameFilesUploadedAgainReturnTheStoredVersion() {
        String name = ReferenceBots.ASTRO.uniqueName();
        List<TestFile> files = ReferenceBots.ASTRO.renamed(name);
        VersionDetails first = http.upload(TOKEN_A, ORG_A, files).as(VersionDetails.class);

        RegistryHttp.Response again = http.upload(TOKEN_A, ORG_A, files);
        // the same files in a zip are the same content
        RegistryHttp.Response zipped = http.upload(TOKEN_A, ORG_A,
                List.of(new TestFile("a.zip", ReferenceBots.zipOf(files))));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.as(VersionDetails.class).versionId()).isEqualTo(first.versionId());
        assertThat(zipped.status()).isEqualTo(200);
        assertThat(zipped.as(VersionDetails.class).versionId()).isEqualTo(first.versionId());
        assertThat(jdbc.sql("SELECT count(*) FROM bot_versions WHERE bot_id = :bot").param("bot", first.botId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aBrokenCopyIsRefusedWithPreciseDiagnosticsAndNothingIsStored() {
        String name = ReferenceBots.ASTRO.uniqueName();
        List<TestFile> files = ReferenceBots.ASTRO.renamed(name);
        String version = files.get(1).text();
        // a navigation to a dialog that does not exist, on a line we know
        String broken = version.replaceFirst("<targetBotDialog>Main_Menu</targetBotDialog>",
                "<targetBotDialog>No_Such_Dialog</targetBotDialog>");
        assertThat(broken).isNotEqualTo(version);
        // diagnostics point at the navigation link holding the bad target
        int line = lineOf(broken, broken.lastIndexOf("<botNavigationLinks>", broken.indexOf("No_Such_Dialog")));

        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A,
                List.of(files.get(0), TestFile.of("v1.botVersion-meta.xml", broken)));

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("BOT_INVALID");
        List<BotDiagnostic> diagnostics = List.of(response.as(Problem.class).diagnostics());
        assertThat(diagnostics).filteredOn(d -> d.severity().equals("ERROR")).isNotEmpty()
                .anySatisfy(d -> {
                    assertThat(d.file()).isEqualTo("v1.botVersion-meta.xml");
                    assertThat(d.line()).isEqualTo(line);
                    assertThat(d.column()).isPositive();
                    assertThat(d.code()).isEqualTo("navigation.unknown-dialog");
                    assertThat(d.message()).contains("No_Such_Dialog");
                });
        assertThat(jdbc.sql("SELECT count(*) FROM bots WHERE api_name = :name").param("name", name)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void malformedXmlIsReportedWithItsPosition() {
        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A,
                List.of(TestFile.of("Broken.bot", "<?xml version=\"1.0\"?>\n<Bot>\n  <label>x</lab>\n</Bot>\n")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.as(Problem.class).diagnostics()[0]).satisfies(d -> {
            assertThat(d.file()).isEqualTo("Broken.bot");
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.severity()).isEqualTo("ERROR");
        });
    }

    @Test
    void aZipWithoutBotFilesIsRefusedWithADiagnostic() {
        byte[] zip = ReferenceBots.zipOf(List.of(TestFile.of("README.md", "no bot here")));

        RegistryHttp.Response response = http.uploadRaw(TOKEN_A, ORG_A, "application/zip", zip, null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.as(Problem.class).diagnostics()).extracting(BotDiagnostic::code)
                .containsExactly("upload.no-bot-files");
    }

    @Test
    void warningsAreStoredWithTheVersion() {
        String name = ReferenceBots.KOVAI.uniqueName();
        VersionDetails uploaded = http.upload(TOKEN_A, ORG_A, ReferenceBots.KOVAI.renamed(name))
                .as(VersionDetails.class);

        VersionDetails read = http.get(TOKEN_A, RegistryHttp.bots(ORG_A) + "/" + uploaded.botId() + "/versions/"
                + uploaded.versionId()).as(VersionDetails.class);

        assertThat(read.diagnostics()).isEqualTo(uploaded.diagnostics());
        assertThat(read.createdAt()).isEqualTo(uploaded.createdAt());
        assertThat(read.label()).isEqualTo(uploaded.label());
    }

    static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The 422 problem body. */
    record Problem(String code, String detail, BotDiagnostic[] diagnostics) {
    }
}
