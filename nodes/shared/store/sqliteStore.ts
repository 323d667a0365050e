import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

import { ADDED_COLUMNS, SQLITE_SCHEMA } from './sqliteSchema';
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

export type SqliteStoreOptions = {
	path: string;
	/** Clock for TTLs; tests inject one instead of waiting. */
	now?: () => number;
	/** Called once after close(), so openStore() can drop its cached instance. */
	onClose?: () => void;
};

/** A node:sqlite write that waits this long for another process's write lock before failing. */
const BUSY_TIMEOUT_MS = 5000;
/** Expired claims are skipped by every read; deleting them is only housekeeping, so it is rare. */
const PURGE_INTERVAL_MS = 10 * 60 * 1000;
const DEFAULT_LIST_LIMIT = 100;

type RecordRow = { id: string; record: string; due_at: number | null };

/**
 * The embedded backend: one SQLite file shared by every n8n process on the machine. node:sqlite is
 * synchronous, so calls in one process never interleave; across processes, WAL lets readers run
 * beside a writer, busy_timeout makes a writer wait instead of failing, and each multi-statement
 * change runs in BEGIN IMMEDIATE so it takes the write lock before it reads.
 */
export class SqliteStore implements DurableStore {
	private readonly db: DatabaseSync;
	private readonly now: () => number;
	private readonly onClose?: () => void;
	private readonly sql: ReturnType<typeof prepareStatements>;
	private nextPurgeAt = 0;

	constructor(options: SqliteStoreOptions) {
		mkdirSync(dirname(options.path), { recursive: true });
		this.db = new DatabaseSync(options.path);
		// busy_timeout first: switching to WAL itself needs a lock another process may hold.
		this.db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
		// synchronous stays at its default (FULL): a recorded sale must survive a power cut.
		this.db.exec('PRAGMA journal_mode = WAL');
		this.db.exec(SQLITE_SCHEMA);
		addMissingColumns(this.db);
		this.sql = prepareStatements(this.db);
		this.now = options.now ?? Date.now;
		this.onClose = options.onClose;
	}

	async claim(namespace: string, key: string, ttlMs: number): Promise<boolean> {
		requireText('namespace', namespace);
		requireText('key', key);
		requirePositiveInteger('ttlMs', ttlMs);
		const now = this.now();
		this.purgeExpiredEntries(now);
		return this.sql.claim.run(namespace, key, 'true', now + ttlMs, now).changes === 1;
	}

	async claimAndPutRecord(
		claim: { namespace: string; keys: string[]; ttlMs: number },
		record: RecordToPut,
	): Promise<boolean> {
		validateClaimAndRecord(claim, record);
		const now = this.now();
		this.purgeExpiredEntries(now);
		// BEGIN IMMEDIATE holds the write lock, so no other process can take a key between the check and the claim.
		return this.transaction(() => {
			if (claim.keys.some((key) => this.sql.getEntry.get(claim.namespace, key, now) !== undefined))
				return false;
			for (const key of claim.keys)
				this.sql.claim.run(claim.namespace, key, 'true', now + claim.ttlMs, now);
			this.sql.putRecord.run(
				record.namespace,
				record.id,
				toJson(record.record),
				record.dueAtMs ?? null,
			);
			return true;
		});
	}

	async release(namespace: string, key: string): Promise<void> {
		this.sql.deleteEntry.run(namespace, key);
	}

	async getValue<T>(namespace: string, key: string): Promise<T | undefined> {
		const row = this.sql.getEntry.get(namespace, key, this.now()) as { value: string } | undefined;
		return row === undefined ? undefined : (JSON.parse(row.value) as T);
	}

	async setValue<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void> {
		requireText('namespace', namespace);
		requireText('key', key);
		if (ttlMs !== undefined) requirePositiveInteger('ttlMs', ttlMs);
		const now = this.now();
		this.purgeExpiredEntries(now);
		this.sql.setEntry.run(namespace, key, toJson(value), ttlMs === undefined ? null : now + ttlMs);
	}

	async advanceWatermark(namespace: string, key: string, value: number): Promise<number> {
		requireText('namespace', namespace);
		requireText('key', key);
		requireFinite('value', value);
		const row = this.sql.advanceWatermark.get(namespace, key, value) as { value: number };
		return row.value;
	}

	async putRecord(namespace: string, id: string, record: object, dueAtMs?: number): Promise<void> {
		requireText('namespace', namespace);
		requireText('id', id);
		if (dueAtMs !== undefined) requireFinite('dueAtMs', dueAtMs);
		this.sql.putRecord.run(namespace, id, toJson(record), dueAtMs ?? null);
	}

	async getRecord<T>(namespace: string, id: string): Promise<StoredRecord<T> | undefined> {
		const row = this.sql.getRecord.get(namespace, id) as RecordRow | undefined;
		return row === undefined ? undefined : toStoredRecord<T>(row);
	}

