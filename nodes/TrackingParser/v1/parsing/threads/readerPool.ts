import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** How much one file may cost before it is given up on. */
export interface ReaderLimits {
	/** Wall-clock time for reading one file. */
	timeMs: number;
	/** The worker thread's JavaScript heap, and how far the process may grow (buffers live outside the heap). */
	memoryMb: number;
}

/** What went past which limit, for the Unparsed reason: "took longer than 20 s to read (limit: time)". */
export function limitStopped(limit: 'time' | 'memory', limits: ReaderLimits): string {
	const what =
		limit === 'time'
			? `took longer than ${limits.timeMs / 1000} s to read`
			: `needed more than ${limits.memoryMb} MB of memory to read`;
	return `${what}, so reading it was stopped (limit: ${limit})`;
}

/** What a reader thread is sent: one file and the reader's own options. */
export interface ReaderJob<Options> {
	id: number;
	data: Uint8Array;
	options: Options;
}

/** What a reader thread sends back: plain data, nothing that needs the parsing library to read. */
export type ReaderJobResult<Value> =
	{ id: number; ok: true; value: Value } | { id: number; ok: false; name: string; message: string };

export type ReaderOutcome<Value> =
	| { ok: true; value: Value }
	| { ok: false; error: { name: string; message: string } }
	| { ok: false; limit: 'time' | 'memory' };

/** A reader thread's entry file and the package its parsing library is resolved from. */
export interface ReaderThread {
	/** Path of the entry without its extension: `.js` once built, `.ts` when tests run the sources. */
	entry: string;
	/** A file of the package the thread loads its library from (`require.resolve(...)`), as `workerData`. */
	resolveFrom: string;
	/** Shown when the thread stops on its own, e.g. "The PDF reader stopped unexpectedly." */
	stoppedMessage: string;
}

function entryOf(entry: string): { file: string; execArgv?: string[] } {
	if (existsSync(`${entry}.js`)) return { file: `${entry}.js` };
	// Node 24 strips the types itself; older Node needs ts-node (a dev dependency) to load the source.
	const stripsTypes = (process.features as { typescript?: unknown }).typescript;
	return stripsTypes
		? { file: `${entry}.ts` }
		: { file: `${entry}.ts`, execArgv: ['--require', 'ts-node/register/transpile-only'] };
}

/** One worker thread that reads one file at a time; it is thrown away when a file goes past a limit. */
class ReaderWorker<Options, Value> {
	private readonly worker: Worker;
	private current?: { id: number; settle: (outcome: ReaderOutcome<Value>) => void };
	private nextId = 1;
	dead = false;

	constructor(
		thread: ReaderThread,
		readonly memoryMb: number,
		private readonly onDead: () => void,
	) {
		const entry = entryOf(thread.entry);
		this.worker = new Worker(entry.file, {
			execArgv: entry.execArgv,
			workerData: { resolveFrom: thread.resolveFrom },
			resourceLimits: { maxOldGenerationSizeMb: memoryMb },
			// Parsing libraries print warnings about odd files; they are read and dropped, not mixed into n8n's log.
			stdout: false,
			stderr: false,
		});

		this.worker.unref();
		this.worker.on('message', (result: ReaderJobResult<Value>) => {
			if (!this.current || result.id !== this.current.id) return;
			const { settle } = this.current;
			this.current = undefined;
			this.worker.unref();
			settle(
				result.ok
					? { ok: true, value: result.value }
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
			this.kill({ ok: false, error: { name: 'WorkerExited', message: thread.stoppedMessage } }),
		);
	}

	get busy(): boolean {
		return this.current !== undefined;
	}

	run(data: Uint8Array, limits: ReaderLimits, options: Options): Promise<ReaderOutcome<Value>> {
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
			const job: ReaderJob<Options> = { id, data, options };
			this.worker.postMessage(job);
		});
	}

	async close(): Promise<void> {
		this.dead = true;
		await this.worker.terminate();
	}

	private kill(outcome: ReaderOutcome<Value>): void {
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

interface Waiting<Options, Value> {
	data: Uint8Array;
	limits: ReaderLimits;
	options: Options;
	resolve: (outcome: ReaderOutcome<Value>) => void;
}

/**
 * A small pool of reader threads shared by every document of the process: starting a parsing library costs a
 * few hundred milliseconds, reading a small manifest a few, so threads are reused and only replaced after a
 * file pushed one past a limit. A file that is slow or huge costs its thread, never n8n's event loop.
 */
export class ReaderPool<Options, Value> {
	private readonly workers: Array<ReaderWorker<Options, Value>> = [];
	private readonly waiting: Array<Waiting<Options, Value>> = [];

	constructor(
		private readonly thread: ReaderThread,
		private readonly size = Math.max(1, Math.min(2, availableParallelism())),
	) {}

	read(data: Uint8Array, limits: ReaderLimits, options: Options): Promise<ReaderOutcome<Value>> {
		return new Promise((resolve) => {
			this.waiting.push({ data, limits, options, resolve });
			this.dispatch();
		});
	}

	private dispatch(): void {
		while (this.waiting.length) {
			const job = this.waiting[0];
			// A thread's heap limit is set when it starts: a file with another limit gets a thread of its own.
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
				const created: ReaderWorker<Options, Value> = new ReaderWorker(
					this.thread,
					job.limits.memoryMb,
					() => this.remove(created),
				);
				this.workers.push(created);
				worker = created;
			}
			if (!worker) return;
			this.waiting.shift();
			void worker.run(job.data, job.limits, job.options).then((outcome) => {
				job.resolve(outcome);
				this.dispatch();
			});
		}
	}

	private remove(worker: ReaderWorker<Options, Value>): void {
		const index = this.workers.indexOf(worker);
		if (index >= 0) this.workers.splice(index, 1);
		// A replacement starts when the next file is waiting.
		setImmediate(() => this.dispatch());
	}

	/** Stops every thread (tests; n8n ends the process itself). */
	async close(): Promise<void> {
		await Promise.all(this.workers.map((worker) => worker.close()));
		this.workers.length = 0;
	}
}
