import { Random } from '../../test/fixtures/3pl/random';
import * as templates from '../../test/fixtures/3pl/templates';

/**
 * A corpus built from the fixture templates with fresh seeds: every document carries its ground
 * truth, so precision and recall are measured, not eyeballed. The mix leans on the hard layouts
 * (manifests, packing slips, look-alike-heavy CSVs).
 */
export function benchCorpus(seed: number, scale: number): templates.Fixture[] {
	const random = new Random(seed);
	const corpus: templates.Fixture[] = [];
	const add = (count: number, make: () => templates.Fixture) => {
		for (let index = 0; index < count * scale; index++) corpus.push(make());
	};
	add(12, () => templates.shipBobConfirmation(random));
	add(8, () => templates.shipMonkConfirmation(random));
	add(4, () => templates.htmlOnlyLinkConfirmation(random));
	add(6, () => templates.packingSlipEmail(random));
	add(8, () => templates.manifestPdf(random));
	add(6, () => templates.csvManifest(random, undefined, random.next() < 0.5));
	add(4, () => templates.inventoryReceiptEmail(random));
	add(1, () => templates.encryptedManifestEmail(random));
	add(1, () => templates.truncatedPdf(random));
	return corpus;
}

/** Standalone PDFs for the throughput figure: manifests and packing slips, as 3PLs attach them. */
export function pdfCorpus(seed: number, count: number): templates.Fixture[] {
	const random = new Random(seed);
	return Array.from({ length: count }, (_unused, index) =>
		templates.manifestPdf(random, index % 2 ? random.int(1, 3) : random.int(4, 14)),
	);
}
