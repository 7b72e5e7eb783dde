-- Removes a waiter that gave up; wakes the next one when the leaver was at the head and the lease is free.
-- KEYS: 1 queue, 2 lease. ARGV: 1 waiterId, 2 wake channel, 3 sessionId. Returns 1 when the waiter was queued.
local prefix = ARGV[1] .. '|'
for i, entry in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  if string.sub(entry, 1, #prefix) == prefix then
    redis.call('LREM', KEYS[1], 1, entry)
    if i == 1 and redis.call('EXISTS', KEYS[2]) == 0 then redis.call('PUBLISH', ARGV[2], ARGV[3]) end
    return 1
  end
end
return 0
