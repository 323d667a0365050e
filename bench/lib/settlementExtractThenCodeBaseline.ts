import { parse } from 'csv-parse';
import { createReadStream, readFileSync } from 'node:fs';
import Papa from 'papaparse';

import { codeNode, type CodeNodeItem } from './settlementCodeNode';

/**
 * Child process: what a user builds today, Extract From File → Code node. Leaves out the task runner's copy of the
 * items (n8n 2.x sends Code node input to a separate runner), so the baseline is, if anything, flattered.
 *   node settlementExtractThenCodeBaseline.js <file> [extract-from-file | papaparse]
 */
type Extractor = (path: string) => Promise<CodeNodeItem[]>;

/**
 * n8n 2.41.1's Extract From File (CSV) as it runs with the options a user needs for this report: csv-parse 7.0.2 (its
 * version) streaming the stored file, a header row, "Include Empty Cells" off (its default: each record is filtered)
 * and BOM handling on (Seller Center's BOM otherwise ends up in the first column's name). Each row becomes an item
 * paired with the input item.
 */
const extractFromFile: Extractor = async (path) => {
	const items: Array<CodeNodeItem & { pairedItem: { item: number } }> = [];
	const parser = parse({
		bom: true,
		skip_empty_lines: true,
		columns: true,
		onRecord: (record: Record<string, string>) => {
			items.push({
				json: Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '')),
				pairedItem: { item: 0 },
			});
			return undefined;
		},
	});
	parser.resume();
	await new Promise((resolve, reject) => {
		const stream = createReadStream(path);
		stream.on('error', reject);
		parser.on('error', reject);
		parser.on('end', resolve);
		stream.pipe(parser);
	});
	return items;
};

/** The stand-in this bench used before: papaparse over the whole text, which is faster than Extract From File's parser. */
const papaparseWhole: Extractor = async (path) => {
	const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true,
	});
	return parsed.data.map((json) => ({ json }));
};

async function main(path: string, extractor: string): Promise<void> {
	const started = process.hrtime.bigint();
	const items = await (extractor === 'papaparse' ? papaparseWhole : extractFromFile)(path);
	const result = codeNode(items);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	process.stdout.write(
		`${JSON.stringify({ rows: items.length, ...result, seconds, cpuSeconds: cpuSeconds(), peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
	);
}

/** User + system time, as the reconciler's worker reports it. */
function cpuSeconds(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1e6;
}

void main(process.argv[2], process.argv[3] ?? 'extract-from-file');
