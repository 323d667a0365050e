import type { ChainableCommander, Redis } from 'ioredis';

import { randomUUID } from 'node:crypto';

import {
	ADVANCE_WATERMARK,
	CLAIM_AND_PUT_RECORD,
	GET_STOCK,
	MOVE_RECORD,
	RECORD_MOVEMENT,
	SET_ON_HAND,
	SETTLE_LEASE,
	TAKE_DUE,
} from './redisScripts';
import { toJson } from './json';
import type {
	DurableStore,
	LeaseOutcome,
	RecordToPut,
	StockChange,
	StockLevel,
	StockMovement,
	StoredRecord,
} from './types';
import {
	requireFinite,
	requirePositiveInteger,
	requireText,
	validateClaimAndRecord,
	validateMovement,
	validateQuantity,
} from './validate';

const DEFAULT_LIST_LIMIT = 100;

/**
 * The queue-mode backend: every webhook and worker process talks to the same Redis, and each
 * operation is one command, one MULTI or one Lua script, so it is atomic across them.
 *
 * Key layout under the prefix (namespace and ledger names are URI-encoded, so they hold no ':'
 * and "a:b"+"c" cannot collide with "a"+"b:c"):
 *   entry:<ns>:<key>            claims and values (string, PX for TTL)
 *   watermark:<ns>:<key>        string number
 *   records:<ns>                hash id -> JSON
 *   records-due:<ns>            zset id -> due time (+inf when unscheduled)
 *   records-lease:<ns>          hash id -> token of the takeDue() that holds it
 *   stock:<ledger>              hash sku -> on-hand
 *   movements:<ledger>          hash movement key -> JSON (the idempotency log)
 *   sales:<ledger>:<sku>        zset "units:movement key" -> sale time
 */
export class RedisStore implements DurableStore {
	constructor(
		private readonly client: Redis,
		private readonly keyPrefix: string,
		private readonly onClose?: () => void,
	) {}

	async claim(namespace: string, key: string, ttlMs: number): Promise<boolean> {
		requireText('namespace', namespace);
		requireText('key', key);
		requirePositiveInteger('ttlMs', ttlMs);
		return (
			(await this.client.set(this.entryKey(namespace, key), 'true', 'PX', ttlMs, 'NX')) === 'OK'
		);
	}

	async claimAndPutRecord(
		claim: { namespace: string; keys: string[]; ttlMs: number },
		record: RecordToPut,
	): Promise<boolean> {
		validateClaimAndRecord(claim, record);
		const done = await this.client.eval(
			CLAIM_AND_PUT_RECORD,
			claim.keys.length + 2,
			...claim.keys.map((key) => this.entryKey(claim.namespace, key)),
			this.key('records', record.namespace),
			this.key('records-due', record.namespace),
			String(claim.ttlMs),
			record.id,
			toJson(record.record),
			record.dueAtMs === undefined ? '+inf' : String(record.dueAtMs),
		);
		return done === 1;
	}

	async release(namespace: string, key: string): Promise<void> {
		await this.client.del(this.entryKey(namespace, key));
	}

	async getValue<T>(namespace: string, key: string): Promise<T | undefined> {
		const json = await this.client.get(this.entryKey(namespace, key));
		return json === null ? undefined : (JSON.parse(json) as T);
	}

	async setValue<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void> {
		requireText('namespace', namespace);
		requireText('key', key);
		const json = toJson(value);
		if (ttlMs === undefined) {
			await this.client.set(this.entryKey(namespace, key), json);
			return;
		}
		requirePositiveInteger('ttlMs', ttlMs);
		await this.client.set(this.entryKey(namespace, key), json, 'PX', ttlMs);
	}

	async advanceWatermark(namespace: string, key: string, value: number): Promise<number> {
		requireText('namespace', namespace);
		requireText('key', key);
		requireFinite('value', value);
		const stored = await this.client.eval(
			ADVANCE_WATERMARK,
			1,
			this.key('watermark', namespace, key),
			String(value),
		);
		return Number(stored);
	}

