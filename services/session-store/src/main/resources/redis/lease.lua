-- One lease attempt of one waiter, decided atomically.
-- All keys carry the hash tag {sessionId}, so this script is Redis-Cluster-safe.
-- KEYS: 1 lease (hash token/holder/expiresAt), 2 fence (counter), 3 queue (list of "waiterId|aliveUntilMillis"),
--       4 state (hash), 5 replies (hash messageKey -> reply)
-- ARGV: 1 waiterId, 2 holder, 3 ttlMillis, 4 messageKey, 5 waiterLivenessMillis, 6 wake channel, 7 sessionId
-- Returns {'GRANTED', token, expiresAt, [orgId, botId, botVersion, status, stateJson, version]}
--       | {'REPLAY', reply, [orgId, botId, botVersion, status, stateJson, version]}
--       | {'QUEUED', position}
redis.replicate_commands()
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local waiter = ARGV[1]
local ttl = tonumber(ARGV[3])
local liveness = tonumber(ARGV[5])

local function append_session(result)
  local s = redis.call('HMGET', KEYS[4], 'orgId', 'botId', 'botVersion', 'status', 'stateJson', 'version')
  if s[6] then
    for i = 1, 6 do result[#result + 1] = s[i] or '' end
  end
  return result
end

-- Drop waiters that stopped polling (their process died) and find myself.
local mine, my_index, kept = nil, nil, 0
for _, entry in ipairs(redis.call('LRANGE', KEYS[3], 0, -1)) do
  local sep = string.find(entry, '|', 1, true)
  if string.sub(entry, 1, sep - 1) == waiter then
    mine, my_index, kept = entry, kept, kept + 1
  elseif tonumber(string.sub(entry, sep + 1)) < now then
    redis.call('LREM', KEYS[3], 1, entry)
  else
    kept = kept + 1
  end
end
local lease_free = redis.call('EXISTS', KEYS[1]) == 0

-- The message was handled already (possibly by the holder we queued behind): answer its reply, take no lease.
local reply = redis.call('HGET', KEYS[5], ARGV[4])
if reply then
  if mine then
    redis.call('LREM', KEYS[3], 1, mine)
    if my_index == 0 and lease_free then redis.call('PUBLISH', ARGV[6], ARGV[7]) end
  end
  return append_session({'REPLAY', reply})
end

-- Enqueue on the first attempt (or again after being dropped as stale) and refresh my liveness deadline.
local refreshed = waiter .. '|' .. string.format('%.0f', now + liveness)
if mine then
  redis.call('LSET', KEYS[3], my_index, refreshed)
else
  redis.call('RPUSH', KEYS[3], refreshed)
  my_index = kept
end
-- Live waiters keep refreshing this; a queue whose waiters all died disappears on its own.
redis.call('PEXPIRE', KEYS[3], liveness * 2)

if my_index ~= 0 or not lease_free then
  return {'QUEUED', my_index + 1}
end

redis.call('LPOP', KEYS[3])
if redis.call('EXISTS', KEYS[2]) == 0 then
  -- A fresh counter starts at the current time in microseconds, so tokens keep increasing even when the
  -- counter expired with an idle session and a stale holder still remembers an old token.
  redis.call('SET', KEYS[2], string.format('%.0f', tonumber(clock[1]) * 1000000 + tonumber(clock[2])))
end
local token = string.format('%.0f', redis.call('INCR', KEYS[2]))
-- Nothing of the session may expire under its holder: keep every key at least as long as the lease.
for _, key in ipairs({KEYS[2], KEYS[4], KEYS[5]}) do
  local pttl = redis.call('PTTL', key)
  if pttl ~= -2 and pttl < ttl then
    redis.call('PEXPIRE', key, ttl)
  end
end
local expires_at = string.format('%.0f', now + ttl)
redis.call('HSET', KEYS[1], 'token', token, 'holder', ARGV[2], 'expiresAt', expires_at)
redis.call('PEXPIRE', KEYS[1], ttl)
return append_session({'GRANTED', token, expires_at})
