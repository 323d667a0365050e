import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ItemRunner } from '../../shared/itemRunner';
import { getTikTokClient, type TikTokShopClient } from '../../shared/tiktok';
import type { ShipmentState } from './shipping/interfaces';
import { stoppedBy } from './shipping/failures';
import { NEEDS_ATTENTION, outputItems } from './shipping/outputItems';
import { readShipment } from './shipping/readShipment';
import { openTrackingHistory, readSettings, type NodeSettings } from './shipping/settings';
import { ShipCollector, withSharedCollector, type ShipAnswer } from './shipping/shipCollector';
import { ShipRun } from './shipping/shipRun';
import { batchShipInHalves, type PackageShipment } from './shipping/tiktokShipping';

function sendBatches(client: TikTokShopClient) {
	return async (shipments: PackageShipment[]): Promise<Map<string, ShipAnswer>> => {
		const answers = await batchShipInHalves(client, shipments);
		return new Map(
			[...answers].map(([packageId, answer]): [string, ShipAnswer] => [
				packageId,
				'code' in answer
					? { shipped: false, ...answer }
					: { shipped: true, requestId: answer.requestId },
			]),
		);
	};
}

async function shipAll(
	context: IExecuteFunctions,
	states: ShipmentState[],
	settings: NodeSettings,
): Promise<unknown> {
	const client = await getTikTokClient.call(context, {
		ratePerSecond: settings.requestsPerSecond,
		maxRetries: settings.maxRetries,
	});
	const shopKey = await client.shopCipher();
	const history = await openTrackingHistory(context, settings, shopKey);
	const shipSettings = {
		mapping: { rules: settings.rules, fallback: settings.fallback },
		closeToLineHours: settings.closeToLineHours,
		updateTracking: settings.updateTracking,
		history,
		shopKey,
		nowSeconds: () => Math.floor(Date.now() / 1000),
	};
	const open = states.filter((state) => !state.outcome);
	const create = () =>
		new ShipCollector(sendBatches(client), settings.batchSize, settings.windowMs);
	const ship = async (collector: ShipCollector) => {
		const run = new ShipRun(client, collector, shipSettings);
		await run.ship(open);
		return run.fatal;
	};
	if (settings.windowMs === 0) return await ship(create());
	return await withSharedCollector(
		`${shopKey}\u0000${settings.windowMs}\u0000${settings.batchSize}`,
		create,
		ship,
	);
}

/**
 * Ships all items together through the shared item runner. Every input item leaves exactly once, paired with itself:
 * on Shipped, or on Needs Attention with a reason. A failure no item can get past (credential, history store) stops
 * the node unless Continue On Fail is on; then the items it stopped go to Needs Attention.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = readSettings(this);
	const states: ShipmentState[] = this.getInputData().map((item, itemIndex) => {
		const read = readShipment(item, itemIndex, settings.fieldNames);
		return 'outcome' in read ? { request: read.request, outcome: read.outcome } : { request: read };
	});
	const runner = new ItemRunner(this, { outputs: 2, errorOutput: NEEDS_ATTENTION });
	return await runner.allItems(
		async () => {
			if (states.some((state) => !state.outcome)) {
				const fatal = await shipAll(this, states, settings);
				if (fatal !== undefined) throw fatal;
			}
			return outputItems(states);
		},
		(fatal) => {
			for (const state of states) if (!state.outcome) state.outcome = stoppedBy(fatal);
			return outputItems(states);
		},
	);
}