	async putRecord(namespace: string, id: string, record: object, dueAtMs?: number): Promise<void> {
		requireText('namespace', namespace);
		requireText('id', id);
		if (dueAtMs !== undefined) requireFinite('dueAtMs', dueAtMs);
		await execAll(
			this.client
				.multi()
				.hset(this.key('records', namespace), id, toJson(record))
				.zadd(
					this.key('records-due', namespace),
					dueAtMs === undefined ? '+inf' : String(dueAtMs),
					id,
				)
				// A put ends any lease: the record is a new version, handed out afresh.
				.hdel(this.key('records-lease', namespace), id),
		);
	}

	async getRecord<T>(namespace: string, id: string): Promise<StoredRecord<T> | undefined> {
		const [json, score] = (await execAll(
			this.client
				.multi()
				.hget(this.key('records', namespace), id)
				.zscore(this.key('records-due', namespace), id),
		)) as [string | null, string | null];
		return json === null
			? undefined
			: { id, record: JSON.parse(json) as T, dueAtMs: toDueAt(score) };
	}

	async deleteRecord(namespace: string, id: string): Promise<boolean> {
		const [deleted] = await execAll(
			this.client
				.multi()
				.hdel(this.key('records', namespace), id)
				.zrem(this.key('records-due', namespace), id)
				.hdel(this.key('records-lease', namespace), id),
		);
		return deleted === 1;
	}

	async moveRecord(from: { namespace: string; id: string }, to: RecordToPut): Promise<boolean> {
		requireText('namespace', from.namespace);
		requireText('id', from.id);
		requireText('namespace', to.namespace);
		requireText('id', to.id);
		if (to.dueAtMs !== undefined) requireFinite('dueAtMs', to.dueAtMs);
		const moved = await this.client.eval(
			MOVE_RECORD,
			6,
			this.key('records', from.namespace),
			this.key('records-due', from.namespace),
			this.key('records', to.namespace),
			this.key('records-due', to.namespace),
			this.key('records-lease', from.namespace),
			this.key('records-lease', to.namespace),
			from.id,
			to.id,
			toJson(to.record),
			to.dueAtMs === undefined ? '+inf' : String(to.dueAtMs),
		);
		return moved === 1;
	}

	async listRecords<T>(
		namespace: string,
		limit = DEFAULT_LIST_LIMIT,
	): Promise<Array<StoredRecord<T>>> {
		requirePositiveInteger('limit', limit);
		const idsAndScores = await this.client.zrange(
			this.key('records-due', namespace),
			0,
			limit - 1,
			'WITHSCORES',
		);
		if (idsAndScores.length === 0) return [];
		const ids = idsAndScores.filter((_, index) => index % 2 === 0);
		const jsons = await this.client.hmget(this.key('records', namespace), ...ids);
		const records: Array<StoredRecord<T>> = [];
		ids.forEach((id, index) => {
			const json = jsons[index];
			// null when deleted between the two reads: it is gone, so leave it out.
			if (json === null) return;
			records.push({
				id,
				record: JSON.parse(json) as T,
				dueAtMs: toDueAt(idsAndScores[index * 2 + 1]),
			});
		});
		return records;
	}

	async takeDue<T>(
		namespace: string,
		nowMs: number,
		limit: number,
		leaseMs: number,
	): Promise<Array<StoredRecord<T> & { lease: string }>> {
		requireFinite('nowMs', nowMs);
		requirePositiveInteger('limit', limit);
		requirePositiveInteger('leaseMs', leaseMs);
		const leasedUntil = nowMs + leaseMs;
		const flat = (await this.client.eval(
			TAKE_DUE,
			3,
			this.key('records-due', namespace),
			this.key('records', namespace),
			this.key('records-lease', namespace),
			String(nowMs),
			String(limit),
			String(leasedUntil),
			randomUUID(),
		)) as string[];
		const taken: Array<StoredRecord<T> & { lease: string }> = [];
		for (let index = 0; index < flat.length; index += 3) {
			taken.push({
				id: flat[index],
				record: JSON.parse(flat[index + 1]) as T,
				dueAtMs: leasedUntil,
				lease: flat[index + 2],
			});
		}
		return taken;
	}

