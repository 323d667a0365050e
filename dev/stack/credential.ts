import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The templates reference their credential by this id and name. In the harness the id matches the imported
 * credential. In a user's own n8n the id matches nothing, and n8n then links the credential of the same type
 * with this name: the name n8n gives a new "TikTok Shop API" credential by default. Otherwise the user picks
 * one in the node.
 */
export const TEMPLATE_CREDENTIAL = {
	id: 'tiktokShopApiCred',
	name: 'TikTok Shop API account',
} as const;

/** What the harness needs from a running simulator to build a credential for it. */
export interface SimulatorAccess {
	url: string;
	app: { appKey: string; appSecret: string };
	shop: { id: string; name: string; cipher: string };
	tokens: { accessToken: string; refreshToken: string; accessTokenExpiresAt: number };
}

/** One entry of an `n8n import:credentials` file; `data` is plain, and the import encrypts it. */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** Writes an `n8n import:credentials` file holding the given credentials. */
export async function writeCredentials(
	folder: string,
	credentials: CredentialImport[],
): Promise<string> {
	const file = join(folder, 'credentials.json');
	await writeFile(file, JSON.stringify(credentials, null, 2));
	return file;
}

/** A TikTok Shop API credential pointing at the simulator. */
export function simulatorCredential(simulator: SimulatorAccess): CredentialImport {
	return {
		...TEMPLATE_CREDENTIAL,
		type: 'tikTokShopApi',
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
}
