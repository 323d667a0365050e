/*
 * Lua scripts for the Redis backend. Redis runs a script without interleaving any other command,
 * which is what makes each read-then-write below atomic across every worker and webhook process.
 * Numbers travel as strings and are returned as strings where Lua's doubles could reformat them.
 */

/** KEYS: watermark. ARGV: candidate. Returns the stored (highest) value as sent. */
export const ADVANCE_WATERMARK = `
local current = redis.call('GET', KEYS[1])
if current and tonumber(current) >= tonumber(ARGV[1]) then return current end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]
`;

/**
 * KEYS: the claim keys…, records (hash id -> JSON), due index (zset id -> due time).
 * ARGV: ttl ms, record id, record JSON, due time ('+inf' when unscheduled). Returns 1, or 0 (nothing written).
 */
export const CLAIM_AND_PUT_RECORD = `
local claims = #KEYS - 2
for i = 1, claims do
	if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
end
for i = 1, claims do redis.call('SET', KEYS[i], 'true', 'PX', ARGV[1]) end
redis.call('HSET', KEYS[claims + 1], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[claims + 2], ARGV[4], ARGV[2])
return 1
`;

/**
 * KEYS: due index (zset id -> due time), records (hash id -> JSON), leases (hash id -> token).
 * ARGV: now, limit, leased-until, a token unique to this call. Returns a flat list id, record, lease, ...
 */
export const TAKE_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local taken = {}
for _, id in ipairs(ids) do
	redis.call('ZADD', KEYS[1], ARGV[3], id)
	local lease = ARGV[4] .. ':' .. id
	redis.call('HSET', KEYS[3], id, lease)
	taken[#taken + 1] = id
	taken[#taken + 1] = redis.call('HGET', KEYS[2], id)
	taken[#taken + 1] = lease
end
return taken
`;

/**
 * KEYS: records, due index, leases (hash id -> token), and for a move: target records, target due index.
 * ARGV: id, lease, action ('delete' | 'put' | 'move' | 'renew'), JSON ('' to keep the record on a renew), due time
 * ('+inf' when unscheduled), target id.
 * Returns 1, or 0 (the lease is not the record's current one; nothing changed). Writes before it deletes.
 */
export const SETTLE_LEASE = `
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
if ARGV[3] == 'renew' then
	if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], ARGV[1], ARGV[4]) end
	redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
	return 1
end
if ARGV[3] == 'put' then
	redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
	redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
	redis.call('HDEL', KEYS[3], ARGV[1])
	return 1
end
if ARGV[3] == 'move' then
	redis.call('HSET', KEYS[4], ARGV[6], ARGV[4])
	redis.call('ZADD', KEYS[5], ARGV[5], ARGV[6])
end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
`;

/**
 * KEYS: movements (hash key -> JSON), on-hand (hash sku -> units), sales of this SKU
 * (zset "units:key" -> time; the units ride in the member so getStock needs no second lookup).
 * ARGV: key, sku, delta, atMs, movement JSON, sales member ('' unless a sale).
 * Returns {applied 0|1, onHand}.
 */
export const RECORD_MOVEMENT = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[5]) == 0 then
	return {0, tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')}
end
local onHand = redis.call('HINCRBY', KEYS[2], ARGV[2], ARGV[3])
if ARGV[6] ~= '' then redis.call('ZADD', KEYS[3], ARGV[4], ARGV[6]) end
return {1, onHand}
`;

/**
 * KEYS: movements, on-hand. ARGV: sku, quantity, key ('' for none), atMs.
 * The count is logged as a movement whose delta brings on-hand to the counted quantity.
 * Returns {applied 0|1, onHand}.
 */
export const SET_ON_HAND = `
local current = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if ARGV[3] ~= '' then
	local movement = cjson.encode({
		sku = ARGV[1], delta = tonumber(ARGV[2]) - current, atMs = tonumber(ARGV[4]), kind = 'count'
	})
	if redis.call('HSETNX', KEYS[1], ARGV[3], movement) == 0 then return {0, current} end
end
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
return {1, tonumber(ARGV[2])}
`;

/** KEYS: on-hand, sales of this SKU. ARGV: sku, window start (exclusive), now. Returns {onHand, sold}. */
export const GET_STOCK = `
local onHand = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local sold = 0
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[2], ARGV[3])) do
	sold = sold + tonumber(string.match(member, '^(%d+):'))
end
return {onHand, sold}
`;

/**
 * KEYS: source records, source due index, target records, target due index, source leases, target leases.
 * ARGV: source id, target id, target JSON, target due time ('+inf' when unscheduled). Returns 1, or 0 (no source).
 * Redis does not roll a script back, so the target is written before the source is deleted: a failed write
 * (WRONGTYPE, OOM) leaves the source where it was.
 */
export const MOVE_RECORD = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[2])
redis.call('HDEL', KEYS[6], ARGV[2])
if KEYS[1] ~= KEYS[3] or ARGV[1] ~= ARGV[2] then
	redis.call('HDEL', KEYS[1], ARGV[1])
	redis.call('ZREM', KEYS[2], ARGV[1])
	redis.call('HDEL', KEYS[5], ARGV[1])
end
return 1
`;
