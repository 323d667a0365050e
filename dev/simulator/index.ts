import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiServer, type RecordedRequest } from './apiServer';
import { FaultInjector, type Fault } from './faults';
import type { Mutation } from './mutations';
import { RateLimiter } from './rateLimiter';
import { DEFAULT_RULES, type SimulatorRules } from './route';
import { Router } from './router';
import { allRoutes } from './routes';
import { seedWorld, type DemoPlan } from './seed';
import { reindexShop } from './shopIndex';
import type { ShopState } from './state';
import { TokenStore } from './tokens';
import {
	WebhookSender,
	type DeliveryReport,
	type WebhookEvent,
	type WebhookSendOptions,
} from './webhookSender';

export type { RecordedRequest } from './apiServer';
export type { DemoPlan } from './seed';
export type { Fault } from './faults';
export type { SimulatorRules } from './route';
export type { Mutation, MutationDetails } from './mutations';
export type * from './state';
export type {
	DeliveryAttempt,
	DeliveryReport,
	WebhookEvent,
	WebhookSendOptions,
} from './webhookSender';
export { RETRY_DELAYS_MS } from './webhookSender';

export interface SimulatorOptions {
	/** 0 or undefined: a random free port on 127.0.0.1. */
	port?: number;
	/** Deterministic seeded shop (default 1). */
	seed?: number;
	/** How many seeded orders (default 200). */
	orders?: number;
	/** Per (app_key, shop_cipher, API), default 50 as on TikTok. */
	rateLimitPerSecond?: number;
	/** >1 runs simulated time faster: the rate limit refills timeScale times faster and webhook retry delays shrink. */
	timeScale?: number;
	/** Default 7 days, TikTok's default. */
	accessTokenTtlSeconds?: number;
	/** How long a seller's authorization (refresh token) lasts from each exchange or renewal; default 365 days. */
	refreshTokenTtlSeconds?: number;
	/** Extra single-use authorization codes accepted by /api/v2/token/get, valid 30 minutes from start. */
	authCodes?: string[];
	/** Undocumented limits; see SimulatorRules for the defaults. */
	rules?: Partial<SimulatorRules>;
	/** Plant the demo's problems for the templates to find (seed/demo.ts); `npm start` and the CLI use it. */
	demo?: boolean;
}

export interface RunningSimulator {
	/** API base URL and auth base URL (the token endpoints live on the same server). */
	url: string;
	app: { appKey: string; appSecret: string };
	shop: { id: string; name: string; cipher: string; region: 'US' };
	/** A valid authorization. */
	tokens: { accessToken: string; refreshToken: string; accessTokenExpiresAt: number };
	/** The single-use auth code /api/v2/token/get accepts (valid 30 minutes from start). */
	authCode: string;
	state: ShopState;
	/** What the demo planted, when started with `demo`. */
	demo?: DemoPlan;
	requests: RecordedRequest[];
	mutations: Mutation[];
	/** Requests answered 429 by the rate limiter (not by injected faults) since start or reset(). */
	readonly rateLimitedCount: number;
	faults: { inject(fault: Fault): void; clear(): void };
	webhooks: {
		send(
			targetUrl: string,
			event: WebhookEvent,
			options?: WebhookSendOptions,
		): Promise<DeliveryReport>;
		deliveries: DeliveryReport[];
	};
	/** Access tokens issued so far answer 105002 until the client refreshes. */
	expireAccessToken(): void;
	/** The seller's authorization runs out: every refresh token issued so far answers 36004001 "rt has expired". */
	expireAuthorization(): void;
	/** A new single-use authorization code (valid 30 minutes), as a seller's visit to the authorization link gives. */
	issueAuthCode(): string;
	/**
	 * Clears requests, mutations, faults, deliveries, rate-limit buckets and remembered idempotency keys, and re-reads
	 * `state` for lookups: call it after editing an id, order_id or tracking_number of a record in place.
	 */
	reset(): void;
	close(): Promise<void>;
}

const DEFAULT_TTL_SECONDS = 7 * 86400;

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
	const timeScale = options.timeScale ?? 1;
	if (!(timeScale > 0)) throw new RangeError(`timeScale must be above 0 (got ${timeScale})`);
	const world = seedWorld(options.seed ?? 1, options.orders ?? 200, Math.floor(Date.now() / 1000), {
		demo: options.demo,
	});
	const tokens = new TokenStore(
		options.accessTokenTtlSeconds ?? DEFAULT_TTL_SECONDS,
		() => Math.floor(Date.now() / 1000),
		options.refreshTokenTtlSeconds,
	);
	const issued = tokens.seed(world.accessToken, world.refreshToken, world.authCode);
	for (const code of options.authCodes ?? []) tokens.issueAuthCode(code);
	const limiter = new RateLimiter(options.rateLimitPerSecond ?? 50, timeScale);
	const faults = new FaultInjector();
	const requests: RecordedRequest[] = [];
	const mutations: Mutation[] = [];
	const rules: SimulatorRules = { ...DEFAULT_RULES, ...options.rules };
	const api = new ApiServer({
		world,
		tokens,
		limiter,
		faults,
		router: new Router(allRoutes),
		rules,
		timeScale,
		requests,
		mutations,
	});
	const webhooks = new WebhookSender({ ...world.app, shopId: world.state.shop.id, timeScale });

	const server = createServer((req, res) => void api.handle(req, res));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const { shop } = world.state;

	return {
		url: `http://127.0.0.1:${port}`,
		app: { ...world.app },
		shop: { id: shop.id, name: shop.name, cipher: shop.cipher, region: shop.region },
		tokens: {
			accessToken: issued.accessToken,
			refreshToken: issued.refreshToken,
			accessTokenExpiresAt: issued.accessTokenExpiresAt,
		},
		authCode: world.authCode,
		state: world.state,
		demo: world.demo,
		requests,
		mutations,
		get rateLimitedCount() {
			return limiter.rejected;
		},
		faults: { inject: (fault) => faults.inject(fault), clear: () => faults.clear() },
		webhooks: {
			send: (targetUrl, event, sendOptions) => webhooks.send(targetUrl, event, sendOptions),
			deliveries: webhooks.deliveries,
		},
		expireAccessToken: () => tokens.expireAll(),
		expireAuthorization: () => tokens.expireRefreshTokens(),
		issueAuthCode: () => tokens.issueAuthCode(),
		reset() {
			requests.length = 0;
			mutations.length = 0;
			webhooks.deliveries.length = 0;
			faults.clear();
			limiter.reset();
			api.resetIdempotency();
			reindexShop(world.state);
		},
		close: async () => {
			webhooks.close();
			api.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
