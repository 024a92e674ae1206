/**
 * The holder's fenced write of a shared blob (history, shared views): a Lua script, atomic in
 * Redis, that refuses the write of an older holder.
 *
 * KEYS: the blob's hash, the fence counter. ARGV: token, bytes. Returns 1 when written, 0 when
 * the hash already holds a newer token's blob or the fence has moved past `token`.
 */
export const FENCED_BLOB_WRITE = `
local token = tonumber(ARGV[1])
local stored = tonumber(redis.call('HGET', KEYS[1], 'token') or '0')
local fence = tonumber(redis.call('GET', KEYS[2]) or '0')
if token < stored or token < fence then return 0 end
redis.call('HSET', KEYS[1], 'token', ARGV[1], 'bytes', ARGV[2])
return 1
`;
