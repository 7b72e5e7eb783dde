package dev.parley.botmodel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one entry point for uploaded bot files: detects each file's format, parses it (Salesforce metadata XML in SFDX
 * or Metadata API form, or Parley YAML) and appends the {@link BotValidator}'s findings. Never throws for bad input:
 * everything wrong is a diagnostic. Zip archives are unpacked by the caller, which passes the files.
 */
public final class BotLoader {

    /** The most files one upload may hold. */
    public static final int MAX_FILES = 500;

    private BotLoader() {
    }

    /** The format a file name says it has. */
    public enum Format {
        /** Salesforce {@code Bot}/{@code BotVersion} metadata XML. */
        SALESFORCE_XML,
        /** Parley YAML. */
        PARLEY_YAML,
        /** Neither: the file is ignored. */
        UNKNOWN
    }

    /** The format of a file, from its name and, for names without a known suffix, its first bytes. */
    public static Format detect(SourceFile file) {
        String name = file.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Format.PARLEY_YAML;
        }
        if (name.endsWith(".bot-meta.xml") || name.endsWith(".botversion-meta.xml") || name.endsWith(".bot")
                || name.endsWith(".bot.xml") || name.endsWith(".xml")) {
            return Format.SALESFORCE_XML;
        }
        String head = new String(file.content(), 0, Math.min(file.content().length, 64), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        if (head.startsWith("<")) {
            return Format.SALESFORCE_XML;
        }
        if (head.startsWith("parley:")) {
            return Format.PARLEY_YAML;
        }
        return Format.UNKNOWN;
    }

    /**
     * Loads one bot from its files: a single YAML file, or the XML files of one bot (a {@code .bot} file, or a
     * {@code .bot-meta.xml} with its {@code .botVersion-meta.xml} files). Other files (e.g. {@code package.xml},
     * {@code README.md}) are ignored with an INFO or WARNING.
     *
     * @return the bot (or {@code null} when nothing usable was read) and every diagnostic: parsing first, then
     *         validation
     */
    public static ParseResult load(List<SourceFile> files) {
        try {
            return loadChecked(files);
        } catch (RuntimeException | StackOverflowError e) {
            // a defect of ours must still not turn an upload into a 500: report it as a diagnostic
            return new ParseResult(null, List.of(new Diagnostic(null, 0, 0, "internal.error", Severity.ERROR,
                    "the files could not be read because of an internal error (" + e.getClass().getSimpleName()
                            + "); please report this")));
        }
    }

    private static ParseResult loadChecked(List<SourceFile> files) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (files == null || files.isEmpty()) {
            return new ParseResult(null, List.of(new Diagnostic(null, 0, 0, "bot.no-files", Severity.ERROR,
                    "no files were given")));
        }
        if (files.size() > MAX_FILES) {
            return new ParseResult(null, List.of(new Diagnostic(null, 0, 0, "files.too-many", Severity.ERROR,
                    files.size() + " files were given; the limit is " + MAX_FILES)));
        }
        List<SourceFile> xml = new ArrayList<>();
        List<SourceFile> yaml = new ArrayList<>();
        for (SourceFile f : files) {
            if (f == null) {
                continue;
            }
            switch (detect(f)) {
                case SALESFORCE_XML -> xml.add(f);
                case PARLEY_YAML -> yaml.add(f);
                case UNKNOWN -> diagnostics.add(new Diagnostic(f.name(), 0, 0, "file.ignored", Severity.INFO,
                        "'" + f.name() + "' is neither bot metadata XML nor Parley YAML; ignored"));
            }
        }
        ParseResult parsed;
        if (!yaml.isEmpty() && !xml.isEmpty()) {
            diagnostics.add(new Diagnostic(yaml.getFirst().name(), 0, 0, "files.mixed-formats", Severity.ERROR,
                    "the upload mixes Parley YAML (" + yaml.getFirst().name() + ") and Salesforce XML ("
                            + xml.getFirst().name() + "); upload one bot in one format"));
            return new ParseResult(null, diagnostics);
        } else if (yaml.size() > 1) {
            diagnostics.add(new Diagnostic(yaml.get(1).name(), 0, 0, "files.several-yaml", Severity.ERROR,
                    "a Parley YAML bot is one file, but " + yaml.size() + " YAML files were given"));
            return new ParseResult(null, diagnostics);
        } else if (yaml.size() == 1) {
            parsed = ParleyYamlParser.parse(yaml.getFirst());
        } else if (!xml.isEmpty()) {
            parsed = SalesforceMetadataParser.parse(xml);
        } else {
            diagnostics.add(new Diagnostic(null, 0, 0, "bot.missing", Severity.ERROR,
                    "none of the files is bot metadata XML (.bot, .bot-meta.xml, .botVersion-meta.xml) or Parley "
                            + "YAML (.yaml, .yml)"));
            return new ParseResult(null, diagnostics);
        }
        diagnostics.addAll(parsed.diagnostics());
        if (parsed.bot() != null) {
            diagnostics.addAll(BotValidator.validate(parsed.bot()));
        }
        return new ParseResult(parsed.bot(), dedupe(diagnostics));
    }

    /** The parser and the validator may both notice the same problem at the same place: keep one. */
    private static List<Diagnostic> dedupe(List<Diagnostic> diagnostics) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(diagnostics));
    }
}
