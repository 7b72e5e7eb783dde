package dev.parley.gateway.widget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import dev.parley.gateway.channels.ConversationRef;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link WidgetStore} on Redis. Per conversation: a hash with the last {@code seq}; a sorted set of event frames
 * scored by seq; a hash of processed client message ids. All three expire after the conversation TTL of inactivity.
 * Appending is one Lua script, so replicas never number two events alike or process a message id twice.
 */
class RedisWidgetStore implements WidgetStore {

    private static final String PREFIX = "parley:gateway:widget:";

    /** KEYS conv, events, done; ARGV messageId, ttlMs, maxEvents, event... Answers {lastSeq, appended(1|0)}. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> APPEND = RedisScript.of("""
            local prior = redis.call('HGET', KEYS[3], ARGV[1])
            if prior then
              return {tonumber(prior), 0}
            end
            local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
            for i = 4, #ARGV do
              seq = seq + 1
              redis.call('ZADD', KEYS[2], seq, '{"type":"event","seq":' .. seq .. ',' .. string.sub(ARGV[i], 2))
            end
            redis.call('HSET', KEYS[1], 'seq', seq)
            redis.call('HSET', KEYS[3], ARGV[1], seq)
            local max = tonumber(ARGV[3])
            local size = redis.call('ZCARD', KEYS[2])
            if size > max then
              redis.call('ZREMRANGEBYRANK', KEYS[2], 0, size - max - 1)
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('PEXPIRE', KEYS[3], ARGV[2])
            return {seq, 1}
            """, List.class);

    private final StringRedisTemplate redis;

    private final String ttlMillis;

    private final String maxEvents;

    RedisWidgetStore(StringRedisTemplate redis, Duration conversationTtl, int outboxSize) {
        this.redis = redis;
        this.ttlMillis = Long.toString(conversationTtl.toMillis());
        this.maxEvents = Integer.toString(outboxSize);
    }

    @Override
    public OptionalLong lastSeq(ConversationRef conversation) {
        Object seq = redis.opsForHash().get(conversationKey(conversation), "seq");
        return seq == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong((String) seq));
    }

    @Override
    public OptionalLong processed(ConversationRef conversation, String messageId) {
        Object seq = redis.opsForHash().get(doneKey(conversation), messageId);
        return seq == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong((String) seq));
    }

    @Override
    public Appended append(ConversationRef conversation, String messageId, List<String> events) {
        List<String> args = new ArrayList<>(events.size() + 3);
        args.add(messageId);
        args.add(ttlMillis);
        args.add(maxEvents);
        args.addAll(events);
        List<?> result = redis.execute(APPEND,
                List.of(conversationKey(conversation), eventsKey(conversation), doneKey(conversation)),
                args.toArray());
        if (result == null || result.size() != 2) {
            throw new IllegalStateException("widget append script answered " + result);
        }
        long lastSeq = ((Number) result.get(0)).longValue();
        if (((Number) result.get(1)).longValue() == 0) {
            return new Appended(lastSeq, List.of());
        }
        List<String> frames = new ArrayList<>(events.size());
        long seq = lastSeq - events.size();
        for (String event : events) {
            frames.add(WidgetStore.frame(++seq, event));
        }
        return new Appended(lastSeq, frames);
    }

    @Override
    public List<String> eventsAfter(ConversationRef conversation, long seq) {
        // seqs are whole numbers: "above seq" is "from seq + 1"
        Set<String> frames = redis.opsForZSet().rangeByScore(eventsKey(conversation), seq + 1,
                Double.POSITIVE_INFINITY);
        return frames == null ? List.of() : List.copyOf(frames);
    }

    @Override
    public void acknowledge(ConversationRef conversation, long seq) {
        redis.opsForZSet().removeRangeByScore(eventsKey(conversation), Double.NEGATIVE_INFINITY, seq);
    }

    private static String conversationKey(ConversationRef conversation) {
        return PREFIX + conversation.binding().key() + ":" + conversation.conversationId();
    }

    private static String eventsKey(ConversationRef conversation) {
        return conversationKey(conversation) + ":events";
    }

    private static String doneKey(ConversationRef conversation) {
        return conversationKey(conversation) + ":done";
    }
}
