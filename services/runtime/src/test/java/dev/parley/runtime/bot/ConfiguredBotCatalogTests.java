package dev.parley.runtime.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguredBotCatalogTests {

    private static final String ORG = TestBots.ORG;
    private static final String VERSION = TestBots.VERSION;

    @Test
    void findsAConfiguredBotOnlyForItsOrg() {
        BotCatalog catalog = TestBots.demoCatalog();

        LoadedBot bot = catalog.find(ORG, "demo").orElseThrow();
        assertThat(bot.versionId()).isEqualTo(VERSION);
        assertThat(bot.program().entryDialog()).isEqualTo("Welcome");
        assertThat(bot.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(catalog.find("00D000000000002AAA", "demo")).isEmpty();
        assertThat(catalog.find(ORG, "other")).isEmpty();
    }

    @Test
    void readsADirectoryOrTheFilesNamed(@TempDir Path dir) throws IOException {
        Path demo = Path.of("src/test/resources/bots/demo");
        for (Path file : List.of(demo.resolve("Parley_Demo.bot-meta.xml"), demo.resolve("v1.botVersion-meta.xml"))) {
            Files.copy(file, dir.resolve(file.getFileName()));
        }
        Files.writeString(dir.resolve("README.md"), "not a bot file");

        assertThat(catalog(List.of(dir.toString())).find(ORG, "demo")).isPresent();
        assertThat(catalog(List.of(dir.resolve("Parley_Demo.bot-meta.xml").toString(),
                "file:" + dir.resolve("v1.botVersion-meta.xml"))).find(ORG, "demo")).isPresent();
    }

    @Test
    void aBotThatDoesNotCompileFailsStartupWithItsDiagnostics() {
        assertThatThrownBy(() -> catalog(List.of("classpath:bots/broken")))
                .isInstanceOf(BotLoadingException.class)
                .hasMessageContaining("bot 'demo' of org '" + ORG + "'")
                .hasMessageContaining("Nowhere");
    }

    @Test
    void aMissingLocationFailsStartup() {
        assertThatThrownBy(() -> catalog(List.of("no/such/dir")))
                .isInstanceOf(BotLoadingException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void badSettingsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> properties("0X9-short", List.of("classpath:bots/demo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parley.runtime.bots[0].version-id").hasMessageContaining("0X9-short");
        assertThatThrownBy(() -> properties(VERSION, List.of()))
                .hasMessageContaining("parley.runtime.bots[0].location");
        assertThatThrownBy(() -> new BotCatalogProperties(List.of(), Duration.ZERO))
                .hasMessageContaining("parley.runtime.session-idle-timeout").hasMessageContaining("PT0S");
        BotCatalogProperties.ConfiguredBot bot = new BotCatalogProperties.ConfiguredBot(ORG, "demo", VERSION,
                List.of("classpath:bots/demo"), null, null);
        assertThatThrownBy(() -> new BotCatalogProperties(List.of(bot, bot), Duration.ofMinutes(1)))
                .hasMessageContaining("a second time");
    }

    private static BotCatalog catalog(List<String> location) {
        return new ConfiguredBotCatalog(properties(VERSION, location));
    }

    private static BotCatalogProperties properties(String versionId, List<String> location) {
        return new BotCatalogProperties(List.of(new BotCatalogProperties.ConfiguredBot(ORG, "demo", versionId,
                location, null, null)), Duration.ofMinutes(30));
    }
}
