import { TikTokShop } from '../../../nodes/TikTokShop/TikTokShop.node';
import { authorizationStatus } from '../../../nodes/shared/tiktok/authorizationStatus';
import { processCache } from '../../../nodes/shared/processCaches';
import { runNode } from '../../../dev/harness/fakeExecuteFunctions';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator/index';

const node = new TikTokShop().nodeVersions[1];
const DAY = 86_400;

let sim: RunningSimulator;
beforeAll(async () => {
	sim = await startSimulator({ orders: 5 });
});
afterAll(() => sim.close());

describe('TikTok Shop: Authorization → Get Status', () => {
	it('connects from a pasted code and lists the shop with the token expiry and the days left', async () => {
		const credentials = {
			appKey: sim.app.appKey,
			appSecret: sim.app.appSecret,
			authCode: sim.issueAuthCode(),
			baseUrl: sim.url,
			authBaseUrl: sim.url,
		};
		const [items] = await runNode(node, {
			parameters: { resource: 'authorization', operation: 'getStatus', requestOptions: {} },
			credentials,
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			shop_id: sim.shop.id,
			shop_name: sim.shop.name,
			region: 'US',
			supported: true,
			seller_name: sim.shop.name,
			authorization_status: 'ok',
		});
		expect(items[0].json.authorization_days_left).toBeGreaterThanOrEqual(364);
		expect(Date.parse(String(items[0].json.access_token_expires_at))).toBeGreaterThan(Date.now());
		// The credential saved what the exchange returned (n8n's part, played by the harness).
		expect(credentials).toMatchObject({ accessToken: expect.stringMatching(/^TTP_/) });
	});
});

describe('bad input, as the node shows it (naming the credential field to fix)', () => {
	const run = (credentials: Record<string, unknown>) =>
		runNode(node, {
			parameters: { resource: 'logistics', operation: 'getWarehouses', requestOptions: {} },
			credentials: {
				appKey: sim.app.appKey,
				appSecret: sim.app.appSecret,
				baseUrl: sim.url,
				authBaseUrl: sim.url,
				...credentials,
			},
		}).catch((error: Error) => error);

	it('an authorization code that was already used', async () => {
		const code = sim.issueAuthCode();
		await run({ authCode: code }); // the first use exchanges it
		// A second credential with the same code (pasted twice), in a process that has not seen the first answer.
		processCache('tiktokSettledGrants').clear();
		const error = await run({ authCode: code });
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toContain('Authorization Code ("authCode") was refused');
	});

	it('a wrong App Secret', async () => {
		const error = await run({ authCode: sim.issueAuthCode(), appSecret: 'not-the-secret-1234' });
		expect((error as Error).message).toContain('App Secret ("appSecret")');
		expect((error as Error).message).not.toContain('not-the-secret-1234');
	});

	it('neither a code nor a token', async () => {
		const error = await run({});
		expect((error as Error).message).toContain('Authorization Code ("authCode") is empty');
	});
});

describe('authorizationStatus', () => {
	const shop = { id: '1', name: 'A', region: 'US', seller_type: 'LOCAL', cipher: 'c', code: 'x' };
	const now = 1_800_000_000;

	it.each([
		[now + 40 * DAY, 40, 'ok'],
		[now + 14 * DAY, 14, 'expiring'],
		[now - DAY, -1, 'expired'],
	])('refresh token expiring at %i: %i days left, %s', (expiresAt, days, status) => {
		const [item] = authorizationStatus([shop], { refreshTokenExpiresAt: expiresAt }, now);
		expect(item).toMatchObject({ authorization_days_left: days, authorization_status: status });
	});

	it('says unknown when the expiry was never recorded (tokens typed in by hand)', () => {
		const [item] = authorizationStatus([shop], {}, now);
		expect(item).toMatchObject({
			authorization_days_left: null,
			authorization_expires_at: null,
			authorization_status: 'unknown',
		});
	});

	it('flags a shop outside the US as not supported', () => {
		const [item] = authorizationStatus([{ ...shop, region: 'GB' }], {}, now);
		expect(item.supported).toBe(false);
	});
});
