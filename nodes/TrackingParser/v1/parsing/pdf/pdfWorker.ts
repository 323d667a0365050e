/**
 * Worker-thread entry that reads the text of PDFs with pdf.js, one job at a time, so a PDF that is slow
 * or huge costs this thread (which the main thread can terminate) and never the n8n event loop.
 *
 * This file is started as its own thread: under Node 24 it runs from the .ts source (type stripping) in
 * tests and as the compiled .js in dist. It therefore loads only Node built-ins and pdf.js, with require()
 * so that Node reads the source as CommonJS either way, and imports nothing but types.
 */
import type { ReaderJob, ReaderJobResult } from '../threads/readerPool';
import type { PdfItem, PdfJobOptions, PdfPage, PdfText } from './pdfItems';

/* eslint-disable @typescript-eslint/no-require-imports -- see above: the source must run as CommonJS without a compiler */
const { createRequire } = require('node:module') as typeof import('node:module');
const { parentPort, workerData } =
	require('node:worker_threads') as typeof import('node:worker_threads');
/* eslint-enable @typescript-eslint/no-require-imports */

interface PdfJsTextItem {
	str?: string;
	transform?: number[];
	width?: number;
}
interface PdfJsPage {
	getViewport(options: { scale: number }): { width: number; height: number; transform: number[] };
	getTextContent(): Promise<{ items: PdfJsTextItem[] }>;
	cleanup(): void;
}
interface PdfJsDocument {
	numPages: number;
	getPage(pageNumber: number): Promise<PdfJsPage>;
}
interface PdfJs {
	getDocument(options: Record<string, unknown>): {
		promise: Promise<PdfJsDocument>;
		destroy(): Promise<void>;
	};
	Util: { transform(m1: number[], m2: number[]): number[] };
}

// pdf.js comes with pdf-parse; resolving it from there finds the copy pdf-parse was installed with.
const load = createRequire((workerData as { resolveFrom: string }).resolveFrom);
const pdfjs = load('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs;
// pdf.js runs its own "worker" in this thread when handed the module, instead of importing it itself.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = load(
	'pdfjs-dist/legacy/build/pdf.worker.mjs',
);

async function pageText(page: PdfJsPage): Promise<PdfPage> {
	const viewport = page.getViewport({ scale: 1 });
	const content = await page.getTextContent();
	const items: PdfItem[] = [];
	for (const item of content.items) {
		if (typeof item.str !== 'string' || item.str === '' || !item.transform) continue;
		// The viewport applies the page's rotation and crop box, so x and y are as a person sees the page.
		const [, , c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform);
		items.push({ text: item.str, x, y, width: item.width ?? 0, size: Math.hypot(c, d) || 10 });
	}
	page.cleanup();
	return { width: viewport.width, height: viewport.height, items };
}

async function read(job: ReaderJob<PdfJobOptions>): Promise<ReaderJobResult<PdfText>> {
	const task = pdfjs.getDocument({
		data: job.data,
		verbosity: 0,
		isEvalSupported: false,
		useSystemFonts: false,
		disableFontFace: true,
		stopAtErrors: false,
	});
	try {
		const doc = await task.promise;
		const pages: PdfPage[] = [];
		const last = Math.min(doc.numPages, job.options.maxPages);
		for (let pageNumber = 1; pageNumber <= last; pageNumber++)
			pages.push(await pageText(await doc.getPage(pageNumber)));
		return { id: job.id, ok: true, value: { pageCount: doc.numPages, pages } };
	} catch (error) {
		const { name, message } = error as Error;
		return { id: job.id, ok: false, name: name ?? 'Error', message: message ?? String(error) };
	} finally {
		await task.destroy();
	}
}

parentPort?.on('message', (job: ReaderJob<PdfJobOptions>) => {
	void read(job).then((result) => parentPort?.postMessage(result));
});
