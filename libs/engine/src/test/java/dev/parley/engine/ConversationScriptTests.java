package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.BotLoader;
import dev.parley.botmodel.ParleyYamlWriter;
import dev.parley.botmodel.ParseResult;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.SalesforceMetadataParser;
import dev.parley.botmodel.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Plays every scripted conversation in {@code src/test/resources/conversations} (format: its README). */
class ConversationScriptTests {

    private static List<String> files() {
        URL folder = ConversationScriptTests.class.getResource("/conversations");
        assertThat(folder).isNotNull();
        try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
            return paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyScriptedConversationRuns() {
        return files().stream().map(file -> DynamicContainer.dynamicContainer(file,
                ConversationScript.load("conversations/" + file).stream()
                        .map(script -> DynamicTest.dynamicTest(script.name(), script::run))));
    }

    @TestFactory
    Stream<DynamicTest> theFeatureBotWrittenAsParleyYamlConversesTheSame() {
        ParseResult xml = SalesforceMetadataParser.parse(List.of(TestBots.source("bots/pizza.bot")));
        String yaml = ParleyYamlWriter.write(xml.bot());
        ParseResult loaded = BotLoader.load(List.of(new SourceFile("pizza.yaml",
                yaml.getBytes(StandardCharsets.UTF_8))));
        assertThat(loaded.hasErrors()).as("%s", loaded.diagnostics()).isFalse();
        Program fromYaml = BotCompiler.compile(loaded.bot(), null);

        return ConversationScript.load("conversations/pizza.yaml").stream()
                .map(script -> DynamicTest.dynamicTest(script.name(), script.against(fromYaml)::run));
    }

    @Test
    void everyReferenceBotAndTheFeatureBotHaveScripts() {
        assertThat(files()).contains("astro.yaml", "kovai.yaml", "external-bot.yaml", "pizza.yaml");
    }

    @Test
    void aScriptThatExpectsAnotherMessageFails() {
        ConversationScript wrong = ConversationScript.load("conversations-broken/wrong-message.yaml").getFirst();

        org.assertj.core.api.Assertions.assertThatThrownBy(wrong::run)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("step 1")
                .hasMessageContaining("Hello there");
    }
}
