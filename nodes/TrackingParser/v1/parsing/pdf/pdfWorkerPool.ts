import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import type { PdfJob, PdfJobResult, PdfPage } from './pdfItems';

/** How much one PDF may cost before it is given up on. */
export interface PdfLimits {
	/** Wall-clock time for reading one PDF. */
	timeMs: number;
	/** The worker thread's JavaScript heap, and how far the process may grow (buffers live outside the heap). */
	memoryMb: number;
	/** Pages read; a longer PDF is read up to here and reported. */
	maxPages: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { timeMs: 20_000, memoryMb: 512, maxPages: 200 };

export type PdfWorkerOutcome =
	| { ok: true; pageCount: number; pages: PdfPage[] }
	| { ok: false; error: { name: string; message: string } }
	| { ok: false; limit: 'time' | 'memory' };

interface Waiting {
	data: Uint8Array;
	limits: PdfLimits;
	resolve: (outcome: PdfWorkerOutcome) => void;
}

/** The worker entry next to this file: .js once built, .ts when tests run the sources. */
function workerEntry(): { file: string; execArgv?: string[] } {
	const js = join(__dirname, 'pdfWorker.js');
	if (existsSync(js)) return { file: js };
	const ts = join(__dirname, 'pdfWorker.ts');
	// Node 24 strips the types itself; older Node needs ts-node (a dev dependency) to load the source.
	const stripsTypes = (process.features as { typescript?: unknown }).typescript;
	return stripsTypes
		? { file: ts }
		: { file: ts, execArgv: ['--require', 'ts-node/register/transpile-only'] };
}

/** One worker thread that reads one PDF at a time; it is thrown away when a PDF goes past a limit. */
class PdfWorker {
	private readonly worker: Worker;
	private current?: { id: number; settle: (outcome: PdfWorkerOutcome) => void };
	private nextId = 1;
	dead = false;

	constructor(
		readonly memoryMb: number,
		private readonly onDead: () => void,
	) {
		const entry = workerEntry();
		this.worker = new Worker(entry.file, {
			execArgv: entry.execArgv,
			workerData: { resolveFrom: require.resolve('pdf-parse') },
			resourceLimits: { maxOldGenerationSizeMb: memoryMb },
			// pdf.js prints warnings about odd fonts; they are read and dropped, not mixed into n8n's log.
			stdout: false,
			stderr: false,
		});

		this.worker.unref();
		this.worker.on('message', (result: PdfJobResult) => {
			if (!this.current || result.id !== this.current.id) return;
			const { settle } = this.current;
			this.current = undefined;
			this.worker.unref();
			settle(
				result.ok
					? { ok: true, pageCount: result.pageCount, pages: result.pages }
					: { ok: false, error: { name: result.name, message: result.message } },
			);
		});
		this.worker.on('error', (error: Error & { code?: string }) => {
			const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
			this.kill(
				outOfMemory
					? { ok: false, limit: 'memory' }
					: { ok: false, error: { name: error.name, message: error.message } },
			);
		});
		this.worker.on('exit', () =>
			this.kill({
				ok: false,
				error: { name: 'WorkerExited', message: 'The PDF reader stopped unexpectedly.' },
			}),
		);
	}

	get busy(): boolean {
		return this.current !== undefined;
	}

	run(data: Uint8Array, limits: PdfLimits): Promise<PdfWorkerOutcome> {
		return new Promise((resolve) => {
			const id = this.nextId++;
			const startRss = process.memoryUsage.rss();
			// Decoded streams are buffers outside the worker's heap limit, so the process's size is watched too.
			const watch = setInterval(() => {
				if (process.memoryUsage.rss() - startRss > limits.memoryMb * 2 * 1024 * 1024)
					this.kill({ ok: false, limit: 'memory' });
			}, 50);
			const timer = setTimeout(() => this.kill({ ok: false, limit: 'time' }), limits.timeMs);
			watch.unref();
			timer.unref();
			this.current = {
				id,
				settle: (outcome) => {
					clearInterval(watch);
					clearTimeout(timer);
					resolve(outcome);
				},
			};
			// The worker keeps the process alive only while it has work.
			this.worker.ref();
			const job: PdfJob = { id, data, maxPages: limits.maxPages };
			this.worker.postMessage(job);
		});
	}

	async close(): Promise<void> {
		this.dead = true;
		await this.worker.terminate();
	}

	private kill(outcome: PdfWorkerOutcome): void {
		if (!this.dead) {
			this.dead = true;
			void this.worker.terminate();
			this.onDead();
		}
		const current = this.current;
		this.current = undefined;
		current?.settle(outcome);
	}
}

/**
 * A small pool of PDF worker threads shared by every document of the process: starting pdf.js costs a
 * few hundred milliseconds, reading a small manifest a few, so threads are reused and only replaced
 * after a PDF pushed one past a limit.
 */
export class PdfWorkerPool {
	private readonly workers: PdfWorker[] = [];
	private readonly waiting: Waiting[] = [];

	constructor(private readonly size = Math.max(1, Math.min(2, availableParallelism()))) {}

	read(data: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<PdfWorkerOutcome> {
		return new Promise((resolve) => {
			this.waiting.push({ data, limits, resolve });
			this.dispatch();
		});
	}

	private dispatch(): void {
		while (this.waiting.length) {
			const job = this.waiting[0];
			// A thread's heap limit is set when it starts: a PDF with another limit gets a thread of its own.
			let worker = this.workers.find(
				(candidate) =>
					!candidate.busy && !candidate.dead && candidate.memoryMb === job.limits.memoryMb,
			);
			const idle = this.workers.find(
				(candidate) => !candidate.busy && candidate.memoryMb !== job.limits.memoryMb,
			);
			if (!worker && this.workers.length >= this.size && idle) {
				this.workers.splice(this.workers.indexOf(idle), 1);
				void idle.close();
			}
			if (!worker && this.workers.length < this.size) {
				const created: PdfWorker = new PdfWorker(job.limits.memoryMb, () => this.remove(created));
				this.workers.push(created);
				worker = created;
			}
			if (!worker) return;
			this.waiting.shift();
			void worker.run(job.data, job.limits).then((outcome) => {
				job.resolve(outcome);
				this.dispatch();
			});
		}
	}

	private remove(worker: PdfWorker): void {
		const index = this.workers.indexOf(worker);
		if (index >= 0) this.workers.splice(index, 1);
		// A replacement starts when the next PDF is waiting.
		setImmediate(() => this.dispatch());
	}

	/** Stops every thread (tests; n8n ends the process itself). */
	async close(): Promise<void> {
		await Promise.all(this.workers.map((worker) => worker.close()));
		this.workers.length = 0;
	}
}

export const pdfWorkers = new PdfWorkerPool();