	async settleLease(
		namespace: string,
		id: string,
		lease: string,
		outcome: LeaseOutcome,
	): Promise<boolean> {
		requireText('namespace', namespace);
		requireText('id', id);
		requireText('lease', lease);
		const target = 'moveTo' in outcome ? outcome.moveTo : undefined;
		const put = 'put' in outcome ? outcome.put : undefined;
		const renew = 'renew' in outcome ? outcome.renew : undefined;
		if (renew) requireFinite('dueAtMs', renew.dueAtMs);
		const body = put ?? target ?? (renew?.record ? { record: renew.record } : undefined);
		const dueAtMs = renew?.dueAtMs ?? put?.dueAtMs ?? target?.dueAtMs;
		const settled = await this.client.eval(
			SETTLE_LEASE,
			5,
			this.key('records', namespace),
			this.key('records-due', namespace),
			this.key('records-lease', namespace),
			this.key('records', target?.namespace ?? namespace),
			this.key('records-due', target?.namespace ?? namespace),
			id,
			lease,
			renew ? 'renew' : put ? 'put' : target ? 'move' : 'delete',
			body ? toJson(body.record) : '',
			dueAtMs === undefined ? '+inf' : String(dueAtMs),
			target?.id ?? id,
		);
		return settled === 1;
	}

	async recordMovement(ledger: string, movement: StockMovement): Promise<StockChange> {
		requireText('ledger', ledger);
		validateMovement(movement);
		const { sku, key, delta, atMs, kind } = movement;
		const reply = (await this.client.eval(
			RECORD_MOVEMENT,
			3,
			this.key('movements', ledger),
			this.key('stock', ledger),
			this.key('sales', ledger, sku),
			key,
			sku,
			String(delta),
			String(atMs),
			JSON.stringify({ sku, delta, atMs, kind }),
			kind === 'sale' ? `${-delta}:${key}` : '',
		)) as [number, number];
		return { applied: reply[0] === 1, onHand: reply[1] };
	}

	async setOnHand(
		ledger: string,
		sku: string,
		quantity: number,
		key?: string,
	): Promise<StockChange> {
		requireText('ledger', ledger);
		requireText('sku', sku);
		validateQuantity(quantity);
		if (key !== undefined) requireText('key', key);
		const reply = (await this.client.eval(
			SET_ON_HAND,
			2,
			this.key('movements', ledger),
			this.key('stock', ledger),
			sku,
			String(quantity),
			key ?? '',
			String(Date.now()),
		)) as [number, number];
		return { applied: reply[0] === 1, onHand: reply[1] };
	}

	async getStock(
		ledger: string,
		sku: string,
		windowMs: number,
		nowMs: number,
	): Promise<StockLevel> {
		requirePositiveInteger('windowMs', windowMs);
		requireFinite('nowMs', nowMs);
		const reply = (await this.client.eval(
			GET_STOCK,
			2,
			this.key('stock', ledger),
			this.key('sales', ledger, sku),
			sku,
			String(nowMs - windowMs),
			String(nowMs),
		)) as [number, number];
		return { onHand: reply[0], soldInWindow: reply[1] };
	}

	async close(): Promise<void> {
		if (this.client.status === 'end') return;
		// QUIT needs a live connection; while Redis is down the client would otherwise keep reconnecting.
		if (this.client.status === 'ready')
			await this.client.quit().catch(() => this.client.disconnect());
		else this.client.disconnect();
		this.onClose?.();
	}

	private entryKey(namespace: string, key: string): string {
		return this.key('entry', namespace, key);
	}

	/** prefix + kind + encoded scope (+ raw tail, which may hold anything since it comes last). */
	private key(kind: string, scope: string, tail?: string): string {
		const base = `${this.keyPrefix}${kind}:${encodeURIComponent(scope)}`;
		return tail === undefined ? base : `${base}:${tail}`;
	}
}

/** MULTI replies carry per-command errors instead of rejecting; surface the first one. */
async function execAll(transaction: ChainableCommander): Promise<unknown[]> {
	const replies = (await transaction.exec()) ?? [];
	for (const [error] of replies) if (error) throw error;
	return replies.map(([, result]) => result);
}

function toDueAt(score: string | null): number | null {
	return score === null || score === 'inf' ? null : Number(score);
}
