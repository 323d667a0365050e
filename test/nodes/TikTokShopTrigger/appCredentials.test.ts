import type { IWebhookFunctions } from 'n8n-workflow';

import {
	APP_SECRET_TTL_MS,
	appSecretOf,
} from '../../../nodes/TikTokShopTrigger/webhook/appCredentials';

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

	it('shares one credential load between deliveries that arrive together', async () => {
		const { fake, loads } = context('cred-burst', () => 'secret');
		const answers = await Promise.all(Array.from({ length: 50 }, () => appSecretOf(fake, 7)));
		expect(answers.every((answer) => answer.appSecret === 'secret')).toBe(true);
		expect(loads()).toBe(1);
	});

	it('does not keep a failed load: the next delivery loads the credential again', async () => {
		let fail = true;
		const { fake, loads } = context('cred-flaky', () => {
			if (fail) throw new Error('database busy');
			return 'secret';
		});
		await expect(appSecretOf(fake, 9)).rejects.toThrow('database busy');
		fail = false;
		expect((await appSecretOf(fake, 10)).appSecret).toBe('secret');
		expect(loads()).toBe(2);
	});
});
