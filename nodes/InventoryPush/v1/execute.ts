import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { ItemRunner } from '../../shared/itemRunner';
import { openSelectedStore } from '../../shared/storeSelection';
import { ItemInputError } from '../../shared/stock/inputValues';
import { getTikTokClient } from '../../shared/tiktok';
import { Catalog } from './inventory/catalog/catalog';
import { buildTargets, resolveTargets } from './inventory/buildTargets';
import { buildOutputs, NEEDS_ATTENTION, OUTPUT_COUNT } from './inventory/outputs';
import { readPushItems } from './inventory/readPushItems';
import { readSettings } from './inventory/readSettings';
import { callProblem } from './inventory/tiktokProblems';
import { syncProducts } from './inventory/syncProducts';
import type { Problem, Target } from './inventory/types';

/**
 * The Inventory Push: read and check items → apply the listing rules → find the SKUs on TikTok → read current
 * quantities in bulk → update only the products with a changed SKU. Per-item problems always go to Needs
 * Attention; a failure of the whole run (settings, credential, catalogue) stops the node unless Continue On Fail
 * is on, in which case every item goes to Needs Attention with that error.
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const itemCount = this.getInputData().length;
	const rawSkuOf = (itemIndex: number) => safeParameter(this, 'sku', itemIndex);
	let targets: Target[] = [];
	let read: Awaited<ReturnType<typeof readPushItems>> = { items: [], problems: new Map() };
	const runner = new ItemRunner(this, {
		outputs: OUTPUT_COUNT,
		errorOutput: NEEDS_ATTENTION,
		convertError: (error) =>
			error instanceof ItemInputError
				? new NodeOperationError(this.getNode(), error.message, {
						description: `Fix the node's "${error.field}" setting.`,
					})
				: undefined,
	});
	return await runner.allItems(
		async () => {
			const settings = readSettings(this);
			const store = await openSelectedStore(this);
			read = await readPushItems(this, settings, store, Date.now());
			targets = buildTargets(read.items, settings);
			const client = await getTikTokClient.call(this, {
				ratePerSecond: settings.requestsPerSecond,
				maxRetries: settings.maxRetries,
			});
			const catalog = await Catalog.open(client, store, { ttlMs: settings.cacheTtlMs });
			await catalog.refreshMissing(
				targets.filter((target) => !target.problem).map((target) => target.sellerSku),
			);
			resolveTargets(targets, catalog);
			const ready = targets.filter((target) => !target.problem);
			await syncProducts(client, catalog, ready, {
				dryRun: settings.dryRun,
				ratePerSecond: client.ratePerSecond,
			});
			await catalog.save();
			return buildOutputs(itemCount, read.items, read.problems, targets, undefined, rawSkuOf);
		},
		(error, nodeError) => {
			const runProblem: Problem = {
				...callProblem(error, 'run the push'),
				message: nodeError.message,
			};
			for (const target of targets) if (!target.outcome) target.problem ??= runProblem;
			return buildOutputs(itemCount, read.items, read.problems, targets, runProblem, rawSkuOf);
		},
	);
}

function safeParameter(context: IExecuteFunctions, name: string, itemIndex: number): unknown {
	try {
		return context.getNodeParameter(name, itemIndex, '');
	} catch {
		return null;
	}
}
