package dev.parley.gateway.widget;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.parley.gateway.channels.Channel;
import dev.parley.gateway.channels.ChannelBinding;
import dev.parley.gateway.channels.ConversationRef;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.RedisServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RedisWidgetStore} against a real Redis. */
class RedisWidgetStoreIntegrationTests {

    static StringRedisTemplate redis;

    static RedisWidgetStore store;

    final ConversationRef conversation = new ConversationRef(
            new ChannelBinding(Channel.WEB, "00D.0Xx", "00D", "0Xx"), UUID.randomUUID().toString());

    @BeforeAll
    static void connect() {
        RedisServer server = Infrastructure.redis();
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(server.host(), server.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        store = new RedisWidgetStore(redis, Duration.ofMinutes(30), 10);
    }

    static String text(String text) {
        return "{\"kind\":\"text\",\"text\":\"" + text + "\"}";
    }

    @Test
    void eventsAreNumberedInOrderAcrossMessages() {
        assertThat(store.lastSeq(conversation)).isEmpty();
        WidgetStore.Appended first = store.append(conversation, "m1", List.of(text("a"), text("b")));
        WidgetStore.Appended second = store.append(conversation, "m2", List.of(text("c")));
        assertThat(first.lastSeq()).isEqualTo(2);
        assertThat(first.frames()).containsExactly("{\"type\":\"event\",\"seq\":1,\"kind\":\"text\",\"text\":\"a\"}",
                "{\"type\":\"event\",\"seq\":2,\"kind\":\"text\",\"text\":\"b\"}");
        assertThat(second.frames()).containsExactly("{\"type\":\"event\",\"seq\":3,\"kind\":\"text\",\"text\":\"c\"}");
        assertThat(store.lastSeq(conversation)).hasValue(3);
        assertThat(store.eventsAfter(conversation, 1)).containsExactly(first.frames().get(1), second.frames().get(0));
    }

    @Test
    void aMessageIdIsAppendedOnce() {
        store.append(conversation, "m1", List.of(text("a")));
        WidgetStore.Appended again = store.append(conversation, "m1", List.of(text("a")));
        assertThat(again.frames()).isEmpty();
        assertThat(again.lastSeq()).isEqualTo(1);
        assertThat(store.processed(conversation, "m1")).hasValue(1);
        assertThat(store.processed(conversation, "m2")).isEmpty();
        assertThat(store.eventsAfter(conversation, 0)).hasSize(1);
    }

    @Test
    void aMessageWithoutEventsIsStillRecorded() {
        WidgetStore.Appended nothing = store.append(conversation, "s1", List.of());
        assertThat(nothing.lastSeq()).isZero();
        assertThat(store.processed(conversation, "s1")).hasValue(0);
        assertThat(store.lastSeq(conversation)).hasValue(0);
    }

    @Test
    void acknowledgedEventsAreDroppedButTheirNumbersAreNotReused() {
        store.append(conversation, "m1", List.of(text("a"), text("b"), text("c")));
        store.acknowledge(conversation, 2);
        assertThat(store.eventsAfter(conversation, 0)).extracting(SocketConnection::seqOf).containsExactly(3L);
        assertThat(store.append(conversation, "m2", List.of(text("d"))).lastSeq()).isEqualTo(4);
    }

    @Test
    void theOutboxIsBoundedOldestFirstAndExpires() {
        for (int i = 0; i < 12; i++) {
            store.append(conversation, "m" + i, List.of(text("e" + i)));
        }
        assertThat(store.eventsAfter(conversation, 0)).extracting(SocketConnection::seqOf)
                .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        String key = "parley:gateway:widget:web:00D.0Xx:" + conversation.conversationId();
        for (String k : List.of(key, key + ":events", key + ":done")) {
            assertThat(redis.getExpire(k)).isBetween(1L, Duration.ofMinutes(30).toSeconds());
        }
    }
}
