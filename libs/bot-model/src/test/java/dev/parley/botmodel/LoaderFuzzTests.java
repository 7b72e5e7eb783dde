package dev.parley.botmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutates every reference bot file (and YAML bots) thousands of times with a fixed seed and asserts that
 * {@link BotLoader#load} only ever answers with diagnostics: no exception, no internal error, no slow case. The
 * mutation sequence is deterministic; each corpus stops early (after at least {@value #MIN_MUTATIONS}) when its time
 * budget is spent, so the whole class stays around 20 s even on a busy machine.
 */
class LoaderFuzzTests {

    private static final int MUTATIONS = 2_000;
    private static final int MIN_MUTATIONS = 200;
    private static final Duration BUDGET_PER_CORPUS = Duration.ofMillis(2_000);
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(2);
    private static final Pattern ELEMENT = Pattern.compile("<(\\w+)>[^<]*</\\1>|<(\\w+)>");
    private static final String[] XML_JUNK = {"<", ">", "&", "&amp;", "&#0;", "&#x1F600;", "]]>", "<![CDATA[x]]>",
            "<!-- -->", "<?pi x?>", "<!DOCTYPE x>", "<a:b xmlns:a=\"u\">", "\u0000", "\uFFFF", "{!", "{!X.Y}",
            "99999999999999999999", "-1", "NaN", "true", "maybe", "\n", "<type>Collect</type>",
            "<type>Group</type>", "<botSteps>", "</botSteps>", "<botSteps><type>Navigation</type></botSteps>"};
    private static final String[] YAML_JUNK = {"&a ", "*a", "*nope", "!!str ", "!!binary ", "!<tag:x> ", "{", "}",
            "[", "]", "- ", ": ", "? ", "|\n", ">-\n", "\"", "'", "#", "%YAML 1.1\n", "---\n", "...\n", "\t", "~",
            "null", "true", "0x1F", "1e999", "{!", "- wait\n", "- if: X == 1\n", "then: []\n", "\u0000", "\uFEFF"};

    static Stream<Arguments> corpora() {
        List<SourceFile> astro = List.of(Fixtures.resource("reference/Astro_Case_Resolution.bot-meta.xml"),
                Fixtures.resource("reference/Astro_Case_Resolution__v1.botVersion-meta.xml"));
        List<SourceFile> external = List.of(Fixtures.resource("reference/ExternalBot.bot-meta.xml"),
                Fixtures.resource("reference/ExternalBot__v1.botVersion-meta.xml"));
        List<SourceFile> kovai = List.of(Fixtures.resource("reference/kovai.bot"));
        SourceFile astroYaml = new SourceFile("astro.yaml", ParleyYamlWriter.write(SalesforceMetadataParser
                .parse(astro).bot()).getBytes(StandardCharsets.UTF_8));
        // each reference file is mutated on its own, next to the intact other file of its bot
        return Stream.of(
                Arguments.of("Astro bot file", astro, 0, 1L),
                Arguments.of("Astro version file", astro, 1, 2L),
                Arguments.of("ExternalBot bot file", external, 0, 3L),
                Arguments.of("ExternalBot version file", external, 1, 4L),
                Arguments.of("kovai.bot", kovai, 0, 5L),
                Arguments.of("Astro as YAML", List.of(astroYaml), 0, 6L),
                Arguments.of("pizza.yaml", List.of(Fixtures.resource("yaml/pizza.yaml")), 0, 7L),
                Arguments.of("every-step.yaml", List.of(Fixtures.resource("yaml/every-step.yaml")), 0, 8L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpora")
    void mutatedFilesOnlyEverGiveDiagnostics(String name, List<SourceFile> files, int victim, long seed) {
        Random random = new Random(seed);
        long slowest = 0;
        long deadline = System.nanoTime() + BUDGET_PER_CORPUS.toNanos();
        for (int i = 0; i < MUTATIONS && (i < MIN_MUTATIONS || System.nanoTime() < deadline); i++) {
            List<SourceFile> mutated = new ArrayList<>(files);
            SourceFile original = files.get(victim);
            String kind = original.name().endsWith(".yaml") ? "yaml" : "xml";
            byte[] bytes = mutate(original.content(), kind, random);
            mutated.set(victim, new SourceFile(original.name(), bytes));

            long start = System.nanoTime();
            ParseResult result;
            try {
                result = BotLoader.load(mutated);
            } catch (Throwable t) {
                throw new AssertionError(name + " mutation " + i + " threw; input:\n"
                        + new String(bytes, StandardCharsets.UTF_8), t);
            }
            slowest = Math.max(slowest, System.nanoTime() - start);
            if (result.diagnostics().stream().anyMatch(d -> d.code().equals("internal.error"))) {
                fail(name + " mutation " + i + " hit an internal error; input:\n"
                        + new String(bytes, StandardCharsets.UTF_8));
            }
            assertThat(result.diagnostics()).allSatisfy(d -> {
                assertThat(d.code()).isNotBlank();
                assertThat(d.severity()).isNotNull();
                assertThat(d.message()).isNotBlank();
            });
        }
        assertThat(Duration.ofNanos(slowest)).as("slowest single load").isLessThan(SLOWEST_ALLOWED);
    }

    static byte[] mutate(byte[] input, String kind, Random random) {
        int rounds = 1 + random.nextInt(3);
        byte[] bytes = input;
        for (int r = 0; r < rounds; r++) {
            bytes = switch (random.nextInt(kind.equals("xml") ? 8 : 7)) {
                case 0 -> flipBytes(bytes, random);
                case 1 -> truncate(bytes, random);
                case 2 -> insert(bytes, random, kind.equals("xml") ? XML_JUNK : YAML_JUNK);
                case 3 -> duplicateLines(bytes, random);
                case 4 -> deleteLines(bytes, random);
                case 5 -> swapLines(bytes, random);
                case 6 -> kind.equals("xml") ? duplicateElement(bytes, random) : reindent(bytes, random);
                default -> swapTags(bytes, random);
            };
        }
        return bytes;
    }

    private static byte[] flipBytes(byte[] b, Random random) {
        byte[] out = b.clone();
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] truncate(byte[] b, Random random) {
        return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
    }

    private static byte[] insert(byte[] b, Random random, String[] junk) {
        String s = text(b);
        int at = s.isEmpty() ? 0 : random.nextInt(s.length());
        return bytes(s.substring(0, at) + junk[random.nextInt(junk.length)] + s.substring(at));
    }

    private static List<String> lines(byte[] b) {
        return new ArrayList<>(List.of(text(b).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return bytes(String.join("\n", lines));
    }

    private static byte[] duplicateLines(byte[] b, Random random) {
        List<String> lines = lines(b);
        int from = random.nextInt(lines.size());
        int to = Math.min(lines.size(), from + 1 + random.nextInt(12));
        List<String> block = new ArrayList<>(lines.subList(from, to));
        lines.addAll(random.nextInt(lines.size() + 1), block);
        return join(lines);
    }

    private static byte[] deleteLines(byte[] b, Random random) {
        List<String> lines = lines(b);
        int from = random.nextInt(lines.size());
        int to = Math.min(lines.size(), from + 1 + random.nextInt(6));
        lines.subList(from, to).clear();
        return join(lines);
    }

    private static byte[] swapLines(byte[] b, Random random) {
        List<String> lines = lines(b);
        int i = random.nextInt(lines.size());
        int j = random.nextInt(lines.size());
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        return join(lines);
    }

    private static byte[] reindent(byte[] b, Random random) {
        List<String> lines = lines(b);
        int i = random.nextInt(lines.size());
        lines.set(i, random.nextBoolean() ? "  " + lines.get(i) : lines.get(i).stripLeading());
        return join(lines);
    }

    /** Copies one element (with its text) next to itself or elsewhere, or removes it. */
    private static byte[] duplicateElement(byte[] b, Random random) {
        String s = text(b);
        List<int[]> spans = new ArrayList<>();
        Matcher m = ELEMENT.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return b;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String element = s.substring(span[0], span[1]);
        if (random.nextBoolean()) {
            return bytes(s.substring(0, span[0]) + s.substring(span[1]));
        }
        int at = spans.get(random.nextInt(spans.size()))[0];
        return bytes(s.substring(0, at) + element + s.substring(at));
    }

    /** Renames every occurrence of one element name to another one of the file. */
    private static byte[] swapTags(byte[] b, Random random) {
        String s = text(b);
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("<(\\w+)>").matcher(s);
        while (m.find()) {
            names.add(m.group(1));
        }
        if (names.size() < 2) {
            return b;
        }
        String a = names.get(random.nextInt(names.size()));
        String c = names.get(random.nextInt(names.size()));
        return bytes(s.replace("<" + a + ">", "<" + c + ">").replace("</" + a + ">", "</" + c + ">"));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
