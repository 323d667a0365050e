import { homedir } from 'node:os';
import { join } from 'node:path';

/** The n8n release the pack is tested against. 2.41.3 (latest) does not install from the registry; see ../shared/n8n-runtime.md. */
export const N8N_VERSION = '2.41.1';

/**
 * Lives outside the clone so that `npm ci` stays small and every clone and CI run on the machine shares one
 * ~3 GB n8n install.
 */
export function cacheRoot(): string {
	if (process.env.TIKTOK_SHOP_OPS_CACHE) return process.env.TIKTOK_SHOP_OPS_CACHE;
	const xdg = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(xdg, 'n8n-nodes-tiktok-shop-ops');
}

export interface N8nPaths {
	/** Folder holding package.json and node_modules of the n8n install. */
	dir: string;
	bin: string;
	/** Written last by the installer: an install without it is incomplete and is redone. */
	marker: string;
	lock: string;
	log: string;
	/** Node's headers for this exact Node version, needed to compile sqlite3 against it. */
	nodeHeadersDir: string;
}

export function n8nPaths(root = cacheRoot()): N8nPaths {
	const dir = join(root, `n8n-${N8N_VERSION}`);
	return {
		dir,
		bin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		marker: join(dir, '.install-complete'),
		lock: join(root, `n8n-${N8N_VERSION}.lock`),
		log: join(dir, 'install.log'),
		nodeHeadersDir: join(root, 'node-headers'),
	};
}
