package dev.parley.registry.bots;

import dev.parley.botmodel.BotCompilationException;
import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.Diagnostic;
import dev.parley.botmodel.ParseResult;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.Severity;
import dev.parley.registry.api.BotDiagnostic;
import dev.parley.registry.upload.BotFiles;
import dev.parley.registry.upload.Upload;
import dev.parley.registry.upload.UploadedFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Parses and compiles an upload the way a runtime will, so only a version that runs is stored: any ERROR refuses the
 * upload with every diagnostic; warnings and infos are stored with the version.
 */
final class BotValidation {

    static final int MAX_NAME_LENGTH = 255;

    private BotValidation() {
    }

    /**
     * The bot of the upload, checked.
     *
     * @param name        the bot's API name
     * @param label       its label
     * @param versionName the {@code BotVersion} that runs (the highest in the files)
     * @param diagnostics warnings and infos, file order
     */
    record ValidBot(String name, String label, String versionName, List<BotDiagnostic> diagnostics) {

        int warnings() {
            return (int) diagnostics.stream().filter(d -> Severity.WARNING.name().equals(d.severity())).count();
        }
    }

    /** @throws BotInvalidException when parsing or compiling finds an error */
    static ValidBot validate(Upload upload) {
        List<UploadedFile> files = upload.parsedFiles();
        if (files.isEmpty()) {
            throw new BotInvalidException("The upload holds no bot files", List.of(new BotDiagnostic(null, 0, 0,
                    "upload.no-bot-files", Severity.ERROR.name(), "the zip holds no bot files: the registry reads "
                    + "*.bot, *.bot-meta.xml, *.botVersion-meta.xml, *.yaml and *.xml files whose root element is "
                    + "Bot or BotVersion; found " + upload.files().stream().map(UploadedFile::name).limit(20)
                    .toList())));
        }
        ParseResult parsed = BotFiles.parse(files);
        List<Diagnostic> found = new ArrayList<>(parsed.diagnostics());
        if (parsed.hasErrors() || parsed.bot() == null) {
            throw invalid(found);
        }
        Program program;
        try {
            program = BotCompiler.compile(parsed.bot(), null);
        } catch (BotCompilationException e) {
            found.addAll(e.diagnostics());
            throw invalid(found);
        }
        found.addAll(program.warnings());
        String name = parsed.bot().name();
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            found.add(new Diagnostic(null, 0, 0, "bot.name-invalid", Severity.ERROR, "the bot's API name must be 1 to "
                    + MAX_NAME_LENGTH + " characters but was '" + name + "'"));
            throw invalid(found);
        }
        String label = parsed.bot().label() == null || parsed.bot().label().isBlank() ? name : parsed.bot().label();
        return new ValidBot(name, label, program.versionName(), convert(found));
    }

    private static BotInvalidException invalid(List<Diagnostic> found) {
        List<BotDiagnostic> diagnostics = convert(found);
        long errors = diagnostics.stream().filter(d -> Severity.ERROR.name().equals(d.severity())).count();
        return new BotInvalidException("The bot has " + errors + (errors == 1 ? " error" : " errors")
                + "; nothing was stored", diagnostics);
    }

    /** Distinct (parser and compiler may report the same finding), errors first, otherwise in the order found. */
    private static List<BotDiagnostic> convert(List<Diagnostic> found) {
        List<Diagnostic> ordered = new ArrayList<>(new LinkedHashSet<>(found));
        ordered.sort(Comparator.comparing(Diagnostic::severity));
        return ordered.stream()
                .map(d -> new BotDiagnostic(d.file(), d.line(), d.column(), d.code(), d.severity().name(),
                        d.message()))
                .toList();
    }
}
