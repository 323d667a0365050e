import { nodeOutput, type Execution } from '../../dev/stack/n8nApi';
import { startStack, type Stack } from '../../dev/stack/stack';
import { validTrackingNumber } from '../fixtures/validTrackingNumbers';
import {
	postTrackingFile,
	shipmentRows,
	shipWorkflow,
	startTrackingFileServer,
	SHIP_WORKFLOW_ID as WORKFLOW_ID,
} from '../../dev/harness/shipWorkflow';

/**
 * Two Ship Batcher runs of 5,000 packages each, one on each of two queue-mode workers at the same time, against
 * the simulator's 50 requests per second per API. Each worker alone would send 50/s; together they stay within
 * TikTok's one budget only because the node shares it through Redis (its Tracking Number History is on Redis,
 * with the pack's Redis credential, as queue mode requires).
 */
const PER_RUN = 5_000;
const RUNS = 2;

describe('Ship Batcher on two queue-mode workers at once (n8n 2.41.1)', () => {
	let stack: Stack;
	let files: Awaited<ReturnType<typeof startTrackingFileServer>>;

	beforeAll(async () => {
		files = await startTrackingFileServer();
		stack = await startStack({
			setupOwner: true,
			extraWorkflows: [shipWorkflow(files.url)],
			publish: [WORKFLOW_ID],
			// One execution per worker: the two runs land on different workers.
			queue: { workers: 2, workerConcurrency: 1 },
			// About a third of seeded orders are seller-shipped and awaiting shipment.
			simulator: { seed: 11, orders: Math.ceil(PER_RUN * RUNS * 3.4) + 100 },
			keepUserFolder: process.env.KEEP_N8N === '1',
		});
	});
	afterAll(async () => {
		await stack?.stop();
		await files?.close();
	});

	it(`ships ${RUNS} × ${PER_RUN} packages with 0 × 429 from the combined traffic and none lost`, async () => {
		const shipments = shipmentRows(stack, PER_RUN * RUNS, validTrackingNumber);
		const before = await stack.api.executionIds(WORKFLOW_ID);
		const step =
			(name: string) =>
			(error: Error): never => {
				throw new Error(`${name}: ${error.message} (${String(error.cause)})`);
			};
		const statuses = await Promise.all(
			Array.from({ length: RUNS }, (_, run) =>
				postTrackingFile(
					stack,
					files.put(shipments.slice(run * PER_RUN, (run + 1) * PER_RUN)),
				).catch(step('posting a tracking file to the webhook processor')),
			),
		);
		expect(statuses).toEqual([200, 200]);

		const runs = await stack.api
			.waitForFinished(WORKFLOW_ID, before, RUNS)
			.catch(step('reading the runs from main'));
		expect(runs.map((run) => run.status)).toEqual(['success', 'success']);
		// Both ran at the same time, so on different workers (each takes one execution at a time).
		const [first, second] = runs.map(timesOf).sort((a, b) => a.startedAt - b.startedAt);
		expect(second.startedAt).toBeLessThan(first.stoppedAt);

		expect(stack.simulator.rateLimitedCount).toBe(0);
		const shipped = stack.simulator.mutations.flatMap((mutation) =>
			mutation.type === 'batchShip' ? mutation.shipped.map((entry) => entry.packageId) : [],
		);
		expect(new Set(shipped).size).toBe(shipped.length);
		expect(new Set(shipped)).toEqual(new Set(shipments.map((shipment) => shipment.package_id)));
		const toCheck = runs.flatMap((run: Execution) => nodeOutput(run, 'Ship Batcher', 1));
		expect(toCheck).toEqual([]);
		const reported = runs.flatMap((run: Execution) => nodeOutput(run, 'Ship Batcher', 0));
		expect(new Set(reported.map((item) => item.package_id))).toEqual(new Set(shipped));
		console.log(
			`2 workers × ${PER_RUN}: ${stack.simulator.requests.length} calls, ${stack.simulator.rateLimitedCount} × 429, ` +
				`runs ${first.startedAt}–${first.stoppedAt} and ${second.startedAt}–${second.stoppedAt} (ms)`,
		);
	});
});

/** When n8n started and stopped the run (the execution's own fields, as the REST API returns them). */
function timesOf(run: Execution): { startedAt: number; stoppedAt: number } {
	const { startedAt, stoppedAt } = run as unknown as { startedAt: string; stoppedAt: string };
	return { startedAt: Date.parse(startedAt), stoppedAt: Date.parse(stoppedAt) };
}
