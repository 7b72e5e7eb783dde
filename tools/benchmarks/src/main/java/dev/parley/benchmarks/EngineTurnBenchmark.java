package dev.parley.benchmarks;

import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.ParseResult;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.SalesforceMetadataParser;
import dev.parley.botmodel.SourceFile;
import dev.parley.engine.Engine;
import dev.parley.engine.EngineLimits;
import dev.parley.engine.Input;
import dev.parley.engine.SessionState;
import dev.parley.engine.TurnResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One engine turn of a simple dialog of a real bot (Astro Case Resolution), on one thread. Target: p99 under 50 µs
 * (read the {@code p0.99} line of the sample-time output).
 *
 * <ul>
 *   <li>{@code menuChoice}: the customer picks "Log a Case" from the main menu; the bot asks for an email.</li>
 *   <li>{@code freeTextToIntent}: the customer types "log a case"; menu label matching finds it.</li>
 *   <li>{@code collectAnswer}: the customer answers the email question; the bot checks it and asks the next one.</li>
 *   <li>{@code confusedAndBack}: text nothing understands runs Confused, which returns to the menu.</li>
 * </ul>
 *
 * <p>Run: {@code bin/bench EngineTurnBenchmark}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class EngineTurnBenchmark {

    private static final String[] ASTRO = {
        "bots/cagarwal21__einstein-bot-to-agentforce-handoff__Astro_Case_Resolution.bot-meta.xml",
        "bots/cagarwal21__einstein-bot-to-agentforce-handoff__Astro_Case_Resolution__v1.botVersion-meta.xml"
    };

    private Engine engine;
    private Program program;
    private SessionState atMenu;
    private SessionState atEmailQuestion;
    private Input chooseLogACase;
    private Input typeLogACase;
    private Input answerEmail;
    private Input gibberish;

    @Setup
    public void setUp() {
        engine = new Engine(EngineLimits.defaults());
        program = compile(ASTRO);
        atMenu = engine.start(program, "bench-session", Map.of(), null).state();
        chooseLogACase = new Input.Choice(2, null);
        typeLogACase = new Input.Text("log a case");
        answerEmail = new Input.Text("ada@example.com");
        gibberish = new Input.Text("blorp");
        atEmailQuestion = engine.resume(program, atMenu, chooseLogACase).state();
        if (!"Collect".equals(atEmailQuestion.awaiting())) {
            throw new IllegalStateException("the benchmark's bot did not ask for the email: " + atEmailQuestion);
        }
    }

    private static Program compile(String... resources) {
        List<SourceFile> files = new ArrayList<>();
        for (String resource : resources) {
            try (InputStream in = EngineTurnBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing benchmark resource " + resource);
                }
                files.add(new SourceFile(resource, in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ParseResult parsed = SalesforceMetadataParser.parse(files);
        return BotCompiler.compile(parsed.bot(), null);
    }

    @Benchmark
    public TurnResult menuChoice() {
        return engine.resume(program, atMenu, chooseLogACase);
    }

    @Benchmark
    public TurnResult freeTextToIntent() {
        return engine.resume(program, atMenu, typeLogACase);
    }

    @Benchmark
    public TurnResult collectAnswer() {
        return engine.resume(program, atEmailQuestion, answerEmail);
    }

    @Benchmark
    public TurnResult confusedAndBack() {
        return engine.resume(program, atMenu, gibberish);
    }
}
