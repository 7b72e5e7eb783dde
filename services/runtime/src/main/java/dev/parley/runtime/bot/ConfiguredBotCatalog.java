package dev.parley.runtime.bot;

import dev.parley.botmodel.Program;
import dev.parley.botmodel.SourceFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The bots configured under {@code parley.runtime.bots}, parsed and compiled once at startup. Startup fails with the
 * diagnostics when one of them does not compile.
 */
@Component
class ConfiguredBotCatalog implements BotCatalog {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredBotCatalog.class);

    /** The files of a bot directory that are read: Salesforce metadata XML and Parley YAML. */
    private static final List<String> BOT_FILE_SUFFIXES = List.of(".xml", ".bot", ".yaml", ".yml");

    private final Map<String, LoadedBot> bots;

    ConfiguredBotCatalog(BotCatalogProperties properties) {
        ResourceLoader resources = new DefaultResourceLoader();
        this.bots = properties.bots().stream()
                .map(bot -> load(bot, properties.sessionIdleTimeout(), resources))
                .collect(Collectors.toUnmodifiableMap(bot -> key(bot.orgId(), bot.botId()), Function.identity()));
    }

    @Override
    public Optional<LoadedBot> find(String orgId, String botId) {
        return Optional.ofNullable(bots.get(key(orgId, botId)));
    }

    private static String key(String orgId, String botId) {
        return orgId + '\u0000' + botId;
    }

    private static LoadedBot load(BotCatalogProperties.ConfiguredBot bot, Duration idleTimeout,
            ResourceLoader resources) {
        String name = "bot '" + bot.botId() + "' of org '" + bot.orgId() + "'";
        List<SourceFile> files = new ArrayList<>();
        for (String location : bot.location()) {
            files.addAll(read(name, location, resources));
        }
        if (files.isEmpty()) {
            throw new BotLoadingException(name + ": no *.xml, *.bot, *.yaml or *.yml file found in "
                    + bot.location());
        }
        Program program = BotSources.compile(name, files, bot.versionName());
        log.info("Loaded bot {} version {} ({}) of org {} from {}", bot.botId(), program.versionName(),
                bot.versionId(), bot.orgId(), bot.location());
        Duration responseDelay = bot.responseDelay() == null ? Duration.ZERO : bot.responseDelay();
        return new LoadedBot(bot.orgId(), bot.botId(), bot.versionId(), program, responseDelay, idleTimeout);
    }

    private static List<SourceFile> read(String name, String location, ResourceLoader resources) {
        try {
            if (location.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX)) {
                Resource resource = resources.getResource(location);
                if (!resource.exists()) {
                    throw new BotLoadingException(name + ": location " + location + " does not exist");
                }
                if (resource.isFile()) {
                    return readPath(name, resource.getFile().toPath());
                }
                if (location.endsWith("/")) {
                    // a directory inside a jar cannot be listed
                    throw new BotLoadingException(name + ": " + location + " is a directory inside a jar; name its "
                            + "files instead");
                }
                return List.of(new SourceFile(resource.getFilename(), resource.getContentAsByteArray()));
            }
            return readPath(name, Path.of(location.startsWith("file:") ? location.substring(5) : location));
        } catch (IOException e) {
            throw new BotLoadingException(name + ": cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    private static List<SourceFile> readPath(String name, Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> children = Files.list(path)) {
                return children.filter(Files::isRegularFile)
                        .filter(p -> BOT_FILE_SUFFIXES.stream().anyMatch(p.getFileName().toString()::endsWith))
                        .sorted(Comparator.comparing(Path::toString))
                        .map(p -> sourceFile(name, p))
                        .toList();
            }
        }
        if (Files.isRegularFile(path)) {
            return List.of(sourceFile(name, path));
        }
        throw new BotLoadingException(name + ": location " + path.toAbsolutePath() + " does not exist");
    }

    private static SourceFile sourceFile(String name, Path path) {
        try {
            return new SourceFile(path.getFileName().toString(), Files.readAllBytes(path));
        } catch (IOException e) {
            throw new BotLoadingException(name + ": cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
