import type { WebhookEvent } from '../../../dev/simulator';
import type { Stack } from '../../../dev/stack/stack';

export interface DeliveryRounds {
	/** The first answer to each delivery, per round (a number, 'timeout' or 'network-error'). */
	rounds: Array<Array<number | string>>;
	/** Events still not answered 200 after the last round. */
	pending: WebhookEvent[];
}

/**
 * Delivers every event, at most `concurrency` at a time, then delivers again what was not answered 200, as
 * TikTok's retries would (sooner than TikTok, which waits 2 minutes).
 */
export async function deliverUntilAccepted(
	stack: Stack,
	url: string,
	events: WebhookEvent[],
	options: {
		concurrency: number;
		rounds?: number;
		/** Runs beside the first round; `accepted()` counts its deliveries answered 200 so far. */
		duringFirstRound?: (accepted: () => number) => Promise<void>;
	},
): Promise<DeliveryRounds> {
	let pending = events;
	const rounds: DeliveryRounds['rounds'] = [];
	for (let round = 0; round < (options.rounds ?? 5) && pending.length > 0; round++) {
		const statuses: Array<number | string> = [];
		let next = 0;
		const sender = async () => {
			while (next < pending.length) {
				const index = next++;
				const report = await stack.simulator.webhooks.send(url, pending[index], {
					retry: false,
					// Acceptance, not ack speed, is under test: a loaded 2-core machine can take longer than TikTok's 3 s.
					ackTimeoutMs: 30_000,
				});
				statuses[index] = report.attempts[0].status;
			}
		};
		const sending = Promise.all(Array.from({ length: options.concurrency }, sender));
		if (round === 0)
			await options.duringFirstRound?.(() => statuses.filter((status) => status === 200).length);
		await sending;
		rounds.push(statuses);
		pending = pending.filter((_, index) => statuses[index] !== 200);
		if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 2000));
	}
	return { rounds, pending };
}

/** "200 × 58, timeout × 2" per round, for the test's log. */
export function describeRounds(rounds: DeliveryRounds['rounds']): string {
	return rounds
		.map((round, index) => {
			const counts = new Map<string, number>();
			for (const status of round) counts.set(String(status), (counts.get(String(status)) ?? 0) + 1);
			return `round ${index + 1}: ${[...counts].map(([status, count]) => `${status} × ${count}`).join(', ')}`;
		})
		.join('; ');
}
