import { processCache } from '../processCaches';
import type { TokenSet } from './types';

/**
 * Where refreshed access tokens live between executions. n8n does not let a node write back to its credential,
 * so a token refreshed in one execution is kept here for the next ones in the same process.
 */
export interface TokenCache {
	get(key: string): TokenSet | undefined;
	set(key: string, tokens: TokenSet): void;
}

const memory = processCache<string, TokenSet>('tiktokTokens');

export const tokenCache: TokenCache = {
	get: (key) => memory.get(key),
	set: (key, tokens) => void memory.set(key, tokens),
};
