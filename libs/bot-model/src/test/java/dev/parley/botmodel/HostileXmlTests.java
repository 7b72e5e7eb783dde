package dev.parley.botmodel;

import static dev.parley.botmodel.Fixtures.parse;
import static dev.parley.botmodel.Fixtures.xml;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Untrusted uploads: every attack and every broken file becomes an ERROR diagnostic, never an exception. */
class HostileXmlTests {

    private static Diagnostic onlyError(ParseResult result) {
        assertThat(result.hasErrors()).isTrue();
        return result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).findFirst().orElseThrow();
    }

    @Test
    void anExternalEntityIsRefusedAndNothingIsRead() {
        ParseResult result = parse(xml("x.bot", """
                <?xml version="1.0"?>
                <!DOCTYPE Bot [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Bot><label>&xxe;</label></Bot>"""));

        Diagnostic error = onlyError(result);
        assertThat(error.code()).isEqualTo("xml.doctype-forbidden");
        assertThat(error.file()).isEqualTo("x.bot");
        assertThat(error.line()).isEqualTo(2);
        assertThat(result.bot()).isNull();
        assertThat(result.diagnostics()).noneSatisfy(d -> assertThat(d.message()).contains("root:"));
    }

    @Test
    void aParameterEntityFetchingARemoteDtdIsRefused() {
        ParseResult result = parse(xml("x.bot", """
                <?xml version="1.0"?>
                <!DOCTYPE Bot SYSTEM "http://127.0.0.1:1/evil.dtd">
                <Bot/>"""));

        assertThat(onlyError(result).code()).isEqualTo("xml.doctype-forbidden");
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            doc.append("<!ENTITY lol").append(i).append(" \"");
            doc.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        doc.append("]>\n<Bot><label>&lol9;</label></Bot>");

        long start = System.nanoTime();
        ParseResult result = parse(xml("lol.bot", doc.toString()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(onlyError(result).code()).isEqualTo("xml.doctype-forbidden");
        assertThat(result.bot()).isNull();
    }

    @Test
    void anUndeclaredEntityIsMalformed() {
        ParseResult result = parse(xml("x.bot", "<Bot>\n  <label>&nope;</label>\n</Bot>"));

        Diagnostic error = onlyError(result);
        assertThat(error.code()).isEqualTo("xml.malformed");
        assertThat(error.line()).isEqualTo(2);
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() {
        byte[] big = new byte[SecureXmlReader.MAX_FILE_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');

        Diagnostic error = onlyError(Fixtures.parse(new SourceFile("big.bot", big)));

        assertThat(error.code()).isEqualTo("file.too-large");
        assertThat(error.message()).contains(String.valueOf(SecureXmlReader.MAX_FILE_BYTES));
    }

    @Test
    void deeplyNestedElementsAreRefused() {
        String doc = "<Bot>" + "<a>".repeat(200) + "</a>".repeat(200) + "</Bot>";

        Diagnostic error = onlyError(parse(xml("deep.bot", doc)));

        assertThat(error.code()).isEqualTo("xml.too-deep");
        assertThat(error.message()).contains("64");
    }

    @Test
    void malformedXmlGivesTheLineAndColumn() {
        ParseResult result = parse(xml("broken.bot", """
                <?xml version="1.0"?>
                <Bot>
                  <label>Unclosed
                </Bot>"""));

        Diagnostic error = onlyError(result);
        assertThat(error.code()).isEqualTo("xml.malformed");
        assertThat(error.file()).isEqualTo("broken.bot");
        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isPositive();
        assertThat(result.bot()).isNull();
    }

    @Test
    void binaryGarbageAndEmptyFilesAreMalformed() {
        assertThat(onlyError(Fixtures.parse(new SourceFile("zip.bot", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0})))
                .code()).isEqualTo("xml.malformed");
        assertThat(onlyError(Fixtures.parse(new SourceFile("empty.bot", new byte[0]))).code())
                .isEqualTo("xml.malformed");
        assertThat(onlyError(parse(xml("text.bot", "hello"))).code()).isEqualTo("xml.malformed");
    }

    @Test
    void oneBrokenFileDoesNotHideTheOthers() {
        ParseResult result = parse(Fixtures.resource("reference/ExternalBot.bot-meta.xml"),
                xml("v1.botVersion-meta.xml", "<BotVersion><fullName>v1</BotVersion>"));

        assertThat(result.bot()).isNotNull();
        assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.ERROR)
                .extracting(Diagnostic::code).containsExactly("version.missing", "xml.malformed");
    }
}
