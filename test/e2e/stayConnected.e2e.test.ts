import { describeFailure, type Execution } from '../../dev/stack/n8nApi';
import type { N8nInstance } from '../../dev/stack/n8nInstance';
import { freePort } from '../../dev/stack/ports';
import { startStack, type Stack } from '../../dev/stack/stack';
import { seedWorld } from '../../dev/simulator/seed/index';

/**
 * Issue #22 as it fails in life, in real n8n 2.41.1: a credential made from App Key, App Secret and an
 * authorization code only; the simulator retires a refresh token when it is used and expires access tokens on
 * demand. The credential exchanges the code once, renews the token when TikTok answers 105002, n8n saves the
 * renewed tokens, and after a restart the shop is still connected without a new authorization.
 */
const CODE = 'TTP_e2eConnectCode0123456789';
const CREDENTIAL = { id: 'ttsConnectByCode', name: 'TikTok Shop (connected by code)' };
const WORKFLOW_ID = 'ttsE2eStayConnected';
const TRIGGER = 'Run';

const workflow = {
	id: WORKFLOW_ID,
	name: 'Stay connected (e2e)',
	active: false,
	settings: {},
	connections: { [TRIGGER]: { main: [[{ node: 'Warehouses', type: 'main', index: 0 }]] } },
	nodes: [
		{
			id: 'run',
			name: TRIGGER,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'warehouses',
			name: 'Warehouses',
			type: 'n8n-nodes-tiktok-shop-ops.tikTokShop',
			typeVersion: 1,
			position: [220, 0],
			parameters: { resource: 'logistics', operation: 'getWarehouses' },
			credentials: { tikTokShopApi: CREDENTIAL },
		},
	],
};

describe('A shop connected by authorization code stays connected (n8n 2.41.1)', () => {
	let stack: Stack;
	let restarted: N8nInstance | undefined;
	let simulatorUrl: string;

	beforeAll(async () => {
		const port = await freePort();
		simulatorUrl = `http://127.0.0.1:${port}`;
		stack = await startStack({
			setupOwner: true,
			publish: [],
			simulator: { port, authCodes: [CODE] },
			extraWorkflows: [workflow],
			credentials: [
				{
					...CREDENTIAL,
					type: 'tikTokShopApi',
					data: {
						// The simulator's app for its default seed (the same seed gives the same app).
						...seedWorld(1, 0, Math.floor(Date.now() / 1000)).app,
						authCode: CODE,
						baseUrl: simulatorUrl,
						authBaseUrl: simulatorUrl,
					},
				},
			],
		});
		expect(stack.simulator.app).toEqual(seedWorld(1, 0, 0).app);
	}, 900_000);

	afterAll(async () => {
		await restarted?.stop().catch(() => undefined);
		await stack?.stop();
	});

	const tokenCalls = () =>
		stack.simulator.requests
			.map((request) => request.path)
			.filter((path) => path.startsWith('/api/v2/token/'));

	async function run(api = stack.api): Promise<Execution> {
		const execution = await api.waitForExecution(await api.runManually(WORKFLOW_ID, TRIGGER));
		expect([execution.status, describeFailure(execution)]).toEqual(['success', expect.anything()]);
		return execution;
	}

	it('the credential test exchanges the code and names the shop and the expiry dates', async () => {
		const saved = await stack.api.credential(CREDENTIAL.id);
		const result = await stack.api.testCredential(saved);
		expect(result.status).toBe('OK');
		expect(result.message).toContain(
			`"${stack.simulator.shop.name}" (id ${stack.simulator.shop.id}, US)`,
		);
		expect(result.message).toMatch(/Access token valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
		expect(result.message).toMatch(/Authorization valid until \d{4}-\d\d-\d\d/);
		expect(tokenCalls()).toEqual(['/api/v2/token/get']);
	});

	it('the first run uses that exchange (the code works once) and n8n saves the tokens', async () => {
		await run();
		expect(tokenCalls()).toEqual(['/api/v2/token/get']);
		// Hidden fields come back as saved: the connection is recorded (its value is blanked like a secret).
		const saved = await stack.api.credential(CREDENTIAL.id);
		expect(saved.data.connection).toBeTruthy();
		expect(saved.data.sellerBaseRegion).toBe('US');
	});

	it('renews when TikTok says the token expired (105002), with the refresh token it rotates', async () => {
		stack.simulator.expireAccessToken();
		await run();
		expect(tokenCalls()).toEqual(['/api/v2/token/get', '/api/v2/token/refresh']);
		await run();
		expect(tokenCalls()).toHaveLength(2);
	});

	it('after a restart of n8n it keeps working without a new authorization', async () => {
		await stack.n8n.stop();
		restarted = await stack.setup.start();
		await stack.api.login();
		await run();
		// No exchange and no renewal: the renewed tokens were read from n8n's database.
		expect(tokenCalls()).toHaveLength(2);
		// Expire again: the renewal after the restart must use the refresh token saved by the last one (the first is
		// retired), which only works if n8n saved it.
		stack.simulator.expireAccessToken();
		await run();
		expect(tokenCalls()).toEqual([
			'/api/v2/token/get',
			'/api/v2/token/refresh',
			'/api/v2/token/refresh',
		]);
		const refreshes = stack.simulator.requests.filter((request) =>
			request.path.startsWith('/api/v2/token/refresh'),
		);
		expect(refreshes.every((request) => request.status === 200)).toBe(true);
	});
});
