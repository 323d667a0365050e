import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { openStore } from './store';

/** The "Test" button of the TikTok Shop Ops Redis credential, offered by every node that can use it. */
export async function tikTokShopRedisTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	try {
		const store = await openStore({
			kind: 'redis',
			host: data.host as string,
			port: data.port as number,
			username: (data.user as string) || undefined,
			password: (data.password as string) || undefined,
			db: data.database as number,
			tls: data.ssl as boolean,
			keyPrefix: (data.keyPrefix as string) || undefined,
		});
		await store.getValue('credential-test', 'ping');
		return { status: 'OK', message: 'Connected to Redis' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
