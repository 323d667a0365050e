import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACK_ROOT } from './packLoader';

/**
 * What `npm start` is running, for helper scripts in other terminals (the sample webhook needs the
 * simulator's app secret). Lives in the git-ignored .n8n-e2e/ and is removed when npm start stops.
 */
export interface Session {
	editorUrl: string;
	simulatorUrl: string;
	appKey: string;
	appSecret: string;
	accessToken: string;
	shopId: string;
	shopCipher: string;
}

const SESSION_FILE = join(PACK_ROOT, '.n8n-e2e', 'session.json');

export function writeSession(session: Session): void {
	mkdirSync(join(SESSION_FILE, '..'), { recursive: true });
	writeFileSync(SESSION_FILE, JSON.stringify(session, null, 2), { mode: 0o600 });
}

export function readSession(): Session {
	try {
		return JSON.parse(readFileSync(SESSION_FILE, 'utf8')) as Session;
	} catch {
		throw new Error(
			'No running `npm start` found (.n8n-e2e/session.json is missing). Start it first in another terminal.',
		);
	}
}

export function removeSession(): void {
	rmSync(SESSION_FILE, { force: true });
}
