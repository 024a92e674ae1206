/**
 * The lease's Lua scripts: each runs atomically in Redis, so checking who holds the lease and
 * acting on it cannot be split by another instance's command.
 *
 * KEYS[1] = lease, KEYS[2] = fence counter.
 */

/**
 * ARGV: owner, ttlMs, minToken. Takes the lease only when nobody holds it (`SET NX PX`) and then
 * draws the next fencing token. The counter is first raised to `minToken` (the highest token
 * this instance has seen) so that tokens keep increasing even after Redis lost its data.
 * Returns the token, or false when the lease is held.
 */
export const ACQUIRE_LEASE = `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
local fence = tonumber(redis.call('GET', KEYS[2]) or '0')
if fence < tonumber(ARGV[3]) then redis.call('SET', KEYS[2], ARGV[3]) end
return redis.call('INCR', KEYS[2])
`;

/**
 * ARGV: owner, ttlMs, token. Extends the lease when `owner` still holds it (1). When nobody holds
 * it and no later holder drew a token (Redis restarted without its data, or a renewal came late
 * after an outage shorter than the stop deadline) the owner takes it back with the same token (2).
 * Otherwise the lease is lost (0).
 */
export const RENEW_LEASE = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
local fence = tonumber(redis.call('GET', KEYS[2]) or '0')
if fence > tonumber(ARGV[3]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if fence < tonumber(ARGV[3]) then redis.call('SET', KEYS[2], ARGV[3]) end
return 2
`;

/** ARGV: owner. Deletes the lease only when `owner` holds it; returns 1 when it did. */
export const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
