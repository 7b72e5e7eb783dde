package dev.parley.sessionstore.outbox;

import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.redis.LuaScripts;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@link OutboxStore} on the global Redis keys of {@link OutboxKeys}. */
@Component
class RedisOutboxStore implements OutboxStore {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> LIST =
            LuaScripts.load("redis/outbox-list.lua", List.class);
    private static final RedisScript<Long> ACK =
            LuaScripts.load("redis/outbox-ack.lua", Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    RedisOutboxStore(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public List<OutboxEntry> committedBefore(long olderThanMillis, int limit) {
        List<?> entries = redis.execute(LIST, OutboxKeys.both(), Long.toString(olderThanMillis),
                Integer.toString(limit));
        return entries.stream().map(entry -> json.readValue(entry.toString(), OutboxEntry.class)).toList();
    }

    @Override
    public void remove(List<UUID> eventIds) {
        if (!eventIds.isEmpty()) {
            redis.execute(ACK, OutboxKeys.both(), eventIds.stream().map(UUID::toString).toArray());
        }
    }
}
