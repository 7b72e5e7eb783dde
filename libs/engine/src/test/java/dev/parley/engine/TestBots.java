package dev.parley.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.ParseResult;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.SalesforceMetadataParser;
import dev.parley.botmodel.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads and compiles test bots from the classpath or the repository's samples folder. */
final class TestBots {

    private TestBots() {
    }

    static Program fromClasspath(String... resources) {
        List<SourceFile> files = new ArrayList<>();
        for (String resource : resources) {
            files.add(source(resource));
        }
        return compile(files);
    }

    /** A test resource as an uploaded file. */
    static SourceFile source(String resource) {
        try (InputStream in = TestBots.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return new SourceFile(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo bot, read from the repository (tests run with the module folder as working directory). */
    static Program demo() {
        Path folder = Path.of("..", "..", "samples", "bots", "demo");
        List<SourceFile> files = new ArrayList<>();
        for (String name : List.of("Parley_Demo.bot-meta.xml", "v1.botVersion-meta.xml")) {
            try {
                files.add(new SourceFile(name, Files.readAllBytes(folder.resolve(name))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return compile(files);
    }

    private static Program compile(List<SourceFile> files) {
        ParseResult parsed = SalesforceMetadataParser.parse(files);
        assertThat(parsed.hasErrors()).as("parse errors: %s", parsed.diagnostics()).isFalse();
        return BotCompiler.compile(parsed.bot(), null);
    }

    static List<String> texts(TurnResult result) {
        return result.outputs().stream()
                .filter(o -> o instanceof Output.Text)
                .map(o -> ((Output.Text) o).text())
                .toList();
    }

    static List<String> choiceLabels(TurnResult result) {
        return result.outputs().stream()
                .filter(o -> o instanceof Output.Choices)
                .flatMap(o -> ((Output.Choices) o).options().stream())
                .map(ChoiceOption::label)
                .toList();
    }
}
