/**
 * Runs `work` with a 20 ms timer set beside it: if the file were parsed on the event loop, the timer could only fire
 * after the work. Whether it fired first is the check; how late it fired is a timing figure, which depends on the
 * machine's load and belongs to bench/trackingParser.ts, not to a unit test.
 */
export async function withTimerBeside<T>(
	work: () => Promise<T>,
): Promise<{ result: T; timerFiredFirst: boolean }> {
	let fired = false;
	const timer = setTimeout(() => (fired = true), 20);
	try {
		return { result: await work(), timerFiredFirst: fired };
	} finally {
		clearTimeout(timer);
	}
}
