-- Removes published events; unknown ids are ignored. KEYS: 1 outbox zset, 2 outbox events hash. ARGV: event ids.
redis.call('ZREM', KEYS[1], unpack(ARGV))
redis.call('HDEL', KEYS[2], unpack(ARGV))
return #ARGV
