import { describeFailure, nodeOutput } from '../../dev/stack/n8nApi';
import type { OutboxMessage } from '../../dev/stack/smtpOutbox';
import { startStack, type Stack } from '../../dev/stack/stack';
import { productionWebhookUrl, template } from '../../dev/stack/templates';

const TRIGGER = 'TikTok Shop Trigger';
const DAILY = 'Every morning';
const LINK = 'https://services.tiktokshops.us/open/authorize?service_id=YOUR_SERVICE_ID';
const DAY = 86_400;

/**
 * workflows/keep-the-shop-connected.json in n8n 2.41.1: webhooks 6 and 7 each give one alert with the
 * re-authorization steps, and the daily check warns when the authorization ends within 14 days though no webhook
 * came. The simulator grants authorizations of 10 days, so the first renewal records an expiry inside the window.
 */
describe('workflows/keep-the-shop-connected.json in n8n 2.41.1', () => {
	const workflow = template('keep-the-shop-connected.json');
	let stack: Stack;
	let url: string;

	beforeAll(async () => {
		stack = await startStack({
			setupOwner: true,
			publish: [workflow.id],
			simulator: { refreshTokenTtlSeconds: 10 * DAY },
		});
		url = productionWebhookUrl(stack.n8n.url, workflow, TRIGGER);
	}, 900_000);

	afterAll(async () => {
		await stack?.stop();
	});

	async function mailsAfter(send: () => Promise<unknown>): Promise<OutboxMessage[]> {
		const before = stack.outbox.messages.length;
		await send();
		await stack.outbox.waitFor(1, { sinceIndex: before, timeoutMs: 60_000 });
		// Anything beyond one mail would be a duplicate alert.
		await new Promise((resolve) => setTimeout(resolve, 2000));
		return stack.outbox.messages.slice(before);
	}

	it('is active and has registered its webhook for types 6 and 7', async () => {
		expect((await stack.api.workflow(workflow.id)).active).toBe(true);
		expect(
			stack.simulator.state.webhooks
				.filter((hook) => hook.address === url)
				.map((hook) => hook.event_type)
				.sort(),
		).toEqual(['SELLER_DEAUTHORIZATION', 'UPCOMING_AUTHORIZATION_EXPIRATION']);
	});

	it('type 7: one alert with the expiry date and the re-authorization steps', async () => {
		const expiresAt = Math.floor(Date.now() / 1000) + 30 * DAY;
		const mails = await mailsAfter(() =>
			stack.simulator.webhooks.send(url, {
				type: 7,
				shop_id: stack.simulator.shop.id,
				data: {
					message: 'Your authorization will expire in 30 days',
					expiration_time: String(expiresAt),
				},
			}),
		);
		expect(mails).toHaveLength(1);
		expect(mails[0].to).toContain('operations@example.com');
		expect(mails[0].subject).toBe(
			`TikTok Shop: the authorization for shop ${stack.simulator.shop.id} expires on ${new Date(expiresAt * 1000).toISOString().slice(0, 10)}`,
		);
		expect(mails[0].html).toContain(LINK);
		expect(mails[0].html).toContain('Authorization Code');
		expect(mails[0].html).toContain('Your authorization will expire in 30 days');
	});

	it('type 6: one alert that the seller removed the app', async () => {
		const mails = await mailsAfter(() =>
			stack.simulator.webhooks.send(url, {
				type: 6,
				shop_id: stack.simulator.shop.id,
				data: { message: 'The seller deauthorized your app' },
			}),
		);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toBe(
			`TikTok Shop: the seller removed the app, shop ${stack.simulator.shop.id} is disconnected`,
		);
		expect(mails[0].html).toContain(LINK);
	});

	it('daily: warns 14 days ahead without any webhook, from the expiry the credential saved', async () => {
		// The hand-typed simulator credential learns its authorization's end at its first renewal.
		stack.simulator.expireAccessToken();
		let execution;
		const mails = await mailsAfter(async () => {
			execution = await stack.api.waitForExecution(await stack.api.runManually(workflow.id, DAILY));
			expect([execution.status, describeFailure(execution)]).toEqual([
				'success',
				expect.anything(),
			]);
		});
		const status = nodeOutput(execution!, 'Authorization status');
		expect(status).toEqual([
			expect.objectContaining({
				shop_id: stack.simulator.shop.id,
				region: 'US',
				authorization_status: 'expiring',
			}),
		]);
		// Whole days left of the 10-day authorization granted by the renewal a moment ago.
		expect([9, 10]).toContain(status[0].authorization_days_left);
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toMatch(
			/^TikTok Shop: authorization ends in (9|10) day\(s\) \(\d{4}-\d\d-\d\d\), 1 shop\(s\)$/,
		);
		expect(mails[0].html).toContain(stack.simulator.shop.name);
		expect(mails[0].html).toContain(LINK);
		expect(
			stack.simulator.requests.filter((request) => request.path === '/api/v2/token/refresh'),
		).toHaveLength(1);
	});
});
