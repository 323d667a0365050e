import './pdfWorkerInJest';
import { fixtureFiles } from './fixtureFiles';
import { binaryItem, runParser } from './parserHost';

const key = (row: { order_id: unknown; tracking_number: unknown; carrier: unknown }): string =>
	`${String(row.order_id)}|${String(row.tracking_number)}|${String(row.carrier)}`;

describe.each(fixtureFiles().map((fixture) => [fixture.name, fixture] as const))(
	'fixture %s',
	(_name, fixture) => {
		it('outputs exactly the labelled rows, none of the look-alikes, and the expected unparsed reasons', async () => {
			const { rows, unparsed } = await runParser({
				items: [binaryItem({ data: fixture })],
				parameters: {
					source: 'binary',
					binaryPropertyNames: 'data',
					options: {
						referenceMapping: JSON.stringify(fixture.options.referenceMap ?? {}),
						expectedCarrier: fixture.options.expectedCarrier ?? '',
					},
				},
			});
			expect(rows.map((item) => key(item.json as never)).sort()).toEqual(
				fixture.rows.map(key).sort(),
			);
			const output = rows.map((item) => String(item.json.tracking_number));
			for (const lookalike of fixture.lookalikes) expect(output).not.toContain(lookalike);
			expect(unparsed.map((item) => item.json.code).sort()).toEqual([...fixture.unparsed].sort());
			for (const item of [...rows, ...unparsed]) {
				expect(item.pairedItem).toEqual({ item: 0 });
				const source = item.json.source as Record<string, unknown>;
				expect(source.file_name ?? source.message_id).toBeTruthy();
			}
			for (const item of rows) {
				expect(typeof item.json.order_id).toBe('string');
				expect(item.json.confidence).toBeGreaterThanOrEqual(0.6);
				expect(item.json.confidence).toBeLessThanOrEqual(1);
			}
			for (const item of unparsed) expect(String(item.json.reason).length).toBeGreaterThan(20);
		});
	},
);
