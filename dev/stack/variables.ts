import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';

/**
 * Sets a global n8n variable ($vars.<key>) in a stopped instance's database. Creating variables through n8n
 * needs a licence; reading them in expressions does not, so the harness writes the row itself, before start.
 */
export function setVariable(databasePath: string, key: string, value: string): void {
	const db = new DatabaseSync(databasePath);
	try {
		db.prepare('DELETE FROM variables WHERE key = ? AND projectId IS NULL').run(key);
		db.prepare(
			"INSERT INTO variables (id, key, type, value, projectId) VALUES (?, ?, 'string', ?, NULL)",
		).run(variableId(), key, value);
	} finally {
		db.close();
	}
}

/** The same row in PostgreSQL (queue mode), through psql: `sql` runs one statement. */
export async function setPostgresVariable(
	sql: (statement: string) => Promise<string>,
	key: string,
	value: string,
): Promise<void> {
	const text = (raw: string) => `'${raw.replace(/'/g, "''")}'`;
	await sql(
		`BEGIN; DELETE FROM variables WHERE key = ${text(key)} AND "projectId" IS NULL; ` +
			`INSERT INTO variables (id, key, type, value, "projectId") VALUES (${text(variableId())}, ${text(key)}, 'string', ${text(value)}, NULL); COMMIT;`,
	);
}

const variableId = () => randomUUID().replace(/-/g, '').slice(0, 16);
