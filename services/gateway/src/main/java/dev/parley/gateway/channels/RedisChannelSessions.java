package dev.parley.gateway.channels;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link ChannelSessions} on Redis. Per conversation one hash ({@code gen}, {@code first}, {@code seq},
 * {@code session}, {@code choices}); per message one hash ({@code gen}, {@code seq}, {@code first},
 * {@code delivered}) and one claim key. Every change that reads before it writes is one Lua script, so replicas never
 * hand out a sequence id twice or two ids to one message.
 */
class RedisChannelSessions implements ChannelSessions {

    private static final String PREFIX = "parley:gateway:channel:";

    /** Shared by allocate and reallocate: a fresh sequence id in the current generation, opening one if needed. */
    private static final String NEXT_SEQUENCE = """
            local function next_sequence(conv, msg, new_gen, msg_ttl, conv_ttl)
              local c = redis.call('HMGET', conv, 'gen', 'first')
              local seq = redis.call('HINCRBY', conv, 'seq', 1)
              local gen, first = c[1], c[2]
              if not gen then
                gen = new_gen
                first = tostring(seq)
                redis.call('HDEL', conv, 'session', 'choices')
                redis.call('HSET', conv, 'gen', gen, 'first', first)
              end
              redis.call('PEXPIRE', conv, conv_ttl)
              redis.call('HSET', msg, 'gen', gen, 'seq', seq, 'first', first)
              redis.call('PEXPIRE', msg, msg_ttl)
              return gen, tostring(seq), first
            end
            """;

    /** KEYS conv, msg, claim; ARGV msgTtlMs, claimTtlMs, convTtlMs, newGeneration, claim(1|0). */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ALLOCATE = RedisScript.of(NEXT_SEQUENCE + """
            local m = redis.call('HMGET', KEYS[2], 'gen', 'seq', 'first', 'delivered')
            if m[1] then
              local claimed = '0'
              if ARGV[5] == '1' and m[4] ~= '1' and redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[2]) then
                claimed = '1'
              end
              return {m[1], m[2], m[3], m[4] or '0', claimed, '1'}
            end
            local gen, seq, first = next_sequence(KEYS[1], KEYS[2], ARGV[4], ARGV[1], ARGV[3])
            local claimed = '0'
            if ARGV[5] == '1' then
              redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
              claimed = '1'
            end
            return {gen, seq, first, '0', claimed, '0'}
            """, List.class);

