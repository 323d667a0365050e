import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { simulatorCredentials } from '../../dev/harness/simulatorCredentials';
import type { SimulatorOptions } from '../../dev/simulator';
import type { Scenarios } from './simulatorWorker';
import type { WorkerReady, WorkerReply, WorkerRequest } from './workerMessages';

/**
 * A simulator in its own process (simulatorWorker.ts), driven over IPC, so the CPU it spends answering does not
 * share a core, an event loop or a garbage collector with the code the benchmark measures.
 */
export class SimulatorProcess<Name extends keyof Scenarios> {
	private nextId = 1;
	private readonly waiting = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();

	private constructor(
		private readonly child: ChildProcess,
		readonly ready: WorkerReady<Awaited<ReturnType<Scenarios[Name]['prepare']>>>,
	) {
		child.on('message', (message: WorkerReply) => {
			const pending = this.waiting.get(message.id);
			if (!pending) return;
			this.waiting.delete(message.id);
			if (message.error !== undefined) pending.reject(new Error(message.error));
			else pending.resolve(message.result);
		});
	}

	/** `execArgv` lets a run profile the child, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof']. */
	static async start<Name extends keyof Scenarios>(
		scenario: Name,
		args: Parameters<Scenarios[Name]['prepare']>[1],
		simulator: SimulatorOptions,
		execArgv: string[] = (process.env.BENCH_SIMULATOR_NODE_OPTIONS ?? '')
			.split(' ')
			.filter(Boolean),
	): Promise<SimulatorProcess<Name>> {
		const child = fork(
			join(__dirname, 'simulatorWorker.ts'),
			[scenario, JSON.stringify(args), JSON.stringify(simulator)],
			{
				execArgv: ['-r', 'ts-node/register/transpile-only', ...execArgv],
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			},
		);
		const ready = await new Promise<WorkerReady<Awaited<ReturnType<Scenarios[Name]['prepare']>>>>(
			(resolve, reject) => {
				child.once('message', (message) =>
					resolve(message as WorkerReady<Awaited<ReturnType<Scenarios[Name]['prepare']>>>),
				);
				child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
			},
		);
		return new SimulatorProcess(child, ready);
	}

	ask<T>(command: WorkerRequest['command'], payload?: unknown): Promise<T> {
		const id = this.nextId++;
		return new Promise<T>((resolve, reject) => {
			this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
			this.child.send({ id, command, payload } satisfies WorkerRequest);
		});
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			this.child.once('exit', () => resolve());
			this.child.send({ id: 0, command: 'close' } satisfies WorkerRequest);
		});
	}

	/** The "TikTok Shop API" credential fields for this simulator. */
	credentials() {
		return simulatorCredentials(this.ready);
	}
}
