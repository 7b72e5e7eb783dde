package dev.parley.registry.upload;

import dev.parley.botmodel.BotLoader;
import dev.parley.botmodel.ParseResult;
import dev.parley.botmodel.SourceFile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What counts as a bot file and the one place the registry reads them with bot-model ({@link BotLoader}: Salesforce
 * metadata XML or Parley YAML, plus the validator's findings).
 */
public final class BotFiles {

    /** Suffixes (lower case) of the files a zip's bot is read from. */
    static final List<String> SUFFIXES = List.of(".bot", ".bot-meta.xml", ".botversion-meta.xml", ".yaml", ".yml");

    /** A {@code Bot} or {@code BotVersion} root element near the start of an {@code .xml} file. */
    private static final Pattern BOT_ROOT = Pattern.compile("<(?:[A-Za-z0-9_]+:)?(?:Bot|BotVersion)[\\s>/]");
    private static final int SNIFF_BYTES = 4096;

    private BotFiles() {
    }

    /** Parses and validates one bot from its files; never throws for bad content, problems are diagnostics. */
    public static ParseResult parse(List<UploadedFile> files) {
        return BotLoader.load(files.stream().map(f -> new SourceFile(f.name(), f.content())).toList());
    }

    /**
     * Whether a zip entry is bot metadata: by suffix, or an {@code .xml} file whose root is {@code Bot} or
     * {@code BotVersion}. Mac resource forks ({@code __MACOSX/}, {@code ._x}) never are.
     */
    static boolean isBotFile(String name, byte[] content) {
        String base = FileNames.lowerBaseName(name);
        if (name.startsWith("__MACOSX/") || base.startsWith("._")) {
            return false;
        }
        if (SUFFIXES.stream().anyMatch(base::endsWith)) {
            return true;
        }
        if (!base.endsWith(".xml")) {
            return false;
        }
        String head = new String(content, 0, Math.min(content.length, SNIFF_BYTES), StandardCharsets.UTF_8);
        // skip the prolog and comments: the first element that is not <?xml or <!-- decides
        int at = 0;
        while (at >= 0 && at < head.length()) {
            at = head.indexOf('<', at);
            if (at < 0 || at + 1 >= head.length()) {
                return false;
            }
            char next = head.charAt(at + 1);
            if (next == '?' || next == '!') {
                at++;
                continue;
            }
            return BOT_ROOT.matcher(head).region(at, head.length()).lookingAt();
        }
        return false;
    }

    /** Human-readable list of what is read from a zip, for diagnostics. */
    static String describeSuffixes() {
        return String.join(", ", SUFFIXES.stream().map(s -> "*" + s).toList()).toLowerCase(Locale.ROOT)
                + " and *.xml files whose root element is Bot or BotVersion";
    }
}
