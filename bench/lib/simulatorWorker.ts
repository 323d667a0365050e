/**
 * Child process: a TikTok Shop simulator prepared by a scenario, answering its parent (simulatorProcess.ts) over IPC.
 *   argv: scenario name, scenario arguments (JSON), simulator options (JSON)
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator';
import { inventoryCatalogue } from './scenarios/inventoryCatalogue';
import { openOrdersAtRisk } from './scenarios/openOrdersAtRisk';
import { openPackages } from './scenarios/openPackages';
import type {
	RequestSummary,
	WorkerReady,
	WorkerReply,
	WorkerRequest,
	WorkerStats,
} from './workerMessages';

export interface Scenario<Args, Extra> {
	prepare(sim: RunningSimulator, args: Args): Extra;
	/**
	 * Sends each API the benchmark uses a first call on records the benchmark does not touch. TikTok's servers are
	 * warm; a fresh simulator is not, and its first answers would otherwise bill its own JIT compilation to the
	 * contender that happens to run first.
	 */
	warmUp?(sim: RunningSimulator): Promise<void>;
	commands: Record<string, (sim: RunningSimulator, payload: unknown) => unknown>;
}

export const scenarios = { openPackages, inventoryCatalogue, openOrdersAtRisk };
export type Scenarios = typeof scenarios;

function statsOf(sim: RunningSimulator, cpuSince: NodeJS.CpuUsage): WorkerStats {
	const accepted: Record<string, number> = {};
	for (const entry of sim.requests) {
		if (entry.status !== 200 || entry.code !== 0) continue;
		const api = entry.path.replace(/\/\d+(?=\/|$)/g, '/{id}');
		accepted[api] = (accepted[api] ?? 0) + 1;
	}
	const cpu = process.cpuUsage(cpuSince);
	return {
		rateLimited: sim.rateLimitedCount,
		requests: sim.requests.length,
		accepted,
		cpuMs: (cpu.user + cpu.system) / 1000,
	};
}

async function main(): Promise<void> {
	const [name, args, options] = process.argv.slice(2);
	const scenario = scenarios[name as keyof Scenarios] as Scenario<unknown, unknown> | undefined;
	if (!scenario) throw new Error(`Unknown scenario ${name}`);
	const sim = await startSimulator(JSON.parse(options));
	const extra = scenario.prepare(sim, JSON.parse(args));
	if (scenario.warmUp) {
		await scenario.warmUp(sim);
		sim.reset();
	}
	const ready: WorkerReady<unknown> = {
		url: sim.url,
		app: sim.app,
		shop: { cipher: sim.shop.cipher },
		tokens: sim.tokens,
		scenario: extra,
	};
	let cpuSince = process.cpuUsage();
	process.send?.(ready);
	process.on('message', (request: WorkerRequest) => {
		if (request.command === 'close') {
			void sim.close().then(() => process.exit(0));
			return;
		}
		const reply: WorkerReply = { id: request.id };
		try {
			if (request.command === 'stats') reply.result = statsOf(sim, cpuSince);
			else if (request.command === 'requests') {
				reply.result = sim.requests.map(({ time, path, status, code }): RequestSummary => ({
					time,
					path,
					status,
					code,
				}));
			} else if (request.command === 'reset') {
				sim.reset();
				cpuSince = process.cpuUsage();
			} else {
				const command = scenario.commands[request.command];
				if (!command) throw new Error(`Unknown command ${request.command}`);
				reply.result = command(sim, request.payload);
			}
		} catch (error) {
			reply.error = (error as Error).message;
		}
		process.send?.(reply);
	});
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
