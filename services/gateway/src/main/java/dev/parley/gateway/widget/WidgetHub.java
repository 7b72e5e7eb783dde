package dev.parley.gateway.widget;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import dev.parley.gateway.channels.ConversationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Tells the widgets attached to a conversation that it has new events: at once to those on this replica (with the
 * new frames in hand), and through one Redis pub/sub channel to the other replicas, whose subscribers read the
 * events from the store. A subscriber tracks what it has sent, so a notice that arrives twice sends nothing twice.
 */
class WidgetHub implements MessageListener {

    /** The pub/sub channel every gateway replica listens on. */
    static final String CHANNEL = "parley:gateway:widget:appended";

    private static final Logger log = LoggerFactory.getLogger(WidgetHub.class);

    /** A widget attached to a conversation: a WebSocket connection or a waiting HTTP poll. */
    interface Subscriber {

        /**
         * The conversation's events now reach {@code lastSeq}; {@code frames} are the newest of them in order (the
         * last one numbered {@code lastSeq}), or empty when the subscriber must read them from the store.
         */
        void eventsAppended(long lastSeq, List<String> frames);
    }

    private final ConcurrentHashMap<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

    private final String instance = UUID.randomUUID().toString();

    private final StringRedisTemplate redis;

    private final Executor executor;

    WidgetHub(StringRedisTemplate redis, Executor executor) {
        this.redis = redis;
        this.executor = executor;
    }

    void subscribe(ConversationRef conversation, Subscriber subscriber) {
        subscribers.computeIfAbsent(conversation.key(), k -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    void unsubscribe(ConversationRef conversation, Subscriber subscriber) {
        subscribers.computeIfPresent(conversation.key(), (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** New events were stored: notify the local subscribers now, and the other replicas. */
    void appended(ConversationRef conversation, WidgetStore.Appended appended) {
        if (appended.frames().isEmpty()) {
            return;
        }
        notifyLocal(conversation.key(), appended.lastSeq(), appended.frames());
        // off the turn's path: the visitor's ack does not wait for the other replicas' notice
        executor.execute(() -> {
            try {
                redis.convertAndSend(CHANNEL, instance + " " + appended.lastSeq() + " " + conversation.key());
            }
            catch (RuntimeException e) {
                // the events are stored: widgets on other replicas get them at their next poll or reconnect
                log.warn("Could not tell other replicas about new widget events: {}", e.getMessage());
            }
        });
    }

    /** A notice from a replica (this one's own are ignored); runs on the subscription thread, so work moves off it. */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        String text = new String(message.getBody(), StandardCharsets.UTF_8);
        int first = text.indexOf(' ');
        int second = first < 0 ? -1 : text.indexOf(' ', first + 1);
        if (second < 0) {
            log.warn("Ignoring a malformed widget notice");
            return;
        }
        if (text.regionMatches(0, instance, 0, first) && first == instance.length()) {
            return;
        }
        long lastSeq;
        try {
            lastSeq = Long.parseLong(text.substring(first + 1, second));
        }
        catch (NumberFormatException e) {
            log.warn("Ignoring a malformed widget notice");
            return;
        }
        String key = text.substring(second + 1);
        if (subscribers.containsKey(key)) {
            executor.execute(() -> notifyLocal(key, lastSeq, List.of()));
        }
    }

    private void notifyLocal(String key, long lastSeq, List<String> frames) {
        Set<Subscriber> set = subscribers.get(key);
        if (set == null) {
            return;
        }
        for (Subscriber subscriber : set) {
            try {
                subscriber.eventsAppended(lastSeq, frames);
            }
            catch (RuntimeException e) {
                log.warn("A widget subscriber failed to take new events: {}", e.getMessage());
            }
        }
    }

    /** Conversations with a subscriber on this replica. */
    int conversations() {
        return subscribers.size();
    }
}
