package dev.parley.gateway.widget;

import dev.parley.gateway.channels.ChannelTurns;
import dev.parley.gateway.oauth.OAuthProperties;
import dev.parley.gateway.ratelimit.RateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.web.context.ServletContextAware;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/** Wires the web chat widget: its store, protocol, conversations, WebSocket endpoint, heartbeats and pub/sub. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WidgetConfiguration {

    static final String WEBSOCKET_PATH = "/widget/v1/orgs/*/bots/*/ws";

    private static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    @Bean
    WidgetBots widgetBots(WidgetProperties properties) {
        return new WidgetBots(properties);
    }

    @Bean
    ConversationTokens widgetConversationTokens(OAuthProperties oauth) {
        return new ConversationTokens(oauth.oauth().tokenSigningSecret());
    }

    @Bean
    WidgetStore widgetStore(StringRedisTemplate redis, WidgetProperties properties) {
        return new RedisWidgetStore(redis, properties.conversationTtl(), properties.outboxSize());
    }

    @Bean
    WidgetProtocol widgetProtocol(JsonMapper json, WidgetProperties properties) {
        return new WidgetProtocol(json, properties.maxTextLength());
    }

    @Bean(destroyMethod = "close")
    WidgetThreads widgetThreads() {
        return new WidgetThreads();
    }

    @Bean
    WidgetHub widgetHub(StringRedisTemplate redis, WidgetThreads threads) {
        return new WidgetHub(redis, threads.executor());
    }

    @Bean
    RedisMessageListenerContainer widgetNotices(RedisConnectionFactory connections, WidgetHub hub,
            WidgetProperties properties) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        // a gateway without widget bots never has widget subscribers (and may run without Redis, as in some tests)
        container.setAutoStartup(!properties.bots().isEmpty());
        container.setConnectionFactory(connections);
        // the hub only hands work to virtual threads; the default executor would start a thread per notice
        container.setTaskExecutor(new SyncTaskExecutor());
        container.addMessageListener(hub, new ChannelTopic(WidgetHub.CHANNEL));
        return container;
    }

    @Bean
    WidgetConversations widgetConversations(ConversationTokens tokens, WidgetStore store, ChannelTurns turns,
            RateLimits rateLimits, WidgetProtocol protocol, WidgetHub hub, WidgetThreads threads,
            MeterRegistry meters) {
        return new WidgetConversations(tokens, store, turns, rateLimits, protocol, hub,
                new SerialQueues(threads.executor()), meters);
    }

    @Bean
    WidgetSocketHandler widgetSocketHandler(WidgetConversations conversations, WidgetProtocol protocol,
            WidgetHub hub, WidgetStore store, WidgetProperties properties, MeterRegistry meters) {
        WidgetSocketHandler handler = new WidgetSocketHandler(conversations, protocol, hub, store, properties);
        meters.gauge("parley.gateway.widget.connections", handler, h -> h.connections().size());
        return handler;
    }

    @Bean
    LongPolls widgetLongPolls(MeterRegistry meters) {
        LongPolls polls = new LongPolls();
        meters.gauge("parley.gateway.widget.polls", polls, LongPolls::size);
        return polls;
    }

    @Bean
    WidgetHeartbeats widgetHeartbeats(WidgetSocketHandler handler, LongPolls polls, WidgetProperties properties,
            WidgetThreads threads) {
        return new WidgetHeartbeats(handler, polls, properties, threads.executor());
    }

    @Bean
    WidgetAssets widgetAssets() {
        return WidgetAssets.load();
    }

    @Bean
    WebSocketConfigurer widgetEndpoint(WidgetSocketHandler handler, WidgetBots bots, WidgetProtocol protocol) {
        return (WebSocketHandlerRegistry registry) -> registry.addHandler(handler, WEBSOCKET_PATH)
                .addInterceptors(new WidgetHandshakeInterceptor(bots, protocol))
                // origins are checked per bot by the interceptor; this turns off Spring's same-origin-only default
                .setAllowedOriginPatterns("*");
    }

    /**
     * Smaller I/O buffers for every connection (Tomcat allocates 8 KB each for socket reads and writes and for
     * WebSocket frames in and out, per connection): an idle widget WebSocket holds them for hours. Larger bodies and
     * frames are still read and written, in more steps. Tomcat reads its WebSocket buffer size from a system property
     * once per process, when its WebSocket support loads with the web server (after this runs); one set explicitly
     * (JAVA_OPTS) wins.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> widgetSocketBuffers(WidgetProperties properties) {
        String size = Long.toString(properties.socketBufferSize().toBytes());
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
                System.setProperty(TOMCAT_WEBSOCKET_BUFFER, size);
            }
            connector.setProperty("socket.appReadBufSize", size);
            connector.setProperty("socket.appWriteBufSize", size);
        });
    }

    /**
     * Sizes the WebSocket container for many mostly idle connections: per-connection message buffers of
     * {@code max-frame-size} (Tomcat allocates them for every connection) and an idle limit as a backstop to the
     * heartbeats. Skipped where there is no container (tests with a mock servlet environment).
     */
    @Bean
    ServletContextAware widgetContainerSettings(WidgetProperties properties) {
        return (ServletContext context) -> {
            if (context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
                int frame = (int) properties.maxFrameSize().toBytes();
                container.setDefaultMaxTextMessageBufferSize(frame);
                container.setDefaultMaxBinaryMessageBufferSize(1024);
                container.setDefaultMaxSessionIdleTimeout(3 * properties.heartbeatInterval().toMillis() + 10_000);
                container.setAsyncSendTimeout(properties.sendTimeLimit().toMillis());
            }
        };
    }
}
