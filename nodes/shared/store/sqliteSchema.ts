/**
 * Tables of the embedded store. `IF NOT EXISTS` because every process (n8n main, task runner,
 * a second instance on the same folder) runs this on open; WITHOUT ROWID because every lookup is by
 * the composite primary key.
 *
 * `records.lease` is the token of the takeDue() that holds the record (NULL when none); files made before it
 * existed get the column from ADDED_COLUMNS.
 *
 * `movements.kind` holds the MovementKind values plus 'count' for keyed setOnHand() calls.
 */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
	namespace TEXT NOT NULL,
	key TEXT NOT NULL,
	value TEXT NOT NULL,
	expires_at INTEGER,
	PRIMARY KEY (namespace, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entries_by_expiry ON entries (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS watermarks (
	namespace TEXT NOT NULL,
	key TEXT NOT NULL,
	value REAL NOT NULL,
	PRIMARY KEY (namespace, key)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS records (
	namespace TEXT NOT NULL,
	id TEXT NOT NULL,
	record TEXT NOT NULL,
	due_at INTEGER,
	lease TEXT,
	PRIMARY KEY (namespace, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS records_by_due ON records (namespace, due_at);

CREATE TABLE IF NOT EXISTS stock (
	ledger TEXT NOT NULL,
	sku TEXT NOT NULL,
	on_hand INTEGER NOT NULL,
	PRIMARY KEY (ledger, sku)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS movements (
	ledger TEXT NOT NULL,
	key TEXT NOT NULL,
	sku TEXT NOT NULL,
	delta INTEGER NOT NULL,
	at_ms INTEGER NOT NULL,
	kind TEXT NOT NULL,
	PRIMARY KEY (ledger, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS movements_by_sku_time ON movements (ledger, sku, kind, at_ms);
`;

/** Columns added after the first release, for files created before them. Safe to run from several processes. */
export const ADDED_COLUMNS: Array<{ table: string; column: string; definition: string }> = [
	{ table: 'records', column: 'lease', definition: 'TEXT' },
];