	async deleteRecord(namespace: string, id: string): Promise<boolean> {
		return this.sql.deleteRecord.run(namespace, id).changes === 1;
	}

	async moveRecord(from: { namespace: string; id: string }, to: RecordToPut): Promise<boolean> {
		requireText('namespace', from.namespace);
		requireText('id', from.id);
		requireText('namespace', to.namespace);
		requireText('id', to.id);
		if (to.dueAtMs !== undefined) requireFinite('dueAtMs', to.dueAtMs);
		const json = toJson(to.record);
		return this.transaction(() => {
			if (this.sql.deleteRecord.run(from.namespace, from.id).changes !== 1) return false;
			this.sql.putRecord.run(to.namespace, to.id, json, to.dueAtMs ?? null);
			return true;
		});
	}

	async listRecords<T>(
		namespace: string,
		limit = DEFAULT_LIST_LIMIT,
	): Promise<Array<StoredRecord<T>>> {
		requirePositiveInteger('limit', limit);
		const rows = this.sql.listRecords.all(namespace, limit) as RecordRow[];
		return rows.map((row) => toStoredRecord<T>(row));
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
		return this.transaction(() => {
			const rows = this.sql.dueRecords.all(namespace, nowMs, limit) as RecordRow[];
			return rows.map((row) => {
				const lease = randomUUID();
				this.sql.leaseRecord.run(leasedUntil, lease, namespace, row.id);
				return { ...toStoredRecord<T>({ ...row, due_at: leasedUntil }), lease };
			});
		});
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
		if ('renew' in outcome) requireFinite('dueAtMs', outcome.renew.dueAtMs);
		const json =
			'put' in outcome
				? toJson(outcome.put.record)
				: 'moveTo' in outcome
					? toJson(outcome.moveTo.record)
					: 'renew' in outcome && outcome.renew.record
						? toJson(outcome.renew.record)
						: undefined;
		return this.transaction(() => {
			const row = this.sql.getLease.get(namespace, id) as { lease: string | null } | undefined;
			if (row?.lease !== lease) return false;
			if ('renew' in outcome) {
				this.sql.renewLease.run(outcome.renew.dueAtMs, namespace, id);
				if (json !== undefined) this.sql.replaceRecord.run(json, namespace, id);
				return true;
			}
			if ('put' in outcome) {
				this.sql.putRecord.run(namespace, id, json!, outcome.put.dueAtMs ?? null);
				return true;
			}
			this.sql.deleteRecord.run(namespace, id);
			if ('moveTo' in outcome)
				this.sql.putRecord.run(
					outcome.moveTo.namespace,
					outcome.moveTo.id,
					json!,
					outcome.moveTo.dueAtMs ?? null,
				);
			return true;
		});
	}

	async recordMovement(ledger: string, movement: StockMovement): Promise<StockChange> {
		requireText('ledger', ledger);
		validateMovement(movement);
		const { sku, key, delta, atMs, kind } = movement;
		return this.transaction(() => {
			const applied =
				this.sql.insertMovement.run(ledger, key, sku, delta, atMs, kind).changes === 1;
			if (applied) this.sql.addOnHand.run(ledger, sku, delta);
			return { applied, onHand: this.readOnHand(ledger, sku) };
		});
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
		return this.transaction(() => {
			const current = this.readOnHand(ledger, sku);
			if (key !== undefined) {
				const delta = quantity - current;
				const inserted = this.sql.insertMovement.run(ledger, key, sku, delta, this.now(), 'count');
				if (inserted.changes === 0) return { applied: false, onHand: current };
			}
			this.sql.setOnHand.run(ledger, sku, quantity);
			return { applied: true, onHand: quantity };
		});
	}

	async getStock(
		ledger: string,
		sku: string,
		windowMs: number,
		nowMs: number,
	): Promise<StockLevel> {
		requirePositiveInteger('windowMs', windowMs);
		requireFinite('nowMs', nowMs);
		const sold = this.sql.soldBetween.get(ledger, sku, nowMs - windowMs, nowMs) as { sold: number };
		return { onHand: this.readOnHand(ledger, sku), soldInWindow: sold.sold };
	}

	async close(): Promise<void> {
		if (!this.db.isOpen) return;
		this.db.close();
		this.onClose?.();
	}

	private readOnHand(ledger: string, sku: string): number {
		const row = this.sql.getOnHand.get(ledger, sku) as { on_hand: number } | undefined;
		return row?.on_hand ?? 0;
	}

	private purgeExpiredEntries(now: number): void {
		if (now < this.nextPurgeAt) return;
		this.nextPurgeAt = now + PURGE_INTERVAL_MS;
		this.sql.purgeExpired.run(now);
	}

