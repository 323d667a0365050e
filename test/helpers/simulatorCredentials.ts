import type { RunningSimulator } from '../simulator';

/** The "TikTok Shop API" credential fields that point a node at a running simulator. */
export function simulatorCredentials(sim: RunningSimulator) {
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
