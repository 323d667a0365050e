import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { DurableStore } from '../../../shared/store';
import {
	ItemInputError,
	requiredText,
	timeOf,
	wholeUnits,
} from '../../../shared/stock/inputValues';
import { readSkuMapping } from '../../../shared/stock/readSkuMapping';
import { heldBackUnits } from './rules/listedQuantity';
import { checkShipsInDays } from './rules/preOrder';
import { mapLimited } from './pool';
import type { Problem, PushItem, PushSettings } from './types';

const STORE_CONCURRENCY = 16;
/** A ledger lookup needs some window even when the buffer is off; its sales figure is then unused. */
const ANY_WINDOW_MS = 3_600_000;

export type ReadItems = { items: PushItem[]; problems: Map<number, Problem> };

/** Reads and checks every item's fields; an item whose fields cannot be used gets a Problem naming the field. */
export async function readPushItems(
	context: IExecuteFunctions,
	settings: PushSettings,
	store: DurableStore,
	nowMs: number,
): Promise<ReadItems> {
	const resolveSku = readSkuMapping(context);
	const ledgerNeeded = settings.stockSource === 'ledger' || settings.lag.kind !== 'off';
	const indexes = context.getInputData().map((_, index) => index);
	const problems = new Map<number, Problem>();
	const results = await mapLimited(indexes, STORE_CONCURRENCY, async (itemIndex) => {
		try {
			return await readItem(
				context,
				settings,
				itemIndex,
				resolveSku,
				ledgerNeeded ? store : undefined,
				nowMs,
			);
		} catch (error) {
			// A store failure is not about this item: it ends the run (execute.ts turns it into a NodeOperationError).
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- converted at the node boundary
			if (!(error instanceof ItemInputError)) throw error;
			problems.set(itemIndex, {
				reason: 'invalidInput',
				message: error.message,
				field: error.field,
				value: error.value,
			});
			return undefined;
		}
	});
	return { items: results.filter((item): item is PushItem => item !== undefined), problems };
}

async function readItem(
	context: IExecuteFunctions,
	settings: PushSettings,
	itemIndex: number,
	resolveSku: ReturnType<typeof readSkuMapping>,
	store: DurableStore | undefined,
	nowMs: number,
): Promise<PushItem> {
	const { sellerSku, channelSku } = resolveSku(
		itemIndex,
		context.getNodeParameter('sku', itemIndex),
		'Seller SKU',
	);
	const ledger = store
		? requiredText('Ledger Name', context.getNodeParameter('ledgerName', itemIndex))
		: '';
	const windowMs = settings.lag.kind === 'off' ? ANY_WINDOW_MS : settings.lag.windowMs;
	const level = store ? await store.getStock(ledger, sellerSku, windowMs, nowMs) : undefined;
	const onHand =
		settings.stockSource === 'ledger'
			? level!.onHand
			: wholeUnits('Available Quantity', context.getNodeParameter('quantity', itemIndex));
	const killSwitch = context.getNodeParameter('killSwitch', itemIndex, false) === true;

	let heldBack = 0;
	let heldBackDetail: string | undefined;
	if (settings.lag.kind !== 'off' && level) {
		const lagMs =
			settings.lag.kind === 'fixed' ? settings.lag.lagMs : sourceAgeMs(context, itemIndex, nowMs);
		heldBack = heldBackUnits(level.soldInWindow, settings.lag.windowMs, lagMs);
		const hours = settings.lag.windowMs / 3_600_000;
		heldBackDetail = `${level.soldInWindow} sold in ${hours} h × ${Math.round(lagMs / 60_000)} min lag`;
	}

	const item: PushItem = {
		itemIndex,
		sellerSku,
		channelSku,
		onHand,
		killSwitch,
		heldBack,
		heldBackDetail,
		incoming: 0,
	};
	const preOrder = settings.preOrders.get(sellerSku);
	if (preOrder) {
		const shipsInDays = checkShipsInDays(
			`Pre-Order Variants › Ships In (Days) for ${sellerSku}`,
			preOrder.shipsInDays,
		);
		item.preOrder = { sellerSku: preOrder.preOrderSku, shipsInDays };
		item.incoming = wholeUnits(
			'Incoming Quantity',
			context.getNodeParameter('incomingQuantity', itemIndex, 0),
		);
	}
	if (settings.warehouseMode === 'byLocation')
		Object.assign(item, stockByWarehouse(context, settings, itemIndex));
	return item;
}

/** Lag measured as the age of the item's source data; data from the future counts as fresh. */
function sourceAgeMs(context: IExecuteFunctions, itemIndex: number, nowMs: number): number {
	const takenAt = timeOf('Source Data Time', context.getNodeParameter('sourceDataTime', itemIndex));
	return Math.max(0, nowMs - takenAt);
}

function stockByWarehouse(
	context: IExecuteFunctions,
	settings: PushSettings,
	itemIndex: number,
): Pick<PushItem, 'stockByWarehouse' | 'unmappedLocations'> {
	const given = context.getNodeParameter('locationStock', itemIndex, {}) as unknown;
	const raw = typeof given === 'string' ? parseJson(given) : given;
	if (raw === undefined)
		throw new ItemInputError('Stock by Location', given, 'is not JSON like {"NJ-01": 40}');
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		throw new ItemInputError(
			'Stock by Location',
			raw,
			'must be an object of location → units, like {"NJ-01": 40}',
		);
	}
	const byWarehouse = new Map<string, number>();
	const unmapped: string[] = [];
	for (const [location, value] of Object.entries(raw as IDataObject)) {
		const units = wholeUnits(`Stock by Location › ${location}`, value as unknown);
		const warehouseId = settings.locationToWarehouse.get(location);
		if (!warehouseId) {
			unmapped.push(location);
			continue;
		}
		byWarehouse.set(warehouseId, (byWarehouse.get(warehouseId) ?? 0) + units);
	}
	return { stockByWarehouse: byWarehouse, unmappedLocations: unmapped };
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}
