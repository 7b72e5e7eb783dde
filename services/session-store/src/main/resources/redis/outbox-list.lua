-- Outbox entries committed at least olderThanMillis ago by the Redis clock, oldest first.
-- KEYS: 1 outbox zset, 2 outbox events hash. ARGV: 1 olderThanMillis, 2 limit.
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', string.format('%.0f', now - tonumber(ARGV[1])),
  'LIMIT', 0, tonumber(ARGV[2]))
if #ids == 0 then return {} end
local entries = redis.call('HMGET', KEYS[2], unpack(ids))
local result = {}
for i = 1, #ids do
  if entries[i] then result[#result + 1] = entries[i] end
end
return result
