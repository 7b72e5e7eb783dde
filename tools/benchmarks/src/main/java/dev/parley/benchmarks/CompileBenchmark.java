package dev.parley.benchmarks;

import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.BotDefinition;
import dev.parley.botmodel.BotLoader;
import dev.parley.botmodel.BotValidator;
import dev.parley.botmodel.Diagnostic;
import dev.parley.botmodel.ParleyYamlParser;
import dev.parley.botmodel.ParleyYamlWriter;
import dev.parley.botmodel.ParseResult;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.SalesforceMetadataParser;
import dev.parley.botmodel.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the largest reference bot (Astro Case Resolution, SFDX form, two files, 23 KB): the whole upload path
 * ({@code BotLoader.load} = parse + validate, then {@code BotCompiler.compile}) and each stage alone, plus the same
 * bot read from Parley YAML. Target: the whole path under 200 ms.
 * Run: {@code bin/bench CompileBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CompileBenchmark {

    private static final String BOT = "bots/cagarwal21__einstein-bot-to-agentforce-handoff__Astro_Case_Resolution"
            + ".bot-meta.xml";
    private static final String VERSION = "bots/cagarwal21__einstein-bot-to-agentforce-handoff__"
            + "Astro_Case_Resolution__v1.botVersion-meta.xml";

    private List<SourceFile> files;
    private BotDefinition bot;
    private SourceFile yaml;

    @Setup
    public void setUp() {
        files = List.of(resource(BOT), resource(VERSION));
        ParseResult parsed = BotLoader.load(files);
        if (parsed.hasErrors()) {
            throw new IllegalStateException("the benchmark bot does not load: " + parsed.diagnostics());
        }
        bot = parsed.bot();
        yaml = new SourceFile("astro.yaml", ParleyYamlWriter.write(bot).getBytes(StandardCharsets.UTF_8));
    }

    private static SourceFile resource(String path) {
        try (InputStream in = CompileBenchmark.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource " + path);
            }
            return new SourceFile(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an upload costs: parse, validate and compile. */
    @Benchmark
    public Program loadAndCompile() {
        return BotCompiler.compile(BotLoader.load(files).bot(), null);
    }

    /** Parsing the XML alone. */
    @Benchmark
    public ParseResult parseXml() {
        return SalesforceMetadataParser.parse(files);
    }

    /** Validating the parsed bot alone. */
    @Benchmark
    public List<Diagnostic> validate() {
        return BotValidator.validate(bot);
    }

    /** Compiling the parsed bot alone (the compiler validates the version it compiles). */
    @Benchmark
    public Program compile() {
        return BotCompiler.compile(bot, null);
    }

    /** Parsing the same bot written as Parley YAML. */
    @Benchmark
    public ParseResult parseYaml() {
        return ParleyYamlParser.parse(yaml);
    }
}
