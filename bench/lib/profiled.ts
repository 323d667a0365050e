import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * Runs `work`, and with BENCH_PROFILE_DIR set writes a CPU profile of exactly that stretch of this process to
 * `<dir>/<name>.cpuprofile` (open it in Chrome DevTools), so a profile shows the measured run and not the setup.
 */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
	const dir = process.env.BENCH_PROFILE_DIR;
	if (!dir) return work();
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.start');
	try {
		return await work();
	} finally {
		const { profile } = await session.post('Profiler.stop');
		writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
		session.disconnect();
	}
}
