import nock from 'nock';
import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { TikTokShopApi } from '../../credentials/TikTokShopApi.credentials';
import {
	REFRESH_MARGIN_SECONDS,
	connectionValue,
	planAuthorization,
} from '../../nodes/shared/tiktok/authorization';
import {
	AuthorizationRenewalNeeded,
	SENT_TOKEN_HEADER,
	settleSentToken,
} from '../../nodes/shared/tiktok/credentialAuthorization';
import { checkConnection } from '../../nodes/shared/tiktok/credentialTest';
import { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import { fetchTransport } from '../../dev/harness/fetchTransport';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/index';

const credential = new TikTokShopApi();
const now = () => Math.floor(Date.now() / 1000);

/** The helper n8n hands to preAuthentication: its httpRequest, here plain fetch. */
const helper: IHttpRequestHelper = {
	helpers: {
		httpRequest: (async (options: IHttpRequestOptions) => {
			const answer = await fetchTransport({
				method: 'GET',
				url: options.url,
				headers: {},
			});
			return { statusCode: answer.status, body: Buffer.from(answer.body) };
		}) as IHttpRequestHelper['helpers']['httpRequest'],
	},
};

function preAuthenticate(data: ICredentialDataDecryptedObject) {
	return credential.preAuthentication!.call(helper, data);
}

async function authenticate(data: ICredentialDataDecryptedObject, options: IHttpRequestOptions) {
	return (
		credential.authenticate as (
			c: ICredentialDataDecryptedObject,
			o: IHttpRequestOptions,
		) => Promise<IHttpRequestOptions>
	)(data, options);
}

let sim: RunningSimulator;
beforeAll(async () => {
	sim = await startSimulator({ orders: 5 });
});
afterAll(() => sim.close());

function pasted(overrides: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
	return {
		appKey: sim.app.appKey,
		appSecret: sim.app.appSecret,
		authCode: sim.issueAuthCode(),
		accessToken: '',
		refreshToken: '',
		accessTokenExpiresAt: 0,
		shopCipher: '',
		shop: '',
		baseUrl: sim.url,
		authBaseUrl: sim.url,
		connection: '',
		...overrides,
	};
}

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a failure');
}

describe('connecting with an authorization code', () => {
	it('exchanges the code and returns the tokens, their absolute expiry and the seller for n8n to save', async () => {
		const data = pasted();
		const saved = await preAuthenticate(data);
		expect(saved).toMatchObject({
			accessToken: expect.stringMatching(/^TTP_/),
			refreshToken: expect.stringMatching(/^TTP_/),
			sellerBaseRegion: 'US',
			sellerName: sim.shop.name,
		});
		expect(saved.accessTokenExpiresAt).toBeGreaterThan(now() + 6 * 86400);
		expect(saved.refreshTokenExpiresAt).toBeGreaterThan(now() + 300 * 86400);
		expect(String(saved.connection)).not.toContain(String(data.authCode));
		// Saved, the credential is connected: nothing more to do before a request.
		expect(planAuthorization({ ...data, ...saved } as never, now())).toEqual({ action: 'none' });
	});

	it('signs requests with the exchanged token, and the simulator accepts them', async () => {
		const data = pasted();
		Object.assign(data, await preAuthenticate(data));
		const signed = await authenticate(data, {
			url: `${sim.url}/authorization/202309/shops`,
			method: 'GET',
		});
		const query = new URLSearchParams(signed.qs as Record<string, string>);
		const answer = await fetchTransport({
			method: 'GET',
			url: `${signed.url}?${query}`,
			headers: signed.headers as Record<string, string>,
		});
		expect(JSON.parse(answer.body)).toMatchObject({ code: 0 });
	});

	it('exchanges a code once: the credential test and the first run share the answer', async () => {
		const data = pasted();
		const first = await preAuthenticate({ ...data });
		const second = await preAuthenticate({ ...data });
		expect(second.accessToken).toBe(first.accessToken);
	});

	it('names Authorization Code when the code is used or expired', async () => {
		const error = await failure(preAuthenticate(pasted({ authCode: 'ROW_used-or-expired-code' })));
		expect(error.message).toContain('Authorization Code ("authCode")');
		expect(error.message).toContain('works once and for 30 minutes');
		expect(error.message).not.toContain('ROW_used-or-expired-code');
	});

	it('names App Secret when the secret is wrong, and never shows it', async () => {
		const error = await failure(preAuthenticate(pasted({ appSecret: 'wrong-secret-1234' })));
		expect(error.message).toContain('App Secret ("appSecret")');
		expect(error.message).not.toContain('wrong-secret-1234');
	});

	it('asks for a code when neither a code nor a token is there', async () => {
		const error = await failure(preAuthenticate(pasted({ authCode: '' })));
		expect(error.message).toContain('Authorization Code ("authCode") is empty');
	});

	it('exchanges a newly pasted code in a connected credential (re-authorization)', async () => {
		const data = pasted();
		Object.assign(data, await preAuthenticate(data));
		data.authCode = sim.issueAuthCode();
		expect(planAuthorization(data as never, now()).action).toBe('exchange');
		await expect(authenticate(data, { url: `${sim.url}/x` })).rejects.toBeInstanceOf(
			AuthorizationRenewalNeeded,
		);
		const saved = await preAuthenticate(data);
		expect(saved.accessToken).not.toBe(data.accessToken);
	});
});

