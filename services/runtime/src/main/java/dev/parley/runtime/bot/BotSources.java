package dev.parley.runtime.bot;

import dev.parley.botmodel.BotCompilationException;
import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.BotLoader;
import dev.parley.botmodel.Diagnostic;
import dev.parley.botmodel.ParseResult;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.Severity;
import dev.parley.botmodel.SourceFile;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place the runtime reads bot files with bot-model ({@link BotLoader}: Salesforce metadata XML or Parley
 * YAML), the same way the registry validates uploads.
 */
final class BotSources {

    private BotSources() {
    }

    /**
     * Parses and compiles a bot.
     *
     * @param what        names the bot in error messages
     * @param versionName the {@code BotVersion} to run, or {@code null} for the highest
     * @throws BotLoadingException with the errors when it does not parse or compile
     */
    static Program compile(String what, List<SourceFile> files, String versionName) {
        ParseResult parsed = BotLoader.load(files);
        if (parsed.hasErrors() || parsed.bot() == null) {
            throw new BotLoadingException(what + " does not parse:" + describe(parsed.diagnostics()));
        }
        try {
            return BotCompiler.compile(parsed.bot(), versionName);
        } catch (BotCompilationException e) {
            throw new BotLoadingException(what + " does not compile:" + describe(e.diagnostics()), e);
        }
    }

    private static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(d -> "\n  " + d.file() + ":" + d.line() + ":" + d.column() + " " + d.code() + " " + d.message())
                .collect(Collectors.joining());
    }
}
