import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

/**
 * Runs in a small Node process between us and the real command. It starts the command in its own process
 * group (n8n starts a task-runner child of its own) and kills that whole group when we ask (SIGTERM/SIGINT)
 * or when its stdin closes. Stdin closes whenever we exit, however we exit, even on SIGKILL or a crashed
 * test run, so no n8n is ever left behind.
 */
const GUARD_SOURCE = `
const { spawn } = require('node:child_process');
const [command, ...args] = process.argv.slice(1);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
let stopping = false;
const stop = () => {
	if (stopping) return;
	stopping = true;
	try { process.kill(-child.pid, 'SIGTERM'); } catch {}
	setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} process.exit(1); }, Number(process.env.GUARD_KILL_AFTER_MS || 10000)).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
child.on('error', (error) => { console.error(String(error)); process.exit(127); });
child.on('exit', (code, signal) => {
	// The runner child may outlive n8n's main process; take the group down with it.
	try { process.kill(-child.pid, 'SIGKILL'); } catch {}
	process.exit(code ?? (signal ? 128 : 1));
});
`;

export interface GuardedProcess {
	pid: number;
	/** Resolves with the exit code once the command and its whole process group are gone. */
	exited: Promise<number | null>;
	/** The last lines of output, for error messages. */
	tail(lines?: number): string;
	stop(): Promise<void>;
}

export interface GuardedOptions {
	env: NodeJS.ProcessEnv;
	cwd?: string;
	/** Every output line is appended here. */
	logPath: string;
	onLine?: (line: string) => void;
}

export function spawnGuarded(
	command: string,
	args: string[],
	options: GuardedOptions,
): GuardedProcess {
	const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(
		process.execPath,
		['-e', GUARD_SOURCE, command, ...args],
		{ env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] },
	);
	const log = createWriteStream(options.logPath, { flags: 'a' });
	const recent: string[] = [];
	// One line splitter per stream, so that stdout and stderr chunks do not splice each other's lines.
	const lineReader = () => {
		let partial = '';
		return (chunk: Buffer) => {
			log.write(chunk);
			const lines = (partial + chunk.toString('utf8')).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) {
				recent.push(line);
				if (recent.length > 200) recent.shift();
				options.onLine?.(line);
			}
		};
	};
	child.stdout.on('data', lineReader());
	child.stderr.on('data', lineReader());
	const exited = new Promise<number | null>((resolve) => {
		child.on('close', (code) => {
			log.end();
			resolve(code);
		});
	});
	let stopped: Promise<void> | undefined;
	return {
		pid: child.pid ?? -1,
		exited,
		tail: (lines = 40) => recent.slice(-lines).join('\n'),
		stop() {
			stopped ??= (async () => {
				if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
				await exited;
			})();
			return stopped;
		},
	};
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to someone else). */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
