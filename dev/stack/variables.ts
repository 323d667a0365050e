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
		).run(randomUUID().replace(/-/g, '').slice(0, 16), key, value);
	} finally {
		db.close();
	}
}
