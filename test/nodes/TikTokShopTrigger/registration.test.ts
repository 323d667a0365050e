import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { TikTokShopTrigger } from '../../../nodes/TikTokShopTrigger/TikTokShopTrigger.node';
import { fakeExecuteFunctions } from '../../../dev/harness/fakeExecuteFunctions';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator';

const hooks = new TikTokShopTrigger().webhookMethods.default;
let simulator: RunningSimulator;

beforeAll(async () => {
	simulator = await startSimulator();
});
afterAll(async () => simulator.close());
beforeEach(() => {
	resetBuckets();
	simulator.reset();
});

const warnings: string[] = [];
beforeEach(() => {
	warnings.length = 0;
});

function hookContext(
	parameters: IDataObject,
	url: string,
	baseUrl = simulator.url,
): IHookFunctions {
	const base = fakeExecuteFunctions({
		parameters: {},
		credentials: {
			appKey: simulator.app.appKey,
			appSecret: simulator.app.appSecret,
			accessToken: simulator.tokens.accessToken,
			refreshToken: simulator.tokens.refreshToken,
			shopCipher: simulator.shop.cipher,
			baseUrl,
			authBaseUrl: simulator.url,
		},
	});
	return {
		...base,
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNodeWebhookUrl: () => url,
		logger: {
			warn: (message: string) => warnings.push(message),
			info: () => undefined,
			debug: () => undefined,
			error: () => undefined,
		},
	} as unknown as IHookFunctions;
}

const registered = async () => {
	const context = hookContext({}, '');
	const { getTikTokClient } = await import('../../../nodes/shared/tiktok');
	const client = await getTikTokClient.call(context);
	return (
		await client.get<{ webhooks: Array<{ event_type: string; address: string }> }>(
			'/event/202309/webhooks',
		)
	).data.webhooks;
};

describe('self-registration through the Event API', () => {
	const url = 'http://127.0.0.1:5678/webhook/abc/webhook';

	it('registers the chosen types on activation, confirms them, and removes only its own on deactivation', async () => {
		const context = hookContext({ events: [1, 12, 27], registerWebhook: true }, url);
		expect(await hooks.checkExists.call(context)).toBe(false);
		expect(await hooks.create.call(context)).toBe(true);
		expect(await hooks.checkExists.call(context)).toBe(true);
		// type 27 has no Event API name: it can only be subscribed to in Partner Center
		expect(
			(await registered())
				.filter((hook) => hook.address === url)
				.map((hook) => hook.event_type)
				.sort(),
		).toEqual(['ORDER_STATUS_CHANGE', 'RETURN_STATUS_CHANGE']);

		const other = hookContext(
			{ events: [4], registerWebhook: true },
			'https://other.example.com/hook',
		);
		await hooks.create.call(other);
		await hooks.delete.call(context);
		expect((await registered()).map((hook) => hook.address)).toEqual([
			'https://other.example.com/hook',
		]);
	});

	it('warns, naming both addresses, when it takes an event type from another workflow', async () => {
		simulator.state.webhooks.length = 0;
		await hooks.create.call(
			hookContext({ events: [1, 4], registerWebhook: true }, 'https://old.example.com/hook'),
		);
		expect(warnings).toEqual([]);
		await hooks.create.call(hookContext({ events: [1], registerWebhook: true }, url));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(
			'ORDER_STATUS_CHANGE was sent to https://old.example.com/hook; it now goes to ' + url,
		);
		const byType = Object.fromEntries(
			(await registered()).map((hook) => [hook.event_type, hook.address]),
		);
		expect(byType).toEqual({
			ORDER_STATUS_CHANGE: url,
			PACKAGE_UPDATE: 'https://old.example.com/hook',
		});
	});

	it('does nothing with TikTok when registration is off', async () => {
		simulator.reset();
		const context = hookContext({ events: [1], registerWebhook: false }, url);
		expect(await hooks.checkExists.call(context)).toBe(true);
		expect(await hooks.create.call(context)).toBe(true);
		expect(await hooks.delete.call(context)).toBe(true);
		expect(simulator.requests).toHaveLength(0);
	});

	it('refuses an address TikTok would refuse, with the fix in the message', async () => {
		const context = hookContext(
			{ events: [1], registerWebhook: true },
			'http://203.0.113.7:5678/webhook/x',
			'https://open-api.tiktokglobalshop.com',
		);
		await expect(hooks.create.call(context)).rejects.toThrow(/https:\/\/.*port.*IP address/);
	});
});
