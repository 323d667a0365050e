import type { TikTokShopClient } from '../../nodes/shared/tiktok/client';
import { clientFor } from '../../dev/harness/simulatorClient';
import {
	startSimulator,
	type RunningSimulator,
	type SimulatorOptions,
} from '../../dev/simulator/index';

export interface World {
	sim: RunningSimulator;
	client: TikTokShopClient;
}

/** One simulator for the test file and a client of it; each test starts with an empty request log. */
export function simulatorWorld(options: SimulatorOptions): World {
	const world = {} as World;
	beforeAll(async () => {
		world.sim = await startSimulator(options);
		world.client = clientFor(world.sim);
	});
	afterAll(() => world.sim.close());
	beforeEach(() => world.sim.reset());
	return world;
}
