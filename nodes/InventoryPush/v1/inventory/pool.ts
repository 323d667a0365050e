/**
 * At most `concurrency` tasks in flight. The client's token bucket sets the request rate; this only bounds how
 * many requests wait in memory at once.
 */
export function createLimiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
	let active = 0;
	// A head index, not shift(): a push of 20,000 SKUs queues that many tasks, and shift() copies the rest each time.
	let waiting: Array<() => void> = [];
	let head = 0;
	const next = () => {
		active -= 1;
		const wake = waiting[head];
		if (!wake) return;
		head += 1;
		if (head === waiting.length) [waiting, head] = [[], 0];
		wake();
	};
	return async <T>(task: () => Promise<T>): Promise<T> => {
		if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
		active += 1;
		try {
			return await task();
		} finally {
			next();
		}
	};
}

export async function mapLimited<T, R>(
	values: T[],
	concurrency: number,
	task: (value: T) => Promise<R>,
): Promise<R[]> {
	const limit = createLimiter(concurrency);
	return await Promise.all(values.map((value) => limit(() => task(value))));
}
