import { join } from 'node:path';
import * as nodeModule from 'node:module';

/**
 * pdf.js starts its in-process worker with a dynamic import(), which Jest's module sandbox refuses
 * without --experimental-vm-modules. n8n runs nodes in plain Node, where that import works. Here the
 * worker module is loaded by Node's own loader (Module._load, which Jest does not replace; Node 24
 * loads ES modules synchronously) and handed to pdf.js the documented way, through
 * globalThis.pdfjsWorker. Import this file before parsing PDFs in a test.
 */
const workerPath = join(__dirname, '../../../node_modules/pdf-parse/dist/worker/pdf.worker.mjs');
const load = (
	nodeModule as unknown as {
		Module: { _load(request: string, parent: null, isMain: boolean): unknown };
	}
).Module._load;
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = load(workerPath, null, false);