describe('renewing the access token', () => {
	it('asks n8n to renew (HTTP 401 shape) within five minutes of expiry, not earlier', async () => {
		const data = pasted();
		Object.assign(data, await preAuthenticate(data));
		data.accessTokenExpiresAt = now() + REFRESH_MARGIN_SECONDS + 60;
		await expect(authenticate(data, { url: `${sim.url}/x` })).resolves.toBeDefined();
		data.accessTokenExpiresAt = now() + REFRESH_MARGIN_SECONDS - 1;
		const error = await failure(authenticate(data, { url: `${sim.url}/x` }));
		expect(error).toBeInstanceOf(AuthorizationRenewalNeeded);
		expect((error as AuthorizationRenewalNeeded).response.status).toBe(401);
	});

	it('renews with the rotated refresh token; the old one is refused afterwards', async () => {
		const data = pasted();
		Object.assign(data, await preAuthenticate(data));
		const oldRefresh = String(data.refreshToken);
		data.accessTokenExpiresAt = now() - 1;
		const renewed = await preAuthenticate({ ...data });
		expect(renewed.refreshToken).not.toBe(oldRefresh);
		expect(renewed.accessTokenExpiresAt).toBeGreaterThan(now());
		// Another process that still holds the old refresh token (not this process: it remembers the answer).
		const answer = await fetchTransport({
			method: 'GET',
			url: `${sim.url}/api/v2/token/refresh?app_key=${sim.app.appKey}&app_secret=${sim.app.appSecret}&refresh_token=${oldRefresh}&grant_type=refresh_token`,
			headers: {},
		});
		expect(JSON.parse(answer.body)).toMatchObject({
			code: 36004005,
			message: 'can not find related auth record',
		});
	});

	it('renews a token TikTok refused (105002) though the clock says it is valid', async () => {
		const data = pasted();
		Object.assign(data, await preAuthenticate(data));
		const options = { url: `${sim.url}/x`, headers: { [SENT_TOKEN_HEADER]: 'req-1' } };
		await authenticate(data, options);
		settleSentToken('req-1', true);
		await expect(authenticate(data, { url: `${sim.url}/x` })).rejects.toBeInstanceOf(
			AuthorizationRenewalNeeded,
		);
		const renewed = await preAuthenticate({ ...data });
		expect(renewed.accessToken).not.toBe(data.accessToken);
	});

	it('names Refresh Token when the renewal is refused', async () => {
		const error = await failure(
			preAuthenticate(
				pasted({
					authCode: '',
					accessToken: 'TTP_old',
					refreshToken: 'TTP_retired',
					accessTokenExpiresAt: now() - 10,
				}),
			),
		);
		expect(error.message).toContain('Refresh Token ("refreshToken")');
		expect(error.message).toContain('paste the new code into Authorization Code');
	});

	it('keeps credentials with tokens typed in by hand working: adopts them without a network call', async () => {
		const data = pasted({
			authCode: '',
			accessToken: sim.tokens.accessToken,
			refreshToken: sim.tokens.refreshToken,
			accessTokenExpiresAt: sim.tokens.accessTokenExpiresAt,
		});
		const saved = await preAuthenticate(data);
		expect(saved).toEqual({
			connection: connectionValue({ accessToken: sim.tokens.accessToken }),
		});
	});

	it('does not send the pack request tag to TikTok', async () => {
		const data = pasted();
		Object.assign(data, await preAuthenticate(data));
		const signed = await authenticate(data, {
			url: `${sim.url}/x`,
			headers: { [SENT_TOKEN_HEADER]: 'req-2' },
		});
		expect(Object.keys(signed.headers ?? {})).not.toContain(SENT_TOKEN_HEADER);
		settleSentToken('req-2', false);
	});
});

describe('a region other than the US', () => {
	afterEach(() => nock.cleanAll());

	it('refuses a code of a non-US seller, naming Authorization Code', async () => {
		nock('https://auth.example.test')
			.get('/api/v2/token/get')
			.query(true)
			.reply(200, {
				code: 0,
				message: 'success',
				data: {
					access_token: 'GCP_a',
					access_token_expire_in: now() + 7 * 86400,
					refresh_token: 'GCP_r',
					refresh_token_expire_in: now() + 365 * 86400,
					seller_name: 'UK Shop',
					seller_base_region: 'GB',
				},
			});
		const error = await failure(
			preAuthenticate(pasted({ authBaseUrl: 'https://auth.example.test', authCode: 'GCP_code' })),
		);
		expect(error.message).toContain('Authorization Code ("authCode")');
		expect(error.message).toContain('region GB');
	});
});

