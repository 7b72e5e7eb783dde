package dev.parley.gateway.widget;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured widget bots by org and bot id. */
class WidgetBots {

    private final Map<String, WidgetBot> bots;

    private final List<WidgetBot> ordered;

    WidgetBots(WidgetProperties properties) {
        this.ordered = properties.bots().stream().map(WidgetBot::of).toList();
        this.bots = ordered.stream().collect(Collectors.toUnmodifiableMap(b -> key(b.orgId(), b.botId()),
                Function.identity()));
    }

    /** The bot, or {@link UnknownWidgetException}. */
    WidgetBot require(String orgId, String botId) {
        WidgetBot bot = bots.get(key(orgId, botId));
        if (bot == null) {
            throw new UnknownWidgetException(orgId, botId);
        }
        return bot;
    }

    /**
     * The bot when {@code origin} may embed it: {@link UnknownWidgetException} for an unknown bot,
     * {@link OriginNotAllowedException} for a page of another site. {@code origin} may be {@code null} only when
     * {@code originRequired} is false (a same-origin or non-browser HTTP request).
     */
    WidgetBot requireAllowed(String orgId, String botId, String origin, boolean originRequired) {
        WidgetBot bot = require(orgId, botId);
        if (origin == null && !originRequired) {
            return bot;
        }
        if (!bot.allows(origin)) {
            throw new OriginNotAllowedException(bot, origin);
        }
        return bot;
    }

    /** The first configured bot (the demo page's). */
    WidgetBot first() {
        return ordered.getFirst();
    }

    private static String key(String orgId, String botId) {
        return orgId + "\u0000" + botId;
    }
}
