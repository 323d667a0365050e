/**
 * 3PL Tracking Parser accuracy on the independent corpora, written from public 3PL formats by people who had not read
 * the parser: test/fixtures/3pl/world/ (369 emails, PDFs and CSVs in 17 layouts) and test/fixtures/3pl/xlsx-world/
 * (Excel workbooks). Each document is parsed as a user runs the
 * node: the file as binary input, the reference mapping as the user gives it, every other option at its default.
 * Prints tracking precision/recall, pair precision (order and number both right), rows bound to another order,
 * documents exactly right, per-family figures, the confidence calibration and PDF throughput.
 *
 *   ts-node --transpile-only bench/trackingParserAccuracy.ts [--verbose]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseDocument } from '../nodes/TrackingParser/v1/parsing/parseDocument';
import type { ExtractionResult } from '../nodes/TrackingParser/v1/parsing/types';

const CORPORA = join(__dirname, '..', 'test', 'fixtures', '3pl');

interface Shipment {
	order_id: string;
	tracking_number: string;
	carrier: string;
}

interface Document {
	file: string;
	mimeType: string;
	layout: string;
	families: string[];
	referenceMapping: Record<string, string>;
	shipments: Shipment[];
	notShipments: Array<{ tracking_number: string }>;
	expectedUnparsed: Array<{ code: string }>;
}

class Tally {
	output = 0;
	right = 0;
	expected = 0;
	found = 0;
	pairsOutput = 0;
	pairsRight = 0;

	add(rows: ExtractionResult['rows'], truth: Shipment[]): void {
		const numbers = new Set(truth.map((shipment) => shipment.tracking_number));
		const pairs = new Set(
			truth.map((shipment) => `${shipment.order_id}|${shipment.tracking_number}`),
		);
		const outNumbers = new Set(rows.map((row) => row.tracking_number));
		this.output += outNumbers.size;
		this.right += [...outNumbers].filter((number) => numbers.has(number)).length;
		this.expected += numbers.size;
		this.found += [...numbers].filter((number) => outNumbers.has(number)).length;
		this.pairsOutput += rows.length;
		this.pairsRight += rows.filter((row) =>
			pairs.has(`${row.order_id}|${row.tracking_number}`),
		).length;
	}

	line(name: string): string {
		const ratio = (a: number, b: number) => (b === 0 ? '  n/a' : (a / b).toFixed(3));
		return `${name.padEnd(26)}${ratio(this.right, this.output).padStart(10)}${ratio(this.found, this.expected).padStart(9)}${ratio(this.pairsRight, this.pairsOutput).padStart(12)}${String(this.pairsOutput).padStart(7)}`;
	}
}

/**
 * Scores the parser on one independent corpus (a folder of test/fixtures/3pl/ with docs/ and truth.json) and prints
 * the figures; with `verbose`, every document not exactly right.
 */
