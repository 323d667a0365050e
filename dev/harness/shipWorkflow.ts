import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { openShipments } from './openPackages';
import type { Stack } from '../stack/stack';

/**
 * A webhook names a 3PL tracking file; the workflow downloads it (HTTP Request from a local file server), one item
 * per package, into the Ship Batcher. Each POST is one execution, which a queue-mode worker runs. The queue-mode
 * e2e suite and bench/queueMode.ts use it.
 */
export const SHIP_WORKFLOW_ID = 'ttsShipQueueE2E';
export const SHIP_WEBHOOK_PATH = 'queue-ship-e2e';
const WORKFLOW_ID = SHIP_WORKFLOW_ID;
const CARRIERS = ['UPS', 'USPS', 'Amazon Shipping', 'UniUni', 'GOFO'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const shipWorkflow = (fileServerUrl: string) => ({
	id: WORKFLOW_ID,
	name: 'Ship Batcher on two workers (e2e)',
	nodes: [
		{
			id: '5a1b0000-0000-4000-8000-000000000001',
			name: 'Tracking file',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: SHIP_WEBHOOK_PATH,
			parameters: {
				httpMethod: 'POST',
				path: SHIP_WEBHOOK_PATH,
				responseMode: 'onReceived',
				options: {},
			},
		},
		{
			id: '5a1b0000-0000-4000-8000-000000000004',
			name: 'Download the file',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [110, 0],
			parameters: {
				url: `={{ '${fileServerUrl}/' + $json.body.file }}`,
				options: {},
			},
		},
		{
			id: '5a1b0000-0000-4000-8000-000000000002',
			name: 'One item per package',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, 0],
			parameters: { fieldToSplitOut: 'shipments', include: 'noOtherFields', options: {} },
		},
		{
			id: '5a1b0000-0000-4000-8000-000000000003',
			name: 'Ship Batcher',
			type: 'n8n-nodes-tiktok-shop-ops.tikTokShopShipBatcher',
			typeVersion: 1,
			position: [440, 0],
			parameters: {
				batching: 'shipNow',
				carrierMapping: {},
				defaultProvider: '',
				updateTracking: false,
				closeToLineHours: 12,
				// The queue-mode stack moves it to Redis with the pack's Redis credential, as a user would.
				trackingHistory: 'embedded',
				fieldNames: {},
				options: { maxRetries: 8 },
			},
			credentials: { tikTokShopApi: { id: 'tiktokShopApiCred', name: 'TikTok Shop API account' } },
		},
	],
	connections: {
		'Tracking file': { main: [[{ node: 'Download the file', type: 'main', index: 0 }]] },
		'Download the file': { main: [[{ node: 'One item per package', type: 'main', index: 0 }]] },
		'One item per package': { main: [[{ node: 'Ship Batcher', type: 'main', index: 0 }]] },
	},
	settings: { executionOrder: 'v1' },
	pinData: {},
	active: false,
	tags: [],
});

export interface ShipmentRow {
	order_id: string;
	package_id: string;
	carrier: string;
	tracking_number: string;
}

/**
 * Opens `count` packages in the simulator and gives each a tracking number of a rotating carrier, from
 * `trackingNumber` (the tests' valid numbers: test/fixtures/validTrackingNumbers.ts).
 */
export function shipmentRows(
	stack: Stack,
	count: number,
	trackingNumber: (carrier: Carrier, serial: number) => string,
): ShipmentRow[] {
	const rows = openShipments(stack.simulator.state, count).map((shipment, index) => {
		const carrier = CARRIERS[index % CARRIERS.length];
		return {
			order_id: shipment.orderId,
			package_id: shipment.packageId,
			carrier,
			tracking_number: trackingNumber(carrier, index),
		};
	});
	// The simulator's lookups are re-read after packages were added to its state.
	stack.simulator.reset();
	return rows;
}

/** Serves tracking files on loopback for the workflow to download: `put` returns the name to post. */
export async function startTrackingFileServer() {
	const files = new Map<string, string>();
	const server = createServer((request, response) => {
		const body = files.get((request.url ?? '/').slice(1));
		if (body === undefined) response.writeHead(404).end();
		else response.writeHead(200, { 'content-type': 'application/json' }).end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		put(rows: ShipmentRow[]): string {
			const name = `${randomUUID()}.json`;
			files.set(name, JSON.stringify({ shipments: rows }));
			return name;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Names one tracking file to the webhook: one execution of the workflow. */
export async function postTrackingFile(stack: Stack, file: string): Promise<number> {
	const response = await fetch(`${stack.webhookUrl}/webhook/${SHIP_WEBHOOK_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ file }),
	});
	await response.arrayBuffer();
	return response.status;
}