    /** KEYS conv, msg; ARGV staleGeneration, staleSequence, newGeneration, endGeneration(1|0), msgTtlMs, convTtlMs. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> REALLOCATE = RedisScript.of(NEXT_SEQUENCE + """
            local m = redis.call('HMGET', KEYS[2], 'gen', 'seq', 'first')
            if m[1] and (m[1] ~= ARGV[1] or m[2] ~= ARGV[2]) then
              return {m[1], m[2], m[3]}
            end
            if ARGV[4] == '1' and redis.call('HGET', KEYS[1], 'gen') == ARGV[1] then
              redis.call('HDEL', KEYS[1], 'gen', 'first', 'session', 'choices')
            end
            local gen, seq, first = next_sequence(KEYS[1], KEYS[2], ARGV[3], ARGV[5], ARGV[6])
            return {gen, seq, first}
            """, List.class);

    /** KEYS conv; ARGV generation, field, value (empty: delete the field). Writes only to the current generation. */
    private static final RedisScript<Long> SET_IF_GENERATION = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'gen') ~= ARGV[1] then
              return 0
            end
            if ARGV[3] == '' then
              redis.call('HDEL', KEYS[1], ARGV[2])
            else
              redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
            end
            return 1
            """, Long.class);

    /** KEYS conv; ARGV generation. */
    private static final RedisScript<Long> END_GENERATION = RedisScript.of("""
            if redis.call('HGET', KEYS[1], 'gen') ~= ARGV[1] then
              return 0
            end
            redis.call('HDEL', KEYS[1], 'gen', 'first', 'session', 'choices')
            return 1
            """, Long.class);

    /** KEYS msg, claim. */
    private static final RedisScript<Long> MARK_DELIVERED = RedisScript.of("""
            redis.call('DEL', KEYS[2])
            if redis.call('EXISTS', KEYS[1]) == 1 then
              redis.call('HSET', KEYS[1], 'delivered', '1')
              return 1
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;

    private final Duration conversationTtl;

    private final Duration messageTtl;

    private final Duration claimTtl;

    RedisChannelSessions(StringRedisTemplate redis, ChannelsProperties properties) {
        this.redis = redis;
        this.conversationTtl = properties.conversationTtl();
        this.messageTtl = properties.messageTtl();
        this.claimTtl = properties.claimTtl();
    }

    @Override
    public Allocation allocate(ConversationRef conversation, String messageId, boolean claim) {
        List<?> result = redis.execute(ALLOCATE,
                List.of(conversationKey(conversation), messageKey(conversation, messageId),
                        claimKey(conversation, messageId)),
                millis(messageTtl), millis(claimTtl), millis(conversationTtl), newGeneration(), claim ? "1" : "0");
        String seq = string(result, 1);
        return new Allocation(string(result, 0), Long.parseLong(seq), seq.equals(string(result, 2)),
                "1".equals(string(result, 5)), "1".equals(string(result, 3)), "1".equals(string(result, 4)));
    }

    @Override
    public Allocation reallocate(ConversationRef conversation, String messageId, Allocation stale,
            boolean endGeneration) {
        List<?> result = redis.execute(REALLOCATE,
                List.of(conversationKey(conversation), messageKey(conversation, messageId)),
                stale.generation(), Long.toString(stale.sequenceId()), newGeneration(), endGeneration ? "1" : "0",
                millis(messageTtl), millis(conversationTtl));
        String seq = string(result, 1);
        return new Allocation(string(result, 0), Long.parseLong(seq), seq.equals(string(result, 2)), true, false,
                stale.claimed());
    }

    @Override
    public Optional<String> currentGeneration(ConversationRef conversation) {
        Object generation = redis.opsForHash().get(conversationKey(conversation), "gen");
        return Optional.ofNullable((String) generation);
    }

    @Override
    public Optional<String> sessionId(ConversationRef conversation, String generation) {
        List<Object> values = redis.opsForHash().multiGet(conversationKey(conversation), List.of("gen", "session"));
        if (!generation.equals(values.get(0)) || values.get(1) == null) {
            return Optional.empty();
        }
        return Optional.of((String) values.get(1));
    }

    @Override
    public void bindSession(ConversationRef conversation, String generation, String sessionId) {
        redis.execute(SET_IF_GENERATION, List.of(conversationKey(conversation)), generation, "session", sessionId);
    }

    @Override
    public void endGeneration(ConversationRef conversation, String generation) {
        redis.execute(END_GENERATION, List.of(conversationKey(conversation)), generation);
    }

    @Override
    public void rememberChoices(ConversationRef conversation, String generation, List<String> choiceIds) {
        redis.execute(SET_IF_GENERATION, List.of(conversationKey(conversation)), generation, "choices",
                String.join("\n", choiceIds));
    }

    @Override
    public List<String> rememberedChoices(ConversationRef conversation, String generation) {
        List<Object> values = redis.opsForHash().multiGet(conversationKey(conversation), List.of("gen", "choices"));
        if (!generation.equals(values.get(0)) || values.get(1) == null) {
            return List.of();
        }
        return Arrays.asList(((String) values.get(1)).split("\n"));
    }

    @Override
    public void markDelivered(ConversationRef conversation, String messageId) {
        redis.execute(MARK_DELIVERED,
                List.of(messageKey(conversation, messageId), claimKey(conversation, messageId)));
    }

    @Override
    public void releaseClaim(ConversationRef conversation, String messageId) {
        redis.delete(claimKey(conversation, messageId));
    }

    private static String conversationKey(ConversationRef conversation) {
        return PREFIX + conversation.binding().key() + ":conv:" + conversation.conversationId();
    }

    private static String messageKey(ConversationRef conversation, String messageId) {
        return conversationKey(conversation) + ":msg:" + messageId;
    }

    private static String claimKey(ConversationRef conversation, String messageId) {
        return messageKey(conversation, messageId) + ":claim";
    }

    /** Random, so that a conversation whose mapping expired never reuses an old session's key. */
    private static String newGeneration() {
        return UUID.randomUUID().toString();
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }

    private static String string(List<?> result, int index) {
        if (result == null || result.size() <= index || result.get(index) == null) {
            throw new IllegalStateException("channel session script answered " + result);
        }
        Object value = result.get(index);
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : value.toString();
    }
}