export async function reportCorpusAccuracy(corpus: string, verbose = false): Promise<void> {
	const folder = join(CORPORA, corpus);
	const documents = JSON.parse(readFileSync(join(folder, 'truth.json'), 'utf8')) as Document[];
	const all = new Tally();
	const byFamily = new Map<string, Tally>();
	const byLayout = new Map<string, Tally>();
	let exact = 0;
	let otherOrder = 0;
	let otherOrderConfident = 0;
	const calibration = { confident: 0, confidentRight: 0 };
	let pdfSeconds = 0;
	let pdfs = 0;
	let workbookSeconds = 0;
	let workbookRows = 0;
	let workbooks = 0;
	const unparsedCodes = { expected: 0, met: 0 };
	for (const document of documents) {
		const data = readFileSync(join(folder, document.file));
		const started = process.hrtime.bigint();
		const result = await parseDocument(
			{ data, fileName: document.file.split('/').pop(), mimeType: document.mimeType },
			{
				referenceMap: new Map(
					Object.entries(document.referenceMapping).map(([reference, orderId]) => [
						reference.toUpperCase(),
						orderId,
					]),
				),
				minConfidence: 0.6,
				outputUnmappedForLookup: false,
				maxBytes: 10 * 1024 * 1024,
			},
		);
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;
		if (document.mimeType === 'application/pdf') {
			pdfSeconds += seconds;
			pdfs++;
		}
		if (document.file.endsWith('.xlsx')) {
			workbookSeconds += seconds;
			workbookRows += document.shipments.length + document.notShipments.length;
			workbooks++;
		}
		all.add(result.rows, document.shipments);
		for (const family of document.families) {
			if (!byFamily.has(family)) byFamily.set(family, new Tally());
			byFamily.get(family)!.add(result.rows, document.shipments);
		}
		if (!byLayout.has(document.layout)) byLayout.set(document.layout, new Tally());
		byLayout.get(document.layout)!.add(result.rows, document.shipments);
		const pairs = new Set(
			document.shipments.map((shipment) => `${shipment.order_id}|${shipment.tracking_number}`),
		);
		const numbers = new Set(document.shipments.map((shipment) => shipment.tracking_number));
		for (const row of result.rows) {
			const right = pairs.has(`${row.order_id}|${row.tracking_number}`);
			if (row.confidence >= 0.9) {
				calibration.confident++;
				if (right) calibration.confidentRight++;
			}
			if (!right && numbers.has(row.tracking_number) && row.order_id) {
				otherOrder++;
				if (row.confidence >= 0.9) otherOrderConfident++;
			}
		}
		const outPairs = new Set(result.rows.map((row) => `${row.order_id}|${row.tracking_number}`));
		const isExact =
			outPairs.size === pairs.size &&
			[...pairs].every((pair) => outPairs.has(pair)) &&
			result.rows.length === pairs.size;
		if (isExact) exact++;
		const codes = new Set(result.unparsed.map((entry) => entry.code));
		for (const expected of new Set(document.expectedUnparsed.map((entry) => entry.code))) {
			unparsedCodes.expected++;
			if (codes.has(expected as never)) unparsedCodes.met++;
		}
		if (verbose && !isExact) {
			console.log(`-- ${document.file}`);
			console.log(`   wrong: ${[...outPairs].filter((pair) => !pairs.has(pair)).join(' ')}`);
			console.log(`   missed: ${[...pairs].filter((pair) => !outPairs.has(pair)).join(' ')}`);
			console.log(`   unparsed: ${result.unparsed.map((entry) => entry.code).join(' ')}`);
		}
	}
	console.log(
		`3PL Tracking Parser on the independent corpus test/fixtures/3pl/${corpus} (${documents.length} documents)`,
	);
	console.log(`${''.padEnd(26)} precision   recall  pair prec.   rows`);
	console.log(all.line('all documents'));
	for (const [family, tally] of [...byFamily].sort()) console.log(tally.line(`  family ${family}`));
	for (const [layout, tally] of [...byLayout].sort()) console.log(tally.line(`  layout ${layout}`));
	console.log(`documents exactly right: ${exact} / ${documents.length}`);
	console.log(
		`rows bound to another order: ${otherOrder} (${otherOrderConfident} of them at confidence ≥ 0.9)`,
	);
	console.log(
		`calibration: of ${calibration.confident} rows at confidence ≥ 0.9, ${(calibration.confidentRight / Math.max(1, calibration.confident)).toFixed(3)} are right`,
	);
	console.log(`expected Unparsed reasons given: ${unparsedCodes.met} / ${unparsedCodes.expected}`);
	if (pdfs)
		console.log(
			`PDFs: ${pdfs} in ${pdfSeconds.toFixed(2)} s = ${(pdfs / pdfSeconds).toFixed(1)} PDFs/s (multi-page manifests and slips; target >= 50)`,
		);
	if (workbooks)
		console.log(
			`Workbooks: ${workbooks} (${workbookRows} numbers) in ${workbookSeconds.toFixed(2)} s = ${(workbookRows / workbookSeconds).toFixed(0)} numbers/s, read in the reader thread`,
		);
	const pairPrecision = all.pairsRight / Math.max(1, all.pairsOutput);
	const floors =
		all.right / Math.max(1, all.output) >= 0.99 &&
		all.found / Math.max(1, all.expected) >= 0.95 &&
		pairPrecision >= 0.995 &&
		otherOrder === 0 &&
		exact / documents.length >= 110 / 120;
	console.log(
		`Issue #16 floors (precision >= 0.99, recall >= 0.95, pair precision >= 0.995, 0 rows on another order, >= 110/120 documents exactly right): ${floors ? 'met' : 'NOT met'} on this corpus`,
	);
}

/** Both independent corpora, one after the other. */
export async function reportWorldAccuracy(verbose = false): Promise<void> {
	await reportCorpusAccuracy('world', verbose);
	console.log();
	await reportCorpusAccuracy('xlsx-world', verbose);
}

if (require.main === module) {
	reportWorldAccuracy(process.argv.includes('--verbose')).catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
