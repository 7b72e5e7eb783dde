-- Gives the lease back when the token is still the live one. KEYS: 1 lease. ARGV: 1 token, 2 wake channel, 3 sessionId.
if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', ARGV[2], ARGV[3])
  return 1
end
return 0
