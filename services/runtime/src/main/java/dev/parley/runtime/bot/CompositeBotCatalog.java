package dev.parley.runtime.bot;

import java.util.List;
import java.util.Optional;

/** Asks each catalog in turn (configured bots first, then the registry's); the first that has the bot answers. */
final class CompositeBotCatalog implements BotCatalog {

    private final List<BotCatalog> catalogs;

    CompositeBotCatalog(List<BotCatalog> catalogs) {
        this.catalogs = List.copyOf(catalogs);
    }

    @Override
    public Optional<LoadedBot> find(String orgId, String botId) {
        for (BotCatalog catalog : catalogs) {
            Optional<LoadedBot> bot = catalog.find(orgId, botId);
            if (bot.isPresent()) {
                return bot;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<LoadedBot> find(String orgId, String botId, String versionId) {
        for (BotCatalog catalog : catalogs) {
            Optional<LoadedBot> bot = catalog.find(orgId, botId, versionId);
            if (bot.isPresent()) {
                return bot;
            }
        }
        return Optional.empty();
    }
}
