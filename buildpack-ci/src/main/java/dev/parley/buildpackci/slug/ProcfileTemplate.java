package dev.parley.buildpackci.slug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository's {@code Procfile.template}: {@code type: command} lines with {@code {{service}}} and
 * {@code {{jar}}} placeholders, {@code #} comments. Rendering keeps the {@code release} line only for services that
 * own a schema, and refuses a template without a {@code web} line binding {@code $PORT}.
 */
public final class ProcfileTemplate {

    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_-]{1,128}):\\s*(\\S.*)");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");

    private final Map<String, String> processTypes;

    private ProcfileTemplate(Map<String, String> processTypes) {
        this.processTypes = processTypes;
    }

    /** Reads and checks the template file. */
    public static ProcfileTemplate read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the Procfile template " + file, ex);
        }
    }

    /** Parses and checks template text; {@code origin} names it in errors. */
    public static ProcfileTemplate parse(String text, String origin) {
        Map<String, String> types = new LinkedHashMap<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new InvalidProcfileTemplateException(origin, i + 1, "expected 'type: command', was '" + line
                        + "'");
            }
            if (types.put(matcher.group(1), matcher.group(2).strip()) != null) {
                throw new InvalidProcfileTemplateException(origin, i + 1, "process type '" + matcher.group(1)
                        + "' appears twice");
            }
            Matcher placeholder = PLACEHOLDER.matcher(matcher.group(2));
            while (placeholder.find()) {
                if (!placeholder.group(1).equals("service") && !placeholder.group(1).equals("jar")) {
                    throw new InvalidProcfileTemplateException(origin, i + 1, "unknown placeholder {{"
                            + placeholder.group(1) + "}}: only {{service}} and {{jar}} exist");
                }
            }
        }
        String web = types.get("web");
        if (web == null) {
            throw new InvalidProcfileTemplateException(origin, 0, "no 'web' process type");
        }
        if (!web.contains("$PORT") && !web.contains("${PORT}")) {
            throw new InvalidProcfileTemplateException(origin, 0, "the web command must bind $PORT");
        }
        return new ProcfileTemplate(Collections.unmodifiableMap(types));
    }

    /** The process types of {@code service}'s slug, {@code web} first. */
    public Map<String, String> render(ServiceBuild service) {
        Map<String, String> rendered = new LinkedHashMap<>();
        this.processTypes.forEach((type, command) -> {
            if (type.equals("release") && !service.ownsSchema()) {
                return;
            }
            rendered.put(type, command.replace("{{service}}", service.name()).replace("{{jar}}",
                    service.jarFileName()));
        });
        return Collections.unmodifiableMap(rendered);
    }

    /** The Procfile text of rendered process types. */
    public static String procfile(Map<String, String> processTypes) {
        StringBuilder text = new StringBuilder();
        processTypes.forEach((type, command) -> text.append(type).append(": ").append(command).append('\n'));
        return text.toString();
    }

}
