import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { StockLedger } from '../../../nodes/StockLedger/StockLedger.node';
import { closeAllStores } from '../../../nodes/shared/store';
import { runNode, type FakeRun } from '../../../dev/harness/fakeExecuteFunctions';
import { startRedisServer, type RedisServer } from '../../../dev/harness/redisServer';

const ledgerNode = new StockLedger().nodeVersions[1];
const HOUR = 3_600_000;

let redis: RedisServer;
let dir: string;
let prefix = 0;

beforeAll(async () => {
	redis = await startRedisServer();
});
afterAll(async () => redis.stop());
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'stock-ledger-'));
	process.env.N8N_USER_FOLDER = dir;
	prefix += 1;
});
afterEach(async () => {
	await closeAllStores();
	rmSync(dir, { recursive: true, force: true });
});

const stores = [
	{ name: 'embedded (SQLite)', stateStore: 'embedded', credentials: () => ({}) },
	{
		name: 'Redis',
		stateStore: 'redis',
		credentials: () => ({
			host: redis.host,
			port: redis.port,
			user: '',
			password: '',
			database: 0,
			ssl: false,
			keyPrefix: `ledger-test-${prefix}:`,
		}),
	},
];

describe.each(stores)('TikTok Shop Stock Ledger on $name', (store) => {
	async function ledger(
		parameters: FakeRun['parameters'],
		rows: IDataObject[],
		continueOnFail = false,
	): Promise<IDataObject[]> {
		return (await ledgerItems(parameters, rows, continueOnFail)).map((item) => item.json);
	}

	async function ledgerItems(
		parameters: FakeRun['parameters'],
		rows: IDataObject[],
		continueOnFail = false,
	): Promise<INodeExecutionData[]> {
		const [out] = await runNode(ledgerNode, {
			credentials: store.credentials(),
			items: rows.map((json) => ({ json })),
			continueOnFail,
			parameters: {
				stateStore: store.stateStore,
				ledgerName: 'us-shop',
				sku: (index: number) => rows[index].sku,
				...parameters,
			},
		});
		return out;
	}

	const sale = (rows: IDataObject[]) =>
		ledger(
			{
				operation: 'recordSale',
				units: (index: number) => rows[index].units ?? '1',
				keySource: 'order',
				channel: 'tiktok',
				orderId: (index: number) => rows[index].order,
				lineId: (index: number) => rows[index].line,
				occurredAt: '',
			},
			rows,
		);

	it('records a sale once per order line however often the webhook repeats, and a cancellation of it once', async () => {
		await ledger(
			{ operation: 'setOnHand', quantity: (index: number) => [40][index], countKey: '' },
			[{ sku: 'HOODIE-BLK-M' }],
		);
		const first = await sale([{ sku: 'HOODIE-BLK-M', order: '576469812345', line: '1', units: 2 }]);
		const repeat = await sale([
			{ sku: 'HOODIE-BLK-M', order: '576469812345', line: '1', units: 2 },
		]);
		expect(first[0]).toMatchObject({
			applied: true,
			duplicate: false,
			onHand: 38,
			movement: { kind: 'sale', key: 'sale|tiktok:576469812345:1', delta: -2 },
		});
		expect(repeat[0]).toMatchObject({ applied: false, duplicate: true, onHand: 38 });

		const cancel = {
			operation: 'recordCancellation',
			units: '2',
			keySource: 'order',
			channel: 'tiktok',
			orderId: '576469812345',
			lineId: '1',
			occurredAt: '',
		};
		expect((await ledger(cancel, [{ sku: 'HOODIE-BLK-M' }]))[0]).toMatchObject({
			applied: true,
			onHand: 40,
		});
		expect((await ledger(cancel, [{ sku: 'HOODIE-BLK-M' }]))[0]).toMatchObject({
			applied: false,
			onHand: 40,
		});

		const returned = {
			operation: 'recordReturn',
			units: '1',
			keySource: 'custom',
			customKey: 'RMA-2291',
			occurredAt: '',
		};
		expect((await ledger(returned, [{ sku: 'HOODIE-BLK-M' }]))[0]).toMatchObject({
			applied: true,
			onHand: 41,
		});
		const damaged = {
			operation: 'recordAdjustment',
			change: '-3',
			keySource: 'custom',
			customKey: 'damaged-2026-11-25',
			occurredAt: '',
		};
		expect((await ledger(damaged, [{ sku: 'HOODIE-BLK-M' }]))[0]).toMatchObject({
			applied: true,
			onHand: 38,
			movement: { delta: -3 },
		});
	});

	it('leaves the exact count after 50 concurrent executions each recording a sale of the same SKU', async () => {
		await ledger({ operation: 'setOnHand', quantity: '100', countKey: '' }, [{ sku: 'MUG-SAGE' }]);
		const orders = Array.from({ length: 50 }, (_, index) => ({
			sku: 'MUG-SAGE',
			order: `57647000${index}`,
			line: '1',
		}));
		// Every order twice, all at once, as a webhook retry storm would deliver them.
		const results = await Promise.all([...orders, ...orders].map((row) => sale([row])));
		expect(results.flat().filter((result) => result.applied)).toHaveLength(50);
		const [stock] = await ledger({ operation: 'getStock', velocityWindowHours: 24 }, [
			{ sku: 'MUG-SAGE' },
		]);
		expect(stock).toMatchObject({
			onHand: 50,
			available: 50,
			soldInWindow: 50,
			velocityPerDay: 50,
		});
	});

	it('reports velocity over the window, by the time each sale occurred', async () => {
		const now = Date.now();
		const rows = [
			{ sku: 'CANDLE-CEDAR', order: 'A', line: '1', at: new Date(now - 2 * HOUR).toISOString() },
			{
				sku: 'CANDLE-CEDAR',
				order: 'B',
				line: '1',
				at: String(Math.floor((now - 30 * HOUR) / 1000)),
			},
			{ sku: 'CANDLE-CEDAR', order: 'C', line: '1', at: new Date(now - 80 * HOUR).toISOString() },
		];
		await ledger(
			{
				operation: 'recordSale',
				units: '3',
				keySource: 'order',
				channel: 'shopify',
				orderId: (index: number) => rows[index].order,
				lineId: '1',
				occurredAt: (index: number) => rows[index].at,
			},
			rows,
		);
		const [day] = await ledger({ operation: 'getStock', velocityWindowHours: 24 }, [
			{ sku: 'CANDLE-CEDAR' },
		]);
		const [threeDays] = await ledger({ operation: 'getStock', velocityWindowHours: 72 }, [
			{ sku: 'CANDLE-CEDAR' },
		]);
		expect(day).toMatchObject({ onHand: -9, available: 0, soldInWindow: 3, velocityPerDay: 3 });
		expect(threeDays).toMatchObject({ soldInWindow: 6, velocityPerDay: 2 });
	});

	it('turns channel SKUs into seller SKUs through the table or an input field', async () => {
		const rows = [
			{ sku: 'B0C7XYZ123' },
			{
				sku: 'gid://shopify/ProductVariant/4411',
				map: { 'gid://shopify/ProductVariant/4411': 'TEE-WHT-M' },
			},
			{ sku: 'TEE-WHT-L' },
		];
		const out = await ledger(
			{
				operation: 'setOnHand',
				quantity: '12',
				countKey: '',
				skuMapping: { rows: [{ channelSku: 'B0C7XYZ123', sellerSku: 'TEE-WHT-S' }] },
				mappingField: 'map',
			},
			rows,
		);
		expect(out.map((row) => [row.sellerSku, row.channelSku])).toEqual([
			['TEE-WHT-S', 'B0C7XYZ123'],
			['TEE-WHT-M', 'gid://shopify/ProductVariant/4411'],
			['TEE-WHT-L', undefined],
		]);
		await expect(
			ledger(
				{
					operation: 'setOnHand',
					quantity: '12',
					countKey: '',
					skuMapping: { rows: [{ channelSku: 'B0C7XYZ123', sellerSku: 'TEE-WHT-S' }] },
					unmappedSkus: 'error',
				},
				[{ sku: 'WALMART-778' }],
			),
		).rejects.toThrow('SKU: "WALMART-778" is not in the SKU mapping table');
	});

	it('applies a stock count once per count key, and names the field and value of bad input', async () => {
		const count = { operation: 'setOnHand', quantity: '30', countKey: 'cycle-count-2026-11-25' };
		expect((await ledger(count, [{ sku: 'CAP-NVY' }]))[0]).toMatchObject({
			applied: true,
			onHand: 30,
		});
		await sale([{ sku: 'CAP-NVY', order: 'X1', line: '1' }]);
		expect((await ledger(count, [{ sku: 'CAP-NVY' }]))[0]).toMatchObject({
			applied: false,
			onHand: 29,
		});

		const bad = await ledger(
			{
				operation: 'setOnHand',
				quantity: (index: number) => ['-4', 'lots', '7'][index],
				countKey: '',
			},
			[{ sku: 'CAP-NVY' }, { sku: 'CAP-NVY' }, { sku: 'CAP-NVY' }],
			true,
		);
		expect(
			bad.map((row) => [
				(row.details as IDataObject | undefined)?.field,
				(row.details as IDataObject | undefined)?.value,
				row.error,
			]),
		).toEqual([
			[
				'Quantity On Hand',
				'-4',
				'Quantity On Hand: "-4" is negative; stock cannot be below 0 here',
			],
			['Quantity On Hand', 'lots', 'Quantity On Hand: "lots" is not a whole number of units'],
			[undefined, undefined, undefined],
		]);
		expect(bad[2]).toMatchObject({ onHand: 7 });
		// n8n sends an item to the error output ("Continue (using error output)") only when its json has no keys but
		// error, message and details.
		const routed = await ledgerItems(
			{ operation: 'setOnHand', quantity: (index: number) => ['lots', '7'][index], countKey: '' },
			[{ sku: 'CAP-NVY' }, { sku: 'CAP-NVY' }],
			true,
		);
		expect(
			Object.keys(routed[0].json).every((key) => ['error', 'message', 'details'].includes(key)),
		).toBe(true);
		expect(routed[0]).toMatchObject({
			json: { error: 'Quantity On Hand: "lots" is not a whole number of units' },
			pairedItem: { item: 0 },
		});
		expect(routed[1]).toMatchObject({ json: { onHand: 7 }, pairedItem: { item: 1 } });
		await expect(
			ledger(
				{
					operation: 'recordSale',
					units: '0',
					keySource: 'custom',
					customKey: 'k',
					occurredAt: '',
				},
				[{ sku: 'CAP-NVY' }],
			),
		).rejects.toThrow('Units: 0 is 0');
	});
});
