/**
 * The pack's durable store: state that must outlive one execution and be shared by every n8n
 * process that runs our nodes (webhook dedupe, retry queue and dead letters, the stock ledger,
 * polling watermarks). Two backends implement it with the same behaviour: embedded SQLite for a
 * single n8n instance, Redis for queue mode.
 *
 * Every method is atomic on its own, across processes. Namespaces keep users apart: callers put
 * the workflow or node identity into the namespace, so two triggers never share keys.
 */
export interface DurableStore {
	/**
	 * Marks `key` as taken for `ttlMs`. Resolves true only for the one caller that took it; every
	 * other caller (same or other process) gets false until it expires or is released.
	 */
	claim(namespace: string, key: string, ttlMs: number): Promise<boolean>;
	/**
	 * Claims every one of `keys` and stores the record, all at once, only when none of the keys is taken; resolves
	 * whether it did. One commit where claim() + putRecord() take several: a webhook answer waits for each.
	 */
	claimAndPutRecord(
		claim: { namespace: string; keys: string[]; ttlMs: number },
		record: RecordToPut,
	): Promise<boolean>;
	/** Forgets a claim or a value, so the next claim of `key` succeeds. */
	release(namespace: string, key: string): Promise<void>;

	/** A JSON value, or undefined when absent or expired. Shares its keys with claim(). */
	getValue<T>(namespace: string, key: string): Promise<T | undefined>;
	setValue<T>(namespace: string, key: string, value: T, ttlMs?: number): Promise<void>;

	/** Stores `value` only if it is higher than the stored one; resolves the (new) highest value. */
	advanceWatermark(namespace: string, key: string, value: number): Promise<number>;

	/**
	 * Upserts a JSON record. With `dueAtMs` it is scheduled and takeDue() hands it out from then on;
	 * without, it just sits there (dead letters) until deleted.
	 */
	putRecord(namespace: string, id: string, record: object, dueAtMs?: number): Promise<void>;
	getRecord<T>(namespace: string, id: string): Promise<StoredRecord<T> | undefined>;
	/** Resolves true for the one caller that actually deleted it: replay code uses that as its lock. */
	deleteRecord(namespace: string, id: string): Promise<boolean>;
	/**
	 * Deletes record `from.id` of `from.namespace` and stores `to`, in one atomic step, only while `from` exists;
	 * resolves whether it moved. A failure changes nothing, so the record is never in neither place.
	 */
	moveRecord(from: { namespace: string; id: string }, to: RecordToPut): Promise<boolean>;
	/** Scheduled records by due time first, then unscheduled ones; ties by id. */
	listRecords<T>(namespace: string, limit?: number): Promise<Array<StoredRecord<T>>>;
	/**
	 * Leases up to `limit` records due at or before `nowMs`: their due time moves to
	 * `nowMs + leaseMs`, so no other taker gets them meanwhile, and a taker that dies before it
	 * settles them does not lose them. Each record comes with a fresh `lease` token: only its holder can
	 * settleLease(), so a taker whose lease ran out (a run past its timeout, a process that was paused or
	 * restarted) cannot delete or reschedule a record that another taker holds by then.
	 */
	takeDue<T>(
		namespace: string,
		nowMs: number,
		limit: number,
		leaseMs: number,
	): Promise<Array<StoredRecord<T> & { lease: string }>>;
	/**
	 * Ends a lease from takeDue(), atomically and only while `lease` is still the record's current lease:
	 * deletes the record, or stores `put` in its place (a retry), or moves it as `moveTo` (a dead letter), or, with
	 * `renew`, keeps the lease and moves its end to `renew.dueAtMs` (the run that holds it has started now), storing
	 * `renew.record` in its place when given.
	 * Resolves false, changing nothing, when the lease was lost.
	 */
	settleLease(
		namespace: string,
		id: string,
		lease: string,
		outcome: LeaseOutcome,
	): Promise<boolean>;

	/**
	 * Applies a stock movement once: a second call with the same `movement.key` in this ledger
	 * changes nothing and resolves `applied: false` with the current on-hand.
	 */
	recordMovement(ledger: string, movement: StockMovement): Promise<StockChange>;
	/**
	 * Sets on-hand to `quantity` (a stock count). With `key`, only the first call with that key
	 * counts, so replaying an old count never overwrites the sales recorded since.
	 */
	setOnHand(ledger: string, sku: string, quantity: number, key?: string): Promise<StockChange>;
	/** On-hand, and units sold by `sale` movements with `nowMs - windowMs < atMs <= nowMs`. */
	getStock(ledger: string, sku: string, windowMs: number, nowMs: number): Promise<StockLevel>;

	/** Closes the file or connection. Only for shutdown and tests: openStore() shares instances. */
	close(): Promise<void>;
}

export type StoredRecord<T> = { id: string; record: T; dueAtMs: number | null };

export type LeaseOutcome =
	| { delete: true }
	| { put: { record: object; dueAtMs?: number } }
	| { moveTo: RecordToPut }
	| { renew: { dueAtMs: number; record?: object } };

export type RecordToPut = { namespace: string; id: string; record: object; dueAtMs?: number };

/** Sales are negative deltas, cancels and returns positive, adjustments either way. */
export type MovementKind = 'sale' | 'cancel' | 'return' | 'adjust';

export type StockMovement = {
	sku: string;
	/** Idempotency key, unique per ledger, e.g. `${channel}:${orderId}:${lineId}`. */
	key: string;
	/** Signed whole units. */
	delta: number;
	atMs: number;
	kind: MovementKind;
};

export type StockChange = { applied: boolean; onHand: number };
export type StockLevel = { onHand: number; soldInWindow: number };

export type EmbeddedStoreConfig = {
	kind: 'embedded';
	/** Defaults to defaultEmbeddedPath(). */
	path?: string;
};

export type RedisStoreConfig = {
	kind: 'redis';
	/** redis:// or rediss:// URL; when given, the fields below are ignored except keyPrefix. */
	url?: string;
	host?: string;
	port?: number;
	username?: string;
	password?: string;
	db?: number;
	tls?: boolean;
	/** Defaults to DEFAULT_KEY_PREFIX. */
	keyPrefix?: string;
	/**
	 * For callers with a deadline (a webhook that must answer TikTok within 3 s): connecting and each command give
	 * up after this long, and a command sent while Redis is unreachable fails at once instead of waiting in
	 * ioredis' offline queue for up to 20 reconnects (~10 s). Such a store is a separate connection.
	 */
	failAfterMs?: number;
};

export type StoreConfig = EmbeddedStoreConfig | RedisStoreConfig;

export const DEFAULT_KEY_PREFIX = 'tiktok-shop-ops:';
