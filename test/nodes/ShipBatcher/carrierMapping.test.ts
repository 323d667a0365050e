import { checkTrackingNumber } from '../../../nodes/shared/tracking';
import {
	mapCarrier,
	providerMismatch,
	type CarrierMappingSettings,
} from '../../../nodes/ShipBatcher/v1/shipping/carrierMapping';
import type { RunningSimulator } from '../../../dev/simulator';
import { callsTo, ordersWithPackage, row, runShipBatcher, startShop } from './simulatedShop';

// As Get Shipping Providers lists them for a US seller-shipping delivery option.
const PROVIDERS = [
	{ id: '6617692527704900376', name: 'USPS' },
	{ id: '6617634144517368017', name: 'UPS' },
	{ id: '6617675021119438849', name: 'FedEx' },
	{ id: '6617693402177644298', name: 'DHL eCommerce' },
	{ id: '6617693402177644299', name: 'DHL Express' },
	{ id: '6617691186385160717', name: 'GOFO' },
	{ id: '6617691186385160718', name: 'OnTrac' },
];
const noRules: CarrierMappingSettings = { rules: [], fallback: '' };

describe('mapping the 3PL carrier to a TikTok shipping provider', () => {
	it.each([
		['UPS® Ground', 'UPS'],
		['ups', 'UPS'],
		['U.S.P.S. Ground Advantage', 'USPS'],
		['FedEx SmartPost', 'FedEx'],
		['Fed Ex Home Delivery', 'FedEx'],
		['Cirro eCommerce', 'GOFO'],
		['dhl express', 'DHL Express'],
	])('"%s" → %s', (text, provider) => {
		expect(mapCarrier(text, PROVIDERS, noRules)).toMatchObject({ name: provider });
	});

	it('understands the carrier codes the 3PL Tracking Parser writes', () => {
		const withAmazon = [...PROVIDERS, { id: '6617691186385160720', name: 'Amazon Shipping' }];
		expect(
			['ups', 'usps', 'fedex', 'ontrac', 'gofo', 'amazon'].map(
				(code) => (mapCarrier(code, withAmazon, noRules) as { name: string }).name,
			),
		).toEqual(['UPS', 'USPS', 'FedEx', 'OnTrac', 'GOFO', 'Amazon Shipping']);
	});

	it('never picks between two providers of one carrier', () => {
		expect(mapCarrier('DHL', PROVIDERS, noRules)).toMatchObject({
			kind: 'attention',
			reason: 'carrier_ambiguous',
		});
		expect(
			mapCarrier('DHL', PROVIDERS, {
				rules: [{ carrierText: 'dhl', provider: 'DHL eCommerce' }],
				fallback: '',
			}),
		).toMatchObject({ name: 'DHL eCommerce' });
	});

	it('uses the table first, by provider name or id, whatever the case and spacing of the 3PL text', () => {
		const settings = {
			rules: [
				{ carrierText: 'Best  Way Ground', provider: '6617691186385160718' },
				{ carrierText: 'USPS', provider: 'ups' },
			],
			fallback: '',
		};
		expect(mapCarrier('best way ground', PROVIDERS, settings)).toMatchObject({ name: 'OnTrac' });
		expect(mapCarrier('USPS', PROVIDERS, settings)).toMatchObject({ name: 'UPS' });
	});

	it('sends a table row to a provider the order does not offer to Needs Attention', () => {
		const result = mapCarrier('Best Way', PROVIDERS, {
			rules: [{ carrierText: 'Best Way', provider: 'Veho' }],
			fallback: '',
		});
		expect(result).toMatchObject({ kind: 'attention', reason: 'carrier_not_offered' });
		expect((result as { message: string }).message).toContain('"Veho"');
	});

	it('falls back to the default provider only when the carrier matches nothing', () => {
		const settings = { rules: [], fallback: 'USPS' };
		expect(mapCarrier('', PROVIDERS, settings)).toMatchObject({ name: 'USPS' });
		expect(mapCarrier('Best Way', PROVIDERS, settings)).toMatchObject({ name: 'USPS' });
		expect(mapCarrier('UPS', PROVIDERS, settings)).toMatchObject({ name: 'UPS' });
	});

	it('does not guess an unknown or missing carrier', () => {
		expect(mapCarrier('Best Way', PROVIDERS, noRules)).toMatchObject({
			kind: 'attention',
			reason: 'carrier_unknown',
		});
		expect(mapCarrier('', PROVIDERS, noRules)).toMatchObject({
			kind: 'attention',
			reason: 'carrier_missing',
		});
		expect(mapCarrier('UniUni', PROVIDERS, noRules)).toMatchObject({
			kind: 'attention',
			reason: 'carrier_not_offered',
		});
	});

	it('refuses a mapped provider that cannot have issued the number', () => {
		const ups = checkTrackingNumber('1Z999AA10123456784');
		expect(providerMismatch(PROVIDERS[0], ups)).toMatchObject({ reason: 'carrier_mismatch' });
		expect(providerMismatch(PROVIDERS[1], ups)).toBeUndefined();
	});
});

describe('carrier mapping in a run', () => {
	let sim: RunningSimulator;
	beforeEach(async () => {
		sim = await startShop();
	});
	afterEach(async () => {
		await sim.close();
	});

	it('ships with the mapped provider, holds the unknown carrier, and loads providers once per delivery option', async () => {
		const targets = ordersWithPackage(sim).slice(0, 6);
		const items = targets.map(({ order, pkg }, index) =>
			row({
				order_id: order.id,
				package_id: pkg.id,
				tracking_number: [
					'GFUS01011884214464',
					'GFUS01011884214272',
					'TBA502887274000',
					'UUS0570455416253',
					'1LS717793482164',
					'D10011354453707',
				][index],
				carrier: ['Cirro Ground', 'Cirro Ground', 'AMZL', 'Uni Uni', 'Speedy Couriers', 'OnTrac'][
					index
				],
			}),
		);
		const { shipped, attention } = await runShipBatcher(sim, items, {
			carrierMapping: { rules: [{ carrierText: 'cirro ground', provider: 'GOFO' }] },
		});
		expect(shipped.map((item) => item.json.shipping_provider_name)).toEqual([
			'GOFO',
			'GOFO',
			'Amazon Shipping',
			'UniUni',
			'OnTrac',
		]);
		expect(attention.map((item) => [item.json.order_id, item.json.reason])).toEqual([
			[targets[4].order.id, 'carrier_unknown'],
		]);
		expect(targets[4].pkg.status).toBe('PROCESSING');
		const options = new Set(targets.map(({ order }) => order.delivery_option_id));
		expect(callsTo(sim, 'GET', /\/shipping_providers$/)).toBe(options.size);
	});
});