	private transaction<T>(work: () => T): T {
		this.db.exec('BEGIN IMMEDIATE');
		let committed = false;
		try {
			const result = work();
			this.db.exec('COMMIT');
			committed = true;
			return result;
		} finally {
			// isTransaction: SQLite has already rolled back after some errors (disk full, I/O), and a
			// second ROLLBACK would throw and hide the error that matters.
			if (!committed && this.db.isTransaction) this.db.exec('ROLLBACK');
		}
	}
}

function prepareStatements(db: DatabaseSync) {
	const prepare = (text: string): StatementSync => db.prepare(text);
	return {
		// One statement, so it is atomic across processes: it inserts, or takes over an expired row,
		// or changes nothing (changes === 0) when a live claim exists.
		claim: prepare(
			`INSERT INTO entries (namespace, key, value, expires_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
			 WHERE entries.expires_at IS NOT NULL AND entries.expires_at <= ?`,
		),
		setEntry: prepare(
			`INSERT INTO entries (namespace, key, value, expires_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
		),
		getEntry: prepare(
			`SELECT value FROM entries WHERE namespace = ? AND key = ? AND (expires_at IS NULL OR expires_at > ?)`,
		),
		deleteEntry: prepare('DELETE FROM entries WHERE namespace = ? AND key = ?'),
		purgeExpired: prepare('DELETE FROM entries WHERE expires_at IS NOT NULL AND expires_at <= ?'),
		advanceWatermark: prepare(
			`INSERT INTO watermarks (namespace, key, value) VALUES (?, ?, ?)
			 ON CONFLICT (namespace, key) DO UPDATE SET value = max(value, excluded.value)
			 RETURNING value`,
		),
		// A put ends any lease: the record is a new version, handed out afresh.
		putRecord: prepare(
			`INSERT INTO records (namespace, id, record, due_at, lease) VALUES (?, ?, ?, ?, NULL)
			 ON CONFLICT (namespace, id) DO UPDATE SET record = excluded.record, due_at = excluded.due_at, lease = NULL`,
		),
		getLease: prepare('SELECT lease FROM records WHERE namespace = ? AND id = ?'),
		getRecord: prepare('SELECT id, record, due_at FROM records WHERE namespace = ? AND id = ?'),
		deleteRecord: prepare('DELETE FROM records WHERE namespace = ? AND id = ?'),
		listRecords: prepare(
			`SELECT id, record, due_at FROM records WHERE namespace = ?
			 ORDER BY due_at IS NULL, due_at, id LIMIT ?`,
		),
		dueRecords: prepare(
			`SELECT id, record, due_at FROM records WHERE namespace = ? AND due_at <= ?
			 ORDER BY due_at, id LIMIT ?`,
		),
		leaseRecord: prepare('UPDATE records SET due_at = ?, lease = ? WHERE namespace = ? AND id = ?'),
		renewLease: prepare('UPDATE records SET due_at = ? WHERE namespace = ? AND id = ?'),
		replaceRecord: prepare('UPDATE records SET record = ? WHERE namespace = ? AND id = ?'),
		insertMovement: prepare(
			`INSERT INTO movements (ledger, key, sku, delta, at_ms, kind) VALUES (?, ?, ?, ?, ?, ?)
			 ON CONFLICT (ledger, key) DO NOTHING`,
		),
		addOnHand: prepare(
			`INSERT INTO stock (ledger, sku, on_hand) VALUES (?, ?, ?)
			 ON CONFLICT (ledger, sku) DO UPDATE SET on_hand = on_hand + excluded.on_hand`,
		),
		setOnHand: prepare(
			`INSERT INTO stock (ledger, sku, on_hand) VALUES (?, ?, ?)
			 ON CONFLICT (ledger, sku) DO UPDATE SET on_hand = excluded.on_hand`,
		),
		getOnHand: prepare('SELECT on_hand FROM stock WHERE ledger = ? AND sku = ?'),
		soldBetween: prepare(
			`SELECT COALESCE(SUM(-delta), 0) AS sold FROM movements
			 WHERE ledger = ? AND sku = ? AND kind = 'sale' AND at_ms > ? AND at_ms <= ?`,
		),
	};
}

function toStoredRecord<T>(row: RecordRow): StoredRecord<T> {
	return { id: row.id, record: JSON.parse(row.record) as T, dueAtMs: row.due_at };
}

function addMissingColumns(db: DatabaseSync): void {
	for (const { table, column, definition } of ADDED_COLUMNS) {
		const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
		if (columns.some((existing) => existing.name === column)) continue;
		try {
			db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
		} catch (error) {
			// Another process added it between our check and our ALTER.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the store runs outside any node; callers convert
			if (!/duplicate column/i.test((error as Error).message)) throw error;
		}
	}
}
