package dev.parley.botmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Test helpers that read fixture files and build source files from strings. */
final class Fixtures {

    private Fixtures() {
    }

    static SourceFile resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return new SourceFile(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParseResult parseResources(String... paths) {
        return SalesforceMetadataParser.parse(Arrays.stream(paths).map(Fixtures::resource).toList());
    }

    static SourceFile xml(String name, String content) {
        return new SourceFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    static ParseResult parse(SourceFile... files) {
        return SalesforceMetadataParser.parse(List.of(files));
    }

    static List<Diagnostic> withSeverity(ParseResult result, Severity severity) {
        return result.diagnostics().stream().filter(d -> d.severity() == severity).toList();
    }
}
