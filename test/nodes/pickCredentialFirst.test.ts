import {
	NodeOperationError,
	type ILoadOptionsFunctions,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { EvidenceSubmit } from '../../nodes/EvidenceSubmit/EvidenceSubmit.node';
import { ShipBatcher } from '../../nodes/ShipBatcher/ShipBatcher.node';
import { TikTokShop } from '../../nodes/TikTokShop/TikTokShop.node';
import { PICK_CREDENTIAL_FIRST } from '../../nodes/shared/tiktok/pickCredentialFirst';
import { resetBuckets } from '../../nodes/shared/tiktok/rateBudget';
import { fakeExecuteFunctions } from '../../dev/harness/fakeExecuteFunctions';
import { simulatorCredentials } from '../../dev/harness/simulatorCredentials';
import { startSimulator, type RunningSimulator } from '../../dev/simulator';

/**
 * n8n's editor asks for a freshly added node's options before it has picked the default credential, and does not ask
 * again when the credential arrives. Every TikTok Shop drop-down then says what to do instead of failing.
 */
type LoadOptions = Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>>;
/** Parameters read once the simulator runs: a case the shop really has. */
const nodes: Array<[string, LoadOptions, () => Record<string, unknown>]> = [
	[
		'TikTok Shop',
		new TikTokShop().nodeVersions[1].methods!.loadOptions as LoadOptions,
		() => ({ returnId: sim.state.returns[0].return_id }),
	],
	[
		'Ship Batcher',
		new ShipBatcher().nodeVersions[1].methods!.loadOptions as LoadOptions,
		() => ({}),
	],
	[
		'Evidence Submit',
		new EvidenceSubmit().nodeVersions[1].methods!.loadOptions as LoadOptions,
		() => ({ caseId: sim.state.returns[0].return_id }),
	],
];

let sim: RunningSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => resetBuckets());

function context(parameters: Record<string, unknown>, credential: boolean): ILoadOptionsFunctions {
	const fake = fakeExecuteFunctions({
		node: { name: 'Fresh node', type: 'n8n-nodes-tiktok-shop-ops.tikTokShop' },
		parameters,
		credentials: simulatorCredentials(sim),
	}) as unknown as ILoadOptionsFunctions & Record<string, unknown>;
	const withCurrent = Object.assign(fake, {
		getCurrentNodeParameter: (name: string) => parameters[name],
	});
	if (!credential)
		// What n8n-core's load-options context throws when the request carries no credential.
		withCurrent.getCredentials = async () => {
			throw new NodeOperationError(fake.getNode(), 'Node does not have any credentials set');
		};
	return withCurrent;
}

describe.each(nodes)(
	'%s drop-downs on a node without a credential yet',
	(_name, methods, parameters) => {
		it.each(Object.keys(methods))('%s lists what to do, not an error', async (method) => {
			const options = await methods[method].call(context(parameters(), false));
			expect(options).toContainEqual(PICK_CREDENTIAL_FIRST);
		});

		it.each(Object.keys(methods))(
			'%s loads from the shop once the credential is there',
			async (method) => {
				const options = await methods[method].call(context(parameters(), true));
				expect(options).not.toContainEqual(PICK_CREDENTIAL_FIRST);
				expect(options.length).toBeGreaterThan(0);
			},
		);
	},
);
