import type { RunningSimulator } from '../simulator';

/** Where a simulator answers and whom it trusts: a running one, or what a simulator in another process reports. */
export type SimulatorAddress = Pick<RunningSimulator, 'url' | 'app' | 'tokens'> & {
	shop: Pick<RunningSimulator['shop'], 'cipher'>;
};

/** The "TikTok Shop API" credential fields that point a node at a simulator. */
export function simulatorCredentials(sim: SimulatorAddress) {
	return {
		appKey: sim.app.appKey,
		appSecret: sim.app.appSecret,
		accessToken: sim.tokens.accessToken,
		refreshToken: sim.tokens.refreshToken,
		accessTokenExpiresAt: sim.tokens.accessTokenExpiresAt,
		shopCipher: sim.shop.cipher,
		shop: '',
		baseUrl: sim.url,
		authBaseUrl: sim.url,
	};
}
