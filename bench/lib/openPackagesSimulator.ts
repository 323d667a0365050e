import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { WorkerReady, WorkerStats } from './openPackagesSimulatorWorker';

/** A simulator in its own process (see openPackagesSimulatorWorker.ts), driven over IPC. */
export class SimulatorProcess {
	private constructor(
		private readonly child: ChildProcess,
		readonly ready: WorkerReady,
	) {}

	static async start(packages: number, timeScale: number): Promise<SimulatorProcess> {
		const child = fork(join(__dirname, 'openPackagesSimulatorWorker.ts'), [String(packages), String(timeScale)], {
			execArgv: ['-r', 'ts-node/register/transpile-only'],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		const ready = await new Promise<WorkerReady>((resolve, reject) => {
			child.once('message', (message) => resolve(message as WorkerReady));
			child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
		});
		return new SimulatorProcess(child, ready);
	}

	stats(): Promise<WorkerStats> {
		return new Promise((resolve) => {
			this.child.once('message', (message) => resolve(message as WorkerStats));
			this.child.send({ type: 'stats' });
		});
	}

	close(): Promise<void> {
		return new Promise((resolve) => {
			this.child.once('exit', () => resolve());
			this.child.send({ type: 'close' });
		});
	}

	credentials() {
		const { url, app, shopCipher, tokens } = this.ready;
		return { ...app, ...tokens, shopCipher, shop: '', baseUrl: url, authBaseUrl: url };
	}
}
