import type { IDataObject } from 'n8n-workflow';

import { resetBuckets } from '../../../nodes/shared/tiktok/rateBudget';
import { simulatorCredentials } from '../../../dev/harness/simulatorCredentials';
import { startSimulator, type Order, type RunningSimulator } from '../../../dev/simulator';
import { fixture, HOUR, nowSeconds, returnCase, runEvidence } from './evidenceHarness';

let sim: RunningSimulator;

beforeAll(async () => {
	sim = await startSimulator({ seed: 7, orders: 120 });
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	resetBuckets();
	sim.reset();
});

/** An order the seller labelled five days ago; `scanned` says whether the carrier has it and delivered it since. */
function labelledOrder(index: number, scanned: boolean): Order {
	const order = sim.state.orders.filter((candidate) => candidate.status === 'AWAITING_SHIPMENT')[
		index
	];
	Object.assign(order, {
		status: scanned ? 'DELIVERED' : 'AWAITING_COLLECTION',
		rts_time: nowSeconds() - 5 * 24 * HOUR,
		delivery_time: scanned ? nowSeconds() - 24 * HOUR : undefined,
	});
	return order;
}

async function packetFor(order: Order, evidence: IDataObject = {}, trackingFromTikTok = true) {
	const caseJson = returnCase({ order_id: order.id });
	const [[packet]] = await runEvidence({
		items: [{ json: caseJson }],
		credentials: simulatorCredentials(sim),
		parameters: {
			operation: 'buildPacket',
			caseData: caseJson,
			claimType: 'auto',
			poolByCase: true,
			trackingFromTikTok,
			evidence: { trackingNumber: '9400111899223344556677', ...evidence },
			packetOptions: {},
		},
	});
	return packet.json;
}

const trackingCalls = (order: Order) =>
	sim.requests.filter(
		(request) => request.path === `/fulfillment/202309/orders/${order.id}/tracking`,
	);

describe("Build Evidence Packet with TikTok's tracking history", () => {
	it('reads the carrier scans TikTok has for the order: pickup and delivery make an item-not-received packet ready', async () => {
		const order = labelledOrder(0, true);
		const packet = await packetFor(order);
		expect(trackingCalls(order)).toHaveLength(1);
		expect(
			(packet.scan_timeline as IDataObject[]).map((event) => [event.kind, event.description]),
		).toEqual([
			['label_created', 'Shipping label created, carrier awaiting item'],
			['acceptance', 'Picked up by carrier'],
			['delivered', 'Delivered, in or at mailbox'],
		]);
		expect(packet.scan_timeline).toContainEqual(
			expect.objectContaining({ time: new Date(order.delivery_time! * 1000).toISOString() }),
		);
		expect(packet).toMatchObject({
			claim_type: 'ITEM_NOT_RECEIVED',
			verdict: 'ready',
			missing: [],
		});
	});

	it('a label the carrier never scanned is not evidence: the packet says what is missing', async () => {
		const order = labelledOrder(1, false);
		const packet = await packetFor(order);
		expect(packet).toMatchObject({
			verdict: 'missing_required_evidence',
			missing: ['Carrier acceptance scan', 'Delivery scan'],
		});
		const acceptance = (packet.checklist as IDataObject[]).find(
			(line) => line.piece === 'acceptance_scan',
		);
		expect(acceptance?.detail).toContain(
			'"Shipping label created, carrier awaiting item": the carrier never scanned the parcel',
		);
	});

	it('scan events the workflow gathered win over TikTok, and with the option off TikTok is not asked', async () => {
		const order = labelledOrder(2, false);
		const given = await packetFor(order, { scanEvents: fixture('usps-delivered-scans.json') });
		expect(given.verdict).toBe('ready');
		expect(await packetFor(order, {}, false)).toMatchObject({
			verdict: 'missing_required_evidence',
			scan_timeline: [],
		});
		expect(trackingCalls(order)).toEqual([]);
	});
});
