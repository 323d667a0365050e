import type { ILoadOptionsFunctions, INodeProperties } from 'n8n-workflow';

import { getRejectReasons } from '../../../nodes/EvidenceSubmit/v1/methods/loadOptions';
import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { fakeExecuteFunctions } from '../../../dev/harness/fakeExecuteFunctions';
import { simulatorCredentials } from '../../../dev/harness/simulatorCredentials';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator';
import { evidenceNode } from './evidenceHarness';

let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: 5, orders: 120 });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => resetBuckets());

/** The editor's "load options" call, with "Case ID" as the editor hands it over. */
async function optionsFor(caseId: unknown) {
	const context = {
		...fakeExecuteFunctions({
			node: { name: 'Submit', type: 'n8n-nodes-tiktok-shop-ops.tikTokShopEvidenceSubmit' },
			parameters: {},
			credentials: simulatorCredentials(sim),
		}),
		getCurrentNodeParameter: (name: string) => (name === 'caseId' ? caseId : undefined),
	};
	return await getRejectReasons.call(context as unknown as ILoadOptionsFunctions);
}

describe('Reject Reason options', () => {
	it('before a run ("Case ID" unresolved: null or the raw expression) offer only the automatic choice, without calling TikTok', async () => {
		sim.reset();
		for (const unresolved of [null, undefined, '', '={{ $json.case_id }}']) {
			expect((await optionsFor(unresolved)).map((option) => option.value)).toEqual(['auto']);
		}
		expect(sim.requests).toEqual([]);
	});

	it("with a case id list that case's reasons from TikTok after the automatic choice", async () => {
		const caseId = sim.state.returns[0].return_id;
		const options = await optionsFor(caseId);
		expect(options[0].value).toBe('auto');
		expect(options.length).toBeGreaterThan(1);
		expect(sim.requests.at(-1)).toMatchObject({
			path: '/return_refund/202309/reject_reasons',
			query: expect.objectContaining({ return_or_cancel_id: caseId }),
			code: 0,
		});
	});

	it('does not make the editor resolve "Case ID" strictly: that fails on {{ $json.case_id }} before a run and showed only an error', () => {
		const rejectReason = evidenceNode.description.properties.find(
			(property: INodeProperties) => property.name === 'rejectReason',
		);
		expect(rejectReason?.typeOptions?.loadOptionsMethod).toBe('getRejectReasons');
		expect(rejectReason?.typeOptions?.loadOptionsDependsOn).toBeUndefined();
	});
});
