import { NodeOperationError } from 'n8n-workflow';

import { inQueueMode, storeConfigOf } from '../../nodes/shared/storeSelection';

/** What storeConfigOf reads from a node's context: the State Store parameter, the node, its credentials. */
const contextWith = (stateStore: string) =>
	({
		getNodeParameter: () => stateStore,
		getNode: () => ({ name: 'TikTok Shop Trigger', type: 'tikTokShopTrigger', parameters: {} }),
		getCredentials: async () => ({ host: '127.0.0.1', port: 6379, database: 0 }),
	}) as never;

describe('store selection in n8n queue mode', () => {
	const saved = process.env.EXECUTIONS_MODE;
	afterEach(() => {
		if (saved === undefined) delete process.env.EXECUTIONS_MODE;
		else process.env.EXECUTIONS_MODE = saved;
	});

	it('recognises queue mode by EXECUTIONS_MODE', () => {
		expect(inQueueMode({ EXECUTIONS_MODE: 'queue' })).toBe(true);
		expect(inQueueMode({ EXECUTIONS_MODE: 'regular' })).toBe(false);
		expect(inQueueMode({})).toBe(false);
	});

	it('refuses the embedded store in queue mode, naming the fix', async () => {
		process.env.EXECUTIONS_MODE = 'queue';
		const refusal = await storeConfigOf(contextWith('embedded')).catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(NodeOperationError);
		expect((refusal as NodeOperationError).message).toMatch(/queue mode/);
		expect((refusal as NodeOperationError).description).toMatch(/Redis/);
	});

	it('keeps Redis in queue mode and the embedded store outside it', async () => {
		process.env.EXECUTIONS_MODE = 'queue';
		expect(await storeConfigOf(contextWith('redis'))).toMatchObject({ kind: 'redis', port: 6379 });
		delete process.env.EXECUTIONS_MODE;
		expect(await storeConfigOf(contextWith('embedded'))).toEqual({ kind: 'embedded' });
	});
});
