/**
 * 3PL Tracking Parser benchmark, in two parts.
 * 1. The independent corpus (test/fixtures/3pl/world, written by someone who had not read the parser): per-family
 *    precision/recall, pair precision, confidence calibration, PDFs/s (bench/trackingParserAccuracy.ts).
 * 2. The parser's own template corpus (written with the parser, so it only shows the parser agrees with itself),
 *    against two baselines measured in the same run on the same text: ts-tracking-number's findTracking and a
 *    regex-only extractor.
 *
 *   ts-node --transpile-only bench/trackingParser.ts [scale=5]
 */
import { parseDocument } from '../nodes/TrackingParser/v1/parsing/parseDocument';
import type { ExtractionOptions } from '../nodes/TrackingParser/v1/parsing/types';
import type { Fixture } from '../test/fixtures/3pl/templates';
import { benchCorpus, pdfCorpus } from './lib/benchCorpus';
import { documentText } from './lib/documentText';
import { libraryFindTracking, regexOnly } from './lib/extractors';
import { PrecisionRecall } from './lib/precisionRecall';
import { reportWorldAccuracy } from './trackingParserAccuracy';

const scale = Number(process.argv[2] ?? 5);

function optionsFor(fixture: Fixture): ExtractionOptions {
	return {
		referenceMap: new Map(Object.entries(fixture.options?.referenceMap ?? {})),
		expectedCarrier: fixture.options?.expectedCarrier,
		minConfidence: 0.6,
		outputUnmappedForLookup: false,
		maxBytes: 10 * 1024 * 1024,
	};
}

const format = (value: number): string => value.toFixed(4);
const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

async function main(): Promise<void> {
	await reportWorldAccuracy();
	console.log(
		"\n--- The parser's own template corpus (written with the parser: agreement with itself, not accuracy) ---\n",
	);
	const corpus = benchCorpus(20261125, scale);
	const texts = await Promise.all(
		corpus.map((fixture) => documentText(fixture.data, fixture.fileName, fixture.mimeType)),
	);

	const parserRows = new PrecisionRecall();
	const parserNumbers = new PrecisionRecall();
	const parserCarriers = { right: 0, all: 0 };
	let unparsedExpected = 0;
	let unparsedMet = 0;
	const parseStart = process.hrtime.bigint();
	for (const fixture of corpus) {
		const result = await parseDocument(
			{ data: fixture.data, fileName: fixture.fileName, mimeType: fixture.mimeType },
			optionsFor(fixture),
		);
		parserRows.add(
			result.rows.map((row) => `${row.order_id}|${row.tracking_number}`),
			fixture.truth.rows.map((row) => `${row.order_id}|${row.tracking_number}`),
		);
		parserNumbers.add(
			result.rows.map((row) => row.tracking_number),
			fixture.truth.rows.map((row) => row.tracking_number),
		);
		for (const row of result.rows) {
			const truth = fixture.truth.rows.find(
				(expected) => expected.tracking_number === row.tracking_number,
			);
			if (!truth) continue;
			parserCarriers.all++;
			if (truth.carrier === row.carrier) parserCarriers.right++;
		}
		const codes = result.unparsed.map((entry) => entry.code);
		unparsedExpected += fixture.truth.unparsed.length;
		unparsedMet += fixture.truth.unparsed.filter((code) => codes.includes(code)).length;
	}
	const parseSeconds = seconds(parseStart);

	const baselines = [
		{ name: 'ts-tracking-number findTracking', find: libraryFindTracking },
		{ name: 'regex-only', find: regexOnly },
	].map((baseline) => {
		const score = new PrecisionRecall();
		const start = process.hrtime.bigint();
		corpus.forEach((fixture, index) =>
			score.add(
				baseline.find(texts[index]),
				fixture.truth.rows.map((row) => row.tracking_number),
			),
		);
		return { ...baseline, score, seconds: seconds(start) };
	});

	const pdfs = pdfCorpus(7, 40 * scale);
	const pdfOptions = optionsFor(pdfs[0]);
	const pdfStart = process.hrtime.bigint();
	const pdfNumbers = new PrecisionRecall();
	for (const pdf of pdfs) {
		const result = await parseDocument(
			{ data: pdf.data, fileName: pdf.fileName, mimeType: pdf.mimeType },
			pdfOptions,
		);
		pdfNumbers.add(
			result.rows.map((row) => row.tracking_number),
			pdf.truth.rows.map((row) => row.tracking_number),
		);
	}
	const pdfSeconds = seconds(pdfStart);

	const expectedRows = corpus.reduce((sum, fixture) => sum + fixture.truth.rows.length, 0);
	console.log(
		`Corpus: ${corpus.length} documents, ${expectedRows} labelled (order, tracking) rows; ${pdfs.length} standalone PDFs.`,
	);
	console.log('');
	console.log('Tracking numbers found (every extractor reads the same text):');
	console.log('extractor                          precision  recall   false+  missed');
	const line = (name: string, score: PrecisionRecall) =>
		console.log(
			`${name.padEnd(34)} ${format(score.precision)}     ${format(score.recall)}   ${String(score.falsePositives).padStart(5)}  ${String(score.falseNegatives).padStart(6)}`,
		);
	line('3PL Tracking Parser', parserNumbers);
	for (const baseline of baselines) line(baseline.name, baseline.score);
	console.log('');
	console.log('Rows (order ID + tracking number, what the Ship Batcher needs):');
	line('3PL Tracking Parser', parserRows);
	console.log(`carrier right on matched rows: ${parserCarriers.right}/${parserCarriers.all}`);
	console.log(`expected unparsed reasons reported: ${unparsedMet}/${unparsedExpected}`);
	console.log('');
	for (const baseline of baselines) {
		console.log(
			`vs ${baseline.name}: precision x${(parserNumbers.precision / baseline.score.precision).toFixed(2)}, ` +
				`false positives ${baseline.score.falsePositives} -> ${parserNumbers.falsePositives}, recall x${(parserNumbers.recall / baseline.score.recall).toFixed(2)}`,
		);
	}
	console.log('');
	console.log(
		`Throughput, whole pipeline (read + extract): ${(corpus.length / parseSeconds).toFixed(1)} documents/s`,
	);
	console.log(
		`Throughput, PDFs: ${(pdfs.length / pdfSeconds).toFixed(1)} PDFs/s (target >= 50); PDF recall ${format(pdfNumbers.recall)}, precision ${format(pdfNumbers.precision)}`,
	);
	for (const baseline of baselines) {
		console.log(
			`  ${baseline.name} on extracted text only: ${(corpus.length / baseline.seconds).toFixed(0)} documents/s`,
		);
	}
	console.log('');
	const met =
		parserRows.precision >= 0.99 && parserRows.recall >= 0.98 && pdfs.length / pdfSeconds >= 50;
	console.log(
		`Targets (row precision >= 0.99, recall >= 0.98, >= 50 PDFs/s): ${met ? 'met' : 'NOT met'}`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
