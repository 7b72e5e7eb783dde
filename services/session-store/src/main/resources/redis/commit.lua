-- Fenced commit of one turn: state, recorded reply, outbox events, lease release, idle expiry.
-- NOT Redis-Cluster-safe: the outbox keys (KEYS 5, 6) are global and hash to other slots than the session keys.
-- Heroku Redis is not clustered, so one script can write both atomically; a clustered deployment would need a
-- per-session outbox (same hash tag) swept by scanning.
-- KEYS: 1 lease, 2 fence, 3 state, 4 replies, 5 outbox zset, 6 outbox events hash, 7 waiter queue
-- ARGV: 1 fencingToken, 2 messageKey, 3 replyJson, 4 idleTimeoutMillis, 5 orgId, 6 botId, 7 botVersion, 8 status,
--       9 stateJson, 10 wake channel, 11 sessionId, then pairs (eventId, entry json without its closing brace)
-- Returns {'COMMITTED', version, committedAt} | {'FENCED'} | {'ORG_MISMATCH', storedOrgId}
redis.replicate_commands()
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then
  return {'FENCED'}
end
local stored_org = redis.call('HGET', KEYS[3], 'orgId')
if stored_org and stored_org ~= ARGV[5] then
  return {'ORG_MISMATCH', stored_org}
end
local clock = redis.call('TIME')
local now = string.format('%.0f', tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000))

local version = string.format('%.0f', redis.call('HINCRBY', KEYS[3], 'version', 1))
redis.call('HSET', KEYS[3], 'orgId', ARGV[5], 'botId', ARGV[6], 'botVersion', ARGV[7], 'status', ARGV[8],
  'stateJson', ARGV[9])
redis.call('HSET', KEYS[4], ARGV[2], ARGV[3])
for i = 12, #ARGV, 2 do
  redis.call('ZADD', KEYS[5], now, ARGV[i])
  redis.call('HSET', KEYS[6], ARGV[i], ARGV[i + 1] .. ',"committedAtEpochMillis":' .. now .. '}')
end
redis.call('DEL', KEYS[1])
-- The queue is left alone: it expires on its own once its waiters stop polling.
for _, key in ipairs({KEYS[2], KEYS[3], KEYS[4]}) do
  redis.call('PEXPIRE', key, ARGV[4])
end
-- Wake waiters only when there are any: most turns have none, and every message costs each replica a dispatch.
if redis.call('LLEN', KEYS[7]) > 0 then
  redis.call('PUBLISH', ARGV[10], ARGV[11])
end
return {'COMMITTED', version, now}
