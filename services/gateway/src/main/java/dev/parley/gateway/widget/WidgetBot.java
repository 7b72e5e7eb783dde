package dev.parley.gateway.widget;

import java.util.Set;

import dev.parley.gateway.channels.Channel;
import dev.parley.gateway.channels.ChannelBinding;

/**
 * One configured widget bot: its binding in the channel contract and the origins allowed to embed it.
 *
 * @param binding        the {@link Channel#WEB} binding; its id is {@code orgId.botId}
 * @param allowedOrigins normalised origins ({@code scheme://host[:port]})
 */
record WidgetBot(ChannelBinding binding, Set<String> allowedOrigins) {

    static WidgetBot of(WidgetProperties.Bot bot) {
        return new WidgetBot(new ChannelBinding(Channel.WEB, bot.orgId() + "." + bot.botId(), bot.orgId(),
                bot.botId()), Set.copyOf(bot.allowedOrigins()));
    }

    String orgId() {
        return binding.orgId();
    }

    String botId() {
        return binding.botId();
    }

    /** Whether a browser page of {@code origin} (the request's {@code Origin} header) may use this bot. */
    boolean allows(String origin) {
        String normalized = WidgetProperties.normalizeOrigin(origin);
        return normalized != null && allowedOrigins.contains(normalized);
    }
}
