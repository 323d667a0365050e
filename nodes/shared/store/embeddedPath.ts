import { join } from 'node:path';

export const EMBEDDED_FILE_NAME = 'tiktok-shop-ops.sqlite';

/**
 * `<n8n folder>/tiktok-shop-ops.sqlite`, where the n8n folder is found the way n8n itself finds it
 * (@n8n/config getN8nFolder): N8N_USER_FOLDER, else the home directory, else the working directory,
 * plus `.n8n`. So the file sits beside n8n's own database and moves with its volume in Docker.
 */
export function defaultEmbeddedPath(env: NodeJS.ProcessEnv = process.env): string {
	const homeVariable = process.platform === 'win32' ? 'USERPROFILE' : 'HOME';
	const userHome = env.N8N_USER_FOLDER ?? env[homeVariable] ?? process.cwd();
	return join(userHome, '.n8n', EMBEDDED_FILE_NAME);
}