describe('the credential test', () => {
	it('names the shop it reaches and the expiry dates', async () => {
		const message = await checkConnection(pasted() as never, fetchTransport, now());
		expect(message).toContain(`"${sim.shop.name}" (id ${sim.shop.id}, US)`);
		expect(message).toMatch(/Access token valid until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
		expect(message).toMatch(/Authorization valid until \d{4}-\d\d-\d\d/);
	});

	it('in queue mode, leaves a pasted code unused for the first run to exchange and save', async () => {
		const sent: string[] = [];
		const counting: typeof fetchTransport = async (request) => {
			sent.push(request.url);
			return await fetchTransport(request);
		};
		const data = pasted();
		const message = await checkConnection(data as never, counting, now(), { queueMode: true });
		expect(sent).toEqual([]);
		expect(message).toContain('queue mode');
		expect(message).toContain('Authorization Code');
		// The code is still good: the first run (n8n's preAuthentication) exchanges it.
		expect(await preAuthenticate(data)).toMatchObject({
			accessToken: expect.stringMatching(/^TTP_/),
		});
	});

	it('names Authorization Code when the code was already used or expired', async () => {
		const error = await failure(
			checkConnection(
				pasted({ authCode: 'ROW_never-issued-code' }) as never,
				fetchTransport,
				now(),
			),
		);
		expect(error.message).toContain('Authorization Code ("authCode") was refused');
		expect(error.message).toContain('36004005');
	});

	it('names Shop when the default shop is not covered by the authorization', async () => {
		const error = await failure(
			checkConnection(pasted({ shop: 'Somebody Else' }) as never, fetchTransport, now()),
		);
		expect(error.message).toContain('Shop (ID or Name) ("shop")');
		expect(error.message).toContain(sim.shop.name);
	});

	it('names App Secret when TikTok rejects the signature', async () => {
		const error = await failure(
			checkConnection(
				pasted({
					authCode: '',
					accessToken: sim.tokens.accessToken,
					appSecret: 'not-the-secret',
				}) as never,
				fetchTransport,
				now(),
			),
		);
		expect(error.message).toContain('App Secret ("appSecret")');
		expect(error.message).toContain('106001');
	});

	it('does not renew an expired token (it could not be saved): it says the next run renews it', async () => {
		const data = pasted();
		Object.assign(data, await preAuthenticate(data));
		sim.expireAccessToken();
		const message = await checkConnection(data as never, fetchTransport, now());
		expect(message).toContain('App Key and App Secret are right');
		expect(message).toContain('renews it at the next run');
	});

	it('names Access Token when tokens pasted by hand cover only non-US shops', async () => {
		nock('https://api.example.test')
			.get('/authorization/202309/shops')
			.query(true)
			.reply(200, {
				code: 0,
				message: 'Success',
				data: {
					shops: [
						{
							id: '1',
							name: 'UK Shop',
							region: 'GB',
							cipher: 'GCP_c',
							code: 'x',
							seller_type: 'LOCAL',
						},
					],
				},
			});
		const error = await failure(
			checkConnection(
				pasted({
					authCode: '',
					accessToken: 'GCP_token',
					baseUrl: 'https://api.example.test',
				}) as never,
				fetchTransport,
				now(),
			),
		);
		expect(error.message).toContain('Access Token ("accessToken")');
		expect(error.message).toContain('outside the US (GB)');
		nock.cleanAll();
	});
});

describe('the client when the credential authenticates', () => {
	it('sends unsigned requests and tries once more after 105002 (the credential renews in between)', async () => {
		const seen: string[] = [];
		let calls = 0;
		const client = new TikTokShopClient(
			{
				appKey: 'k',
				appSecret: 's',
				baseUrl: 'https://api.example.test',
				authBaseUrl: 'https://a.test',
			},
			{
				credentialAuthenticates: true,
				http: async (request) => {
					seen.push(request.url);
					calls++;
					return calls === 1
						? { status: 401, body: '{"code":105002,"message":"expired"}' }
						: { status: 200, body: '{"code":0,"message":"ok","data":{"shops":[]}}' };
				},
			},
		);
		await expect(client.authorizedShops()).resolves.toEqual([]);
		expect(calls).toBe(2);
		expect(seen[0]).not.toMatch(/sign=|app_key=|timestamp=/);
	});
});

// Last: it ends every authorization the simulator has issued.
describe('an authorization that ran out', () => {
	it('names Refresh Token and asks for a new authorization code (36004001)', async () => {
		const data = pasted();
		Object.assign(data, await preAuthenticate(data));
		sim.expireAuthorization();
		data.accessTokenExpiresAt = now() - 1;
		const error = await failure(preAuthenticate(data));
		expect(error.message).toContain('Refresh Token ("refreshToken") has expired');
		expect(error.message).toContain('36004001');
		expect(error.message).toContain('paste the new code into Authorization Code');
	});
});
