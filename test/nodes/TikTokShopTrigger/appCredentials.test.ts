import type { IWebhookFunctions } from 'n8n-workflow';

import { APP_SECRET_TTL_MS, appSecretOf } from '../../../nodes/TikTokShopTrigger/webhook/appCredentials';

function context(credentialId: string, secret: () => string) {
	let loads = 0;
	const fake = {
		getNode: () => ({ id: 'n1', credentials: { tikTokShopApi: { id: credentialId, name: 'x' } } }),
		getWorkflow: () => ({ id: 'wf' }),
		getCredentials: async () => {
			loads++;
			return { appKey: ' key ', appSecret: secret() };
		},
	} as unknown as IWebhookFunctions;
	return { fake, loads: () => loads };
}

describe('webhook app secret', () => {
	it('loads the credential once per minute per credential, and picks up an edited secret after that', async () => {
		let secret = 'first';
		const { fake, loads } = context('cred-a', () => secret);
		expect(await appSecretOf(fake, 1_000)).toEqual({ appKey: 'key', appSecret: 'first' });
		secret = 'second';
		expect((await appSecretOf(fake, 1_000 + APP_SECRET_TTL_MS - 1)).appSecret).toBe('first');
		expect(loads()).toBe(1);
		expect((await appSecretOf(fake, 1_000 + APP_SECRET_TTL_MS)).appSecret).toBe('second');
		expect(loads()).toBe(2);
	});

	it('keeps credentials apart', async () => {
		const a = context('cred-x', () => 'secret-x');
		const b = context('cred-y', () => 'secret-y');
		expect((await appSecretOf(a.fake, 5)).appSecret).toBe('secret-x');
		expect((await appSecretOf(b.fake, 5)).appSecret).toBe('secret-y');
	});
});
