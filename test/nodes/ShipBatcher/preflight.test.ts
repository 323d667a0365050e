import {
	ordersWithPackage,
	row,
	runShipBatcher,
	shippedPackageIds,
	startShop,
} from './simulatedShop';
import type { RunningSimulator } from '../../../dev/simulator';
import { validTrackingNumber } from '../../fixtures/validTrackingNumbers';

let sim: RunningSimulator;
beforeEach(async () => {
	sim = await startShop();
});
afterEach(async () => {
	await sim.close();
});

// Published or documented sample numbers, one per carrier the shared validator knows.
const VALID: Array<[string, string]> = [
	['UPS Ground', '1Z999AA10123456784'],
	['USPS Priority Mail', '9400111202555842332669'],
	['FedEx Express', '986578788855'],
	['FedEx Home Delivery', '568283610012734'],
	['OnTrac', 'D10011354453707'],
	['DHL eCommerce', 'GM6051856748995190'],
	['Amazon Shipping', 'TBA502887274000'],
	['UniUni', 'UUS0570455416253'],
	['GOFO Express', 'GFUS01011884214464'],
	['LaserShip', '1LS717793482164'],
];

describe('tracking preflight, before any upload', () => {
	it('ships a valid number of every carrier, uploaded in its normalised form', async () => {
		const targets = ordersWithPackage(sim).slice(0, VALID.length);
		const items = VALID.map(([carrier, number], index) =>
			row({
				order_id: targets[index].order.id,
				package_id: targets[index].pkg.id,
				tracking_number: number.replace(/(\w{4})/g, '$1 ').trim(),
				carrier,
			}),
		);
		const { shipped, attention } = await runShipBatcher(sim, items);
		expect(
			attention.map((item) => [item.json.carrier, item.json.reason, item.json.message]),
		).toEqual([]);
		expect(shipped.map((item) => item.json.tracking_number)).toEqual(
			VALID.map(([, number]) => number),
		);
		const uploaded = new Map(targets.map(({ pkg }) => [pkg.id, pkg.tracking_number]));
		expect([...uploaded.values()]).toEqual(VALID.map(([, number]) => number));
		expect(shipped.map((item) => item.json.shipping_provider_name)).toEqual([
			'UPS',
			'USPS',
			'FedEx',
			'FedEx',
			'OnTrac',
			'DHL eCommerce',
			'Amazon Shipping',
			'UniUni',
			'GOFO',
			'LaserShip',
		]);
	});

	it('stops each kind of bad number with its reason and a sentence, while the good rows of the batch still ship', async () => {
		const targets = ordersWithPackage(sim).slice(0, 9);
		const bad: Array<[string, unknown, string]> = [
			['UPS', '1Z999AA10123456785', 'tracking_check_digit'],
			['USPS', '9400111899223197428490', 'tracking_check_digit'],
			['FedEx', '', 'tracking_empty'],
			['UPS', 'N/A', 'tracking_garbage'],
			['USPS', '9.40011E+21', 'tracking_spreadsheet_number'],
			['UPS', targets[0].order.id, 'tracking_order_id'],
			['FedEx', '1Z999AA10123456784', 'carrier_mismatch'],
			['LaserShip', '1LX734505321754', 'tracking_unknown_format'],
		];
		const items = bad.map(([carrier, number], index) =>
			row({
				order_id: targets[index].order.id,
				package_id: targets[index].pkg.id,
				tracking_number: number,
				carrier,
			}),
		);
		items.push(
			row({
				order_id: targets[8].order.id,
				package_id: targets[8].pkg.id,
				tracking_number: validTrackingNumber('UPS'),
				carrier: 'UPS',
			}),
		);

		const { shipped, attention } = await runShipBatcher(sim, items);

		expect(attention.map((item) => item.json.reason)).toEqual(bad.map(([, , reason]) => reason));
		expect(attention.map((item) => (item.pairedItem as { item: number }).item)).toEqual([
			0, 1, 2, 3, 4, 5, 6, 7,
		]);
		for (const item of attention) expect(String(item.json.message)).toMatch(/\w.+\./);
		expect(attention[6].json.message).toContain('is a UPS 1Z number');
		expect(shipped.map((item) => item.json.package_id)).toEqual([targets[8].pkg.id]);
		expect(shippedPackageIds(sim)).toEqual([targets[8].pkg.id]);
	});

	it('flags one tracking number on two orders of the same batch, and uploads neither', async () => {
		const [first, second, third] = ordersWithPackage(sim);
		const items = [
			row({
				order_id: first.order.id,
				package_id: first.pkg.id,
				tracking_number: '1Z999AA10123456784',
				carrier: 'UPS',
			}),
			row({
				order_id: second.order.id,
				package_id: second.pkg.id,
				tracking_number: '1Z 999 AA1 0123 4567 84',
				carrier: 'UPS',
			}),
			row({
				order_id: third.order.id,
				package_id: third.pkg.id,
				tracking_number: 'TBA502887274000',
				carrier: 'Amazon',
			}),
		];
		const { shipped, attention } = await runShipBatcher(sim, items);
		expect(attention.map((item) => item.json.reason)).toEqual([
			'tracking_reused_in_batch',
			'tracking_reused_in_batch',
		]);
		expect(attention[0].json.message).toContain(`order ${second.order.id}`);
		expect(shipped.map((item) => item.json.order_id)).toEqual([third.order.id]);
		expect(shippedPackageIds(sim)).toEqual([third.pkg.id]);
	});

	it('ships a row repeated in the file once, and gives one package two numbers to nobody', async () => {
		const [first, second] = ordersWithPackage(sim);
		const repeated = row({
			order_id: first.order.id,
			package_id: first.pkg.id,
			tracking_number: 'TBA502887274000',
			carrier: 'Amazon',
		});
		const items = [
			repeated,
			repeated,
			row({
				order_id: second.order.id,
				package_id: second.pkg.id,
				tracking_number: '1Z999AA10123456784',
				carrier: 'UPS',
			}),
			row({
				order_id: second.order.id,
				package_id: second.pkg.id,
				tracking_number: 'D10011354453707',
				carrier: 'OnTrac',
			}),
		];
		const { shipped, attention } = await runShipBatcher(sim, items);
		expect(shipped.map((item) => (item.pairedItem as { item: number }).item)).toEqual([0, 1]);
		expect(attention.map((item) => item.json.reason)).toEqual([
			'conflicting_rows_in_batch',
			'conflicting_rows_in_batch',
		]);
		expect(shippedPackageIds(sim)).toEqual([first.pkg.id]);
	});

	it('stops rows whose ids a spreadsheet mangled, or that have no id at all, before calling TikTok', async () => {
		const items = [
			row({ order_id: '5.76684E+17', tracking_number: '1Z999AA10123456784', carrier: 'UPS' }),
			// eslint-disable-next-line no-loss-of-precision -- on purpose: the rounded number a spreadsheet hands over
			row({ order_id: 576684019603311365, tracking_number: '1Z999AA10123456784', carrier: 'UPS' }),
			row({ package_id: 'PKG-1', tracking_number: '1Z999AA10123456784', carrier: 'UPS' }),
			row({ tracking_number: '1Z999AA10123456784', carrier: 'UPS' }),
		];
		const { shipped, attention } = await runShipBatcher(sim, items);
		expect(shipped).toEqual([]);
		expect(attention.map((item) => item.json.reason)).toEqual([
			'invalid_order_id',
			'invalid_order_id',
			'invalid_package_id',
			'missing_order_and_package',
		]);
		expect(sim.requests).toEqual([]);
	});
});
