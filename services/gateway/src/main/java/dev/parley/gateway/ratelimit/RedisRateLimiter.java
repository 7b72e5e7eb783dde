package dev.parley.gateway.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * {@link RateLimiter} with fixed windows in Redis, one Lua script per request so the check and the increments are
 * atomic across replicas. Windows are aligned on the Redis server's clock, not the replicas'.
 */
class RedisRateLimiter implements RateLimiter {

    private static final String PREFIX = "parley:gateway:ratelimit:";

    /** KEYS counter bases; ARGV limit and window (ms) per key. Answers {0, 0} or {index of exhausted key, wait ms}. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> ACQUIRE = RedisScript.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local counters = {}
            local exhausted, wait = 0, 0
            for i = 1, #KEYS do
              local limit = tonumber(ARGV[2 * i - 1])
              local window = tonumber(ARGV[2 * i])
              local start = now - (now % window)
              counters[i] = KEYS[i] .. ':' .. start
              local count = tonumber(redis.call('GET', counters[i]) or '0')
              if count >= limit and start + window - now > wait then
                exhausted, wait = i, start + window - now
              end
            end
            if exhausted > 0 then
              return {exhausted, wait}
            end
            for i = 1, #KEYS do
              redis.call('INCR', counters[i])
              redis.call('PEXPIRE', counters[i], tonumber(ARGV[2 * i]) + 1000)
            end
            return {0, 0}
            """, List.class);

    private final StringRedisTemplate redis;

    RedisRateLimiter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public RateLimitDecision acquire(List<RateLimitRule> rules) {
        if (rules.isEmpty()) {
            return RateLimitDecision.ALLOWED;
        }
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (RateLimitRule rule : rules) {
            keys.add(PREFIX + rule.scope() + ":" + rule.key());
            args.add(Integer.toString(rule.limit()));
            args.add(Long.toString(rule.window().toMillis()));
        }
        List<?> result = redis.execute(ACQUIRE, keys, args.toArray());
        int exhausted = Integer.parseInt(String.valueOf(result.get(0)));
        if (exhausted == 0) {
            return RateLimitDecision.ALLOWED;
        }
        long waitMillis = Long.parseLong(String.valueOf(result.get(1)));
        return new RateLimitDecision(false, rules.get(exhausted - 1).scope(), Duration.ofMillis(waitMillis));
    }
}
