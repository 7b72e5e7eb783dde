package dev.parley.gateway.widget;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.gateway.channels.ConversationRef;
import dev.parley.gateway.ratelimit.RateLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The widget's WebSocket endpoint ({@code /widget/v1/orgs/{orgId}/bots/{botId}/ws}, protocol v1 in JSON text frames).
 * The handshake was checked by {@link WidgetHandshakeInterceptor}; the first frame must be {@code hello}. Visitor
 * frames are processed off the socket's thread, so pings and acks keep flowing while a turn runs.
 */
class WidgetSocketHandler extends TextWebSocketHandler {

    /** Custom close codes (4000-4999 are the application's). */
    static final CloseStatus PROTOCOL_ERROR = new CloseStatus(4400, "hello must come first");

    static final CloseStatus TIMEOUT = new CloseStatus(4408, "no hello or heartbeat answer in time");

    private static final Logger log = LoggerFactory.getLogger(WidgetSocketHandler.class);

    private static final String CONNECTION = "parley.widget.connection";

    private final WidgetConversations conversations;

    private final WidgetProtocol protocol;

    private final WidgetHub hub;

    private final WidgetStore store;

    private final WidgetProperties properties;

    private final Set<SocketConnection> connections = ConcurrentHashMap.newKeySet();

    WidgetSocketHandler(WidgetConversations conversations, WidgetProtocol protocol, WidgetHub hub, WidgetStore store,
            WidgetProperties properties) {
        this.conversations = conversations;
        this.protocol = protocol;
        this.hub = hub;
        this.store = store;
        this.properties = properties;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        WidgetBot bot = (WidgetBot) session.getAttributes().get(WidgetHandshakeInterceptor.BOT);
        WebSocketSession concurrent = new ConcurrentWebSocketSessionDecorator(session,
                (int) properties.sendTimeLimit().toMillis(), (int) properties.sendBufferLimit().toBytes());
        SocketConnection connection = new SocketConnection(concurrent, bot, store, System.nanoTime());
        session.getAttributes().put(CONNECTION, connection);
        connections.add(connection);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        SocketConnection connection = (SocketConnection) session.getAttributes().get(CONNECTION);
        if (connection == null) {
            return;
        }
        connection.received(System.nanoTime());
        if (WidgetProtocol.PONG.equals(message.getPayload())) {
            return; // the heartbeat's answer, every 25 s from every widget: liveness is all it carries
        }
        ClientFrame frame;
        try {
            frame = protocol.read(message.getPayload());
        }
        catch (InvalidFrameException e) {
            connection.send(protocol.write(new WidgetProtocol.Error(e.frameId(), e.code(), e.getMessage(), false,
                    null)));
            if (connection.conversation() == null) {
                connection.close(PROTOCOL_ERROR);
            }
            return;
        }
        ConversationRef conversation = connection.conversation();
        if (frame instanceof ClientFrame.Hello hello) {
            if (conversation != null) {
                connection.send(protocol.write(new WidgetProtocol.Error(null, "invalid_frame",
                        "This connection is attached already; hello is sent once", false, null)));
                return;
            }
            hello(connection, hello);
            return;
        }
        if (conversation == null) {
            connection.send(protocol.write(new WidgetProtocol.Error(null, "invalid_frame",
                    "The first frame must be hello", false, null)));
            connection.close(PROTOCOL_ERROR);
            return;
        }
        switch (frame) {
            case ClientFrame.Ping ping -> connection.send(WidgetProtocol.PONG);
            case ClientFrame.Pong pong -> {
                // liveness only: received() above was the point
            }
            case ClientFrame.Ack ack -> acknowledge(connection, conversation, ack.seq());
            case ClientFrame.Input input -> conversations.submit(conversation, input)
                    .whenComplete((acknowledged, failure) -> connection.send(failure == null
                            ? protocol.write(acknowledged) : error(input.id(), failure)));
            case ClientFrame.Hello hello -> throw new IllegalStateException("handled above");
        }
    }

    private void hello(SocketConnection connection, ClientFrame.Hello hello) {
        WidgetConversations.Attached attached;
        try {
            attached = conversations.hello(connection.bot(), hello);
        }
        catch (RuntimeException e) {
            log.warn("Widget hello failed: {}", e.getMessage());
            connection.send(error(null, e));
            connection.close(CloseStatus.SERVICE_OVERLOAD);
            return;
        }
        String welcome = protocol.write(new WidgetProtocol.Welcome(attached.token(), attached.resumed(),
                attached.lastSeq(), properties.heartbeatInterval().toMillis(), properties.maxFrameSize().toBytes()));
        hub.subscribe(attached.conversation(), connection);
        try {
            connection.attach(attached.conversation(), welcome, attached.resumed() ? hello.lastSeq() : 0);
        }
        catch (RuntimeException e) {
            log.warn("Widget connection {} could not catch up: {}", connection.id(), e.getMessage());
            connection.close(CloseStatus.SERVICE_OVERLOAD);
        }
        if (!connection.isOpen()) {
            // closed while attaching: afterConnectionClosed may have run before the subscription existed
            hub.unsubscribe(attached.conversation(), connection);
        }
    }

    private void acknowledge(SocketConnection connection, ConversationRef conversation, long seq) {
        try {
            conversations.acknowledge(conversation, seq);
        }
        catch (RuntimeException e) {
            // harmless: the events stay until the next ack or their TTL
            log.debug("Widget ack of seq {} on {} not stored: {}", seq, connection.id(), e.getMessage());
        }
    }

    private String error(String id, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RateLimitExceededException limited) {
            return protocol.write(new WidgetProtocol.Error(id, "rate_limited", limited.getBody().getDetail(), true,
                    Math.max(1000, limited.retryAfter().toMillis())));
        }
        if (cause instanceof TurnUnavailableException unavailable) {
            return protocol.write(new WidgetProtocol.Error(id, unavailable.code(), unavailable.getMessage(), true,
                    unavailable.retryAfter().toMillis()));
        }
        if (cause instanceof WidgetRejectedException rejected) {
            return protocol.write(new WidgetProtocol.Error(id, rejected.code(), rejected.getMessage(),
                    rejected.retryable(), null));
        }
        log.error("Widget frame {} failed", id, cause);
        return protocol.write(new WidgetProtocol.Error(id, "internal", "The message could not be processed", true,
                2000L));
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Widget connection {} failed: {}", session.getId(), exception.getMessage());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        SocketConnection connection = (SocketConnection) session.getAttributes().remove(CONNECTION);
        if (connection == null) {
            return;
        }
        connections.remove(connection);
        if (connection.conversation() != null) {
            hub.unsubscribe(connection.conversation(), connection);
        }
    }

    /** The open connections (heartbeats, shutdown, metrics). */
    Set<SocketConnection> connections() {
        return connections;
    }
}
