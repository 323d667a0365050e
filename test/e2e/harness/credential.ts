import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The templates reference their credential by this id and name. In the harness the id matches the imported
 * credential. In a user's own n8n the id matches nothing, and n8n then links the credential of the same type
 * with this name: the name n8n gives a new "TikTok Shop API" credential by default. Otherwise the user picks
 * one in the node.
 */
export const TEMPLATE_CREDENTIAL = { id: 'tiktokShopApiCred', name: 'TikTok Shop API account' } as const;

/** What the harness needs from a running simulator to build a credential for it. */
export interface SimulatorAccess {
	url: string;
	app: { appKey: string; appSecret: string };
	shop: { id: string; name: string; cipher: string };
	tokens: { accessToken: string; refreshToken: string; accessTokenExpiresAt: number };
}

/** Writes an `n8n import:credentials` file for a TikTok Shop API credential pointing at the simulator. */
export async function writeSimulatorCredential(folder: string, simulator: SimulatorAccess): Promise<string> {
	const file = join(folder, 'credentials.json');
	const credential = {
		...TEMPLATE_CREDENTIAL,
		type: 'tikTokShopApi',
		// A plain object: import:credentials encrypts it with this instance's key.
		data: {
			appKey: simulator.app.appKey,
			appSecret: simulator.app.appSecret,
			accessToken: simulator.tokens.accessToken,
			refreshToken: simulator.tokens.refreshToken,
			accessTokenExpiresAt: simulator.tokens.accessTokenExpiresAt,
			shopCipher: simulator.shop.cipher,
			baseUrl: simulator.url,
			authBaseUrl: simulator.url,
		},
	};
	await writeFile(file, JSON.stringify([credential], null, 2));
	return file;
}
