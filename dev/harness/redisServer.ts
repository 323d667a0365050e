import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { systemProgram } from '../systemPrograms';

/** A real redis-server for one test file: loopback only, no persistence, its own throwaway dir. */
export type RedisServer = { host: string; port: number; pid: number; stop(): Promise<void> };

const HOST = '127.0.0.1';
const READY_LINE = 'Ready to accept connections';
const START_TIMEOUT_MS = 10_000;
/** The free port we pick can be taken before redis binds it; then we pick another. */
const START_ATTEMPTS = 3;

export async function startRedisServer(): Promise<RedisServer> {
	const binary = systemProgram('redis');
	let lastError: unknown;
	for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
		const dir = mkdtempSync(join(tmpdir(), 'redis-test-'));
		const port = await freePort();
		try {
			const child = await spawnReady(binary, port, dir);
			return { host: HOST, port, pid: child.pid ?? 0, stop: () => stop(child, dir) };
		} catch (error) {
			rmSync(dir, { recursive: true, force: true });
			lastError = error;
		}
	}
	throw lastError;
}

function spawnReady(binary: string, port: number, dir: string): Promise<ChildProcess> {
	const args = [
		'--port',
		String(port),
		'--bind',
		HOST,
		'--dir',
		dir,
		'--save',
		'',
		'--appendonly',
		'no',
	];
	const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	return new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new Error(`redis-server did not become ready within ${START_TIMEOUT_MS} ms:\n${output}`),
			);
		}, START_TIMEOUT_MS);
		const onOutput = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes(READY_LINE)) {
				clearTimeout(timer);
				resolve(child);
			}
		};
		child.stdout?.on('data', onOutput);
		child.stderr?.on('data', onOutput);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`));
		});
	});
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, HOST, () => {
			const address = server.address();
			const port = typeof address === 'object' && address !== null ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

async function stop(child: ChildProcess, dir: string): Promise<void> {
	if (child.exitCode === null && child.signalCode === null) {
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exited;
	}
	rmSync(dir, { recursive: true, force: true });
}
