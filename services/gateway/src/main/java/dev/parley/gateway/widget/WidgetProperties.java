package dev.parley.gateway.widget;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The web chat widget, bound from {@code parley.gateway.widget.*} and validated at startup; messages name the
 * property and its bad value.
 *
 * @param bots              the bots a widget may talk to, each with the sites (origins) allowed to embed it
 * @param heartbeatInterval how often the server pings an idle WebSocket (Heroku's router drops connections idle for
 *                          55 s); a connection silent for twice this plus 10 s is closed
 * @param longPollTimeout   how long an HTTP-fallback poll waits for events before answering empty (at most 25 s:
 *                          no request may take 30 s)
 * @param helloTimeout      how long a new WebSocket may stay silent before its {@code hello}
 * @param outboxSize        the most undelivered events kept per conversation; the oldest go first
 * @param conversationTtl   how long an idle conversation's events and message ids are kept (its token stays
 *                          valid; after this, a reconnecting widget starts a new conversation)
 * @param maxTextLength     the longest text a visitor may send, in characters
 * @param maxFrameSize      the largest WebSocket frame or HTTP body accepted, in characters; Tomcat keeps a buffer of
 *                          this many characters per WebSocket, so it drives the memory of an idle connection
 * @param socketBufferSize  Tomcat's per-connection buffers (socket read and write, WebSocket frames in and out; each),
 *                          for every connection of the gateway
 * @param sendTimeLimit     how long a send to one slow WebSocket may block before the connection is dropped
 * @param sendBufferLimit   how much may queue for one slow WebSocket before the connection is dropped
 * @param demoPage          serve the sample site at {@code /widget/demo}, embedding the widget for {@code bots[0]}
 */
@ConfigurationProperties("parley.gateway.widget")
public record WidgetProperties(
        List<Bot> bots,
        @DefaultValue("25s") Duration heartbeatInterval,
        @DefaultValue("25s") Duration longPollTimeout,
        @DefaultValue("10s") Duration helloTimeout,
        @DefaultValue("200") int outboxSize,
        @DefaultValue("24h") Duration conversationTtl,
        @DefaultValue("2000") int maxTextLength,
        @DefaultValue("4KB") DataSize maxFrameSize,
        @DefaultValue("2KB") DataSize socketBufferSize,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("256KB") DataSize sendBufferLimit,
        @DefaultValue("false") boolean demoPage) {

    private static final String PREFIX = "parley.gateway.widget.";

    /** The same rule as the Bot API's path ids. */
    private static final Pattern ORG_OR_BOT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    public WidgetProperties {
        bots = bots == null ? List.of() : List.copyOf(bots);
        requireWithin("heartbeat-interval", heartbeatInterval, Duration.ofSeconds(1), Duration.ofSeconds(50));
        requireWithin("long-poll-timeout", longPollTimeout, Duration.ofSeconds(1), Duration.ofSeconds(25));
        requireWithin("hello-timeout", helloTimeout, Duration.ofSeconds(1), Duration.ofMinutes(1));
        requireBetween("outbox-size", outboxSize, 10, 10_000);
        requireWithin("conversation-ttl", conversationTtl, Duration.ofMinutes(10), Duration.ofDays(30));
        requireBetween("max-text-length", maxTextLength, 1, 10_000);
        if (maxFrameSize == null || maxFrameSize.toBytes() < 1024 || maxFrameSize.toBytes() > 1024 * 1024
                || maxFrameSize.toBytes() < 2L * maxTextLength) {
            throw invalid("max-frame-size", "must be between 1KB and 1MB and at least twice max-text-length",
                    maxFrameSize);
        }
        if (socketBufferSize == null || socketBufferSize.toBytes() < 1024 || socketBufferSize.toBytes() > 65536) {
            throw invalid("socket-buffer-size", "must be between 1KB and 64KB", socketBufferSize);
        }
        requireWithin("send-time-limit", sendTimeLimit, Duration.ofMillis(100), Duration.ofMinutes(1));
        if (sendBufferLimit == null || sendBufferLimit.toBytes() < maxFrameSize.toBytes()
                || sendBufferLimit.toBytes() > 64L * 1024 * 1024) {
            throw invalid("send-buffer-limit", "must be between max-frame-size and 64MB", sendBufferLimit);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < bots.size(); i++) {
            Bot bot = bots.get(i);
            String name = PREFIX + "bots[" + i + "].";
            if (bot == null) {
                throw new IllegalArgumentException(name + " is empty");
            }
            bot.validate(name);
            if (!seen.add(bot.orgId() + "/" + bot.botId())) {
                throw new IllegalArgumentException(name + " repeats org '" + bot.orgId() + "' bot '" + bot.botId()
                        + "'; list each bot once");
            }
        }
        if (demoPage && bots.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "demo-page is true but no bots are configured: the demo page "
                    + "embeds the widget for bots[0]");
        }
    }

    /**
     * One bot reachable through the widget.
     *
     * @param orgId          the bot's org
     * @param botId          the bot
     * @param allowedOrigins the sites that may embed it, each {@code scheme://host[:port]} exactly as browsers send
     *                       it in {@code Origin}, e.g. {@code https://www.example.com}
     */
    public record Bot(String orgId, String botId, List<String> allowedOrigins) {

        public Bot {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(o -> o == null ? null : o.strip()).toList();
        }

        void validate(String name) {
            requireMatch(name + "org-id", orgId);
            requireMatch(name + "bot-id", botId);
            if (allowedOrigins.isEmpty()) {
                throw new IllegalArgumentException(name + "allowed-origins must list at least one origin such as "
                        + "https://www.example.com (org '" + orgId + "' bot '" + botId + "')");
            }
            for (int i = 0; i < allowedOrigins.size(); i++) {
                String origin = allowedOrigins.get(i);
                if (origin == null || !origin.equals(normalizeOrigin(origin))) {
                    throw new IllegalArgumentException(name + "allowed-origins[" + i + "] must be an origin "
                            + "scheme://host[:port] in lower case, without path or trailing slash, was '" + origin
                            + "'");
                }
            }
        }
    }

    /**
     * {@code origin} in the form browsers send ({@code scheme://host[:port]}, lower case, default port omitted), or
     * {@code null} when it is not an http(s) origin.
     */
    static String normalizeOrigin(String origin) {
        if (origin == null || origin.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(origin.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static void requireMatch(String name, String value) {
        if (value == null || !ORG_OR_BOT_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1-128 characters of [A-Za-z0-9_.-], was "
                    + (value == null ? "missing" : "'" + value + "'"));
        }
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(name, "must be between " + min + " and " + max, value);
        }
    }

    private static void requireWithin(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(name, "must be between " + min + " and " + max, value);
        }
    }

    private static IllegalArgumentException invalid(String name, String rule, Object value) {
        return new IllegalArgumentException(PREFIX + name + " " + rule + ", was " + value);
    }
}
