package dev.parley.gateway.widget;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import dev.parley.gateway.channels.ConversationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One widget's WebSocket: its bot, the conversation it attached to with {@code hello}, and the highest seq it was
 * sent. Event frames go out in seq order, each once per connection, under one lock (a ReentrantLock: holders may
 * read Redis, and virtual threads must not pin).
 */
final class SocketConnection implements WidgetHub.Subscriber {

    private static final Logger log = LoggerFactory.getLogger(SocketConnection.class);

    private final WebSocketSession session;

    private final WidgetBot bot;

    private final WidgetStore store;

    private final long openedAt;

    private final ReentrantLock lock = new ReentrantLock();

    private volatile ConversationRef conversation;

    private long lastSent;

    private volatile long lastReceivedAt;

    private volatile long lastSentAt;

    SocketConnection(WebSocketSession session, WidgetBot bot, WidgetStore store, long now) {
        this.session = session;
        this.bot = bot;
        this.store = store;
        this.openedAt = now;
        this.lastReceivedAt = now;
        this.lastSentAt = now;
    }

    WidgetBot bot() {
        return bot;
    }

    /** The attached conversation, or {@code null} before {@code hello}. */
    ConversationRef conversation() {
        return conversation;
    }

    long openedAt() {
        return openedAt;
    }

    long lastReceivedAt() {
        return lastReceivedAt;
    }

    long lastSentAt() {
        return lastSentAt;
    }

    void received(long now) {
        lastReceivedAt = now;
    }

    boolean isOpen() {
        return session.isOpen();
    }

    String id() {
        return session.getId();
    }

    /**
     * Attaches the connection: sends {@code welcome}, then every stored event after {@code seenSeq}; events appended
     * meanwhile follow in order because both go through the same lock.
     */
    void attach(ConversationRef conversation, String welcome, long seenSeq) {
        lock.lock();
        try {
            this.conversation = conversation;
            this.lastSent = seenSeq;
            send(welcome);
            sendStored();
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void eventsAppended(long lastSeq, List<String> frames) {
        lock.lock();
        try {
            if (conversation == null || lastSeq <= lastSent) {
                return;
            }
            long firstInHand = lastSeq - frames.size() + 1;
            if (!frames.isEmpty() && firstInHand <= lastSent + 1) {
                for (int i = (int) (lastSent + 1 - firstInHand); i < frames.size(); i++) {
                    send(frames.get(i));
                }
                lastSent = lastSeq;
            }
            else {
                sendStored();
            }
        }
        finally {
            lock.unlock();
        }
    }

    private void sendStored() {
        List<String> stored = store.eventsAfter(conversation, lastSent);
        for (String frame : stored) {
            send(frame);
        }
        if (!stored.isEmpty()) {
            lastSent = Math.max(lastSent, seqOf(stored.getLast()));
        }
    }

    /** Sends one frame; a connection that cannot take it is closed (the widget reconnects and resumes). */
    void send(String frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.sendMessage(new TextMessage(frame));
            lastSentAt = System.nanoTime();
        }
        catch (IOException | RuntimeException e) {
            log.debug("Widget connection {} could not take a frame: {}", session.getId(), e.getMessage());
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            session.close(status);
        }
        catch (IOException | RuntimeException e) {
            log.debug("Closing widget connection {} failed: {}", session.getId(), e.getMessage());
        }
    }

    /** The seq of a stored event frame, which starts {@code {"type":"event","seq":N,}. */
    static long seqOf(String frame) {
        int start = frame.indexOf("\"seq\":") + 6;
        int end = frame.indexOf(',', start);
        return Long.parseLong(frame.substring(start, end));
    }
}
