import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TikTokShopClient } from '../../../../shared/tiktok';
import { openSelectedStore } from '../../../../shared/storeSelection';
import { enqueue, seenOf } from '../../../../shared/events/eventQueue';
import { orderUpdateKey } from '../../../../shared/events/orderUpdateKey';
import { signalQueue } from '../../../../shared/events/queueSignal';
import { normalizeEvent } from '../../../../shared/events/normalizeEvent';
import { queueFields } from './fields';
import { orders as orderApi } from '../../../../shared/tiktok/resources';

const show = { resource: ['event'], operation: ['recoverMissed'] };

export const description: INodeProperties[] = [
	...queueFields(['recoverMissed']),
	{
		displayName: 'Look Back (Hours)',
		name: 'lookBackHours',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 168 },
		default: 48,
		description:
			"How far back to compare TikTok's order updates with the events the trigger received",
		displayOptions: { show },
	},
	{
		displayName: 'Grace Period (Minutes)',
		name: 'graceMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description:
			'Updates newer than this are left alone: their webhook may still be on its way (TikTok retries at +2 and +30 minutes)',
		displayOptions: { show },
	},
];

interface Order {
	id: string;
	status?: string;
	update_time?: number;
}

/**
 * TikTok stops retrying after about 16 hours. Orders it updated whose event the trigger never claimed are queued
 * for the trigger, so they run through the same workflow, retries and dead letters as a delivered event.
 */
export async function execute(
	this: IExecuteFunctions,
	client: TikTokShopClient,
	itemIndex: number,
): Promise<IDataObject[]> {
	const store = await openSelectedStore(this, itemIndex);
	const queue = this.getNodeParameter('queueName', itemIndex) as string;
	const lookBackHours = this.getNodeParameter('lookBackHours', itemIndex, 48) as number;
	const graceMinutes = this.getNodeParameter('graceMinutes', itemIndex, 60) as number;
	const nowMs = Date.now();
	const from = Math.floor(nowMs / 1000 - lookBackHours * 3600);
	const until = Math.floor(nowMs / 1000 - graceMinutes * 60);
	const orders = await orderApi.searchOrders<Order>(
		client,
		{ update_time_ge: from, update_time_lt: until },
		{ sortField: 'update_time' },
	);
	const shopId = (await client.authorizedShops().catch(() => []))[0]?.id;
	const recovered: string[] = [];
	for (const order of orders) {
		if (!order.update_time) continue;
		const key = orderUpdateKey(order.id, order.update_time);
		if (!(await store.claim(seenOf(queue), key, (lookBackHours + 72) * 3600_000))) continue;
		const envelope = {
			type: 1,
			shop_id: shopId,
			timestamp: order.update_time,
			data: { order_id: order.id, order_status: order.status, update_time: order.update_time },
		};
		const item = {
			...normalizeEvent(envelope, `recovered:${key}`, new Date(nowMs).toISOString()),
			recovered: true,
		};
		await enqueue(store, queue, `recovered:${key}`, item, nowMs);
		recovered.push(order.id);
	}
	if (recovered.length) signalQueue(queue);
	return [
		{
			queue,
			checked: orders.length,
			recovered: recovered.length,
			recovered_order_ids: recovered,
			window_start: new Date(from * 1000).toISOString(),
			window_end: new Date(until * 1000).toISOString(),
		},
	];
}
