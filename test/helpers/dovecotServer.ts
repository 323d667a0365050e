import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ImapFlow } from 'imapflow';

import { systemProgram } from '../../dev/systemPrograms';

/** A real Dovecot IMAP server on a free loopback port, with a throwaway config, maildir and one user. */
export interface DovecotServer {
	host: string;
	port: number;
	user: string;
	password: string;
	/** Appends a raw message to a mailbox, as a delivery would. Resolves its UID. */
	deliver(raw: Buffer, mailbox?: string): Promise<number>;
	/** A logged-in client for assertions (flags, folders); the caller logs it out. */
	client(): Promise<ImapFlow>;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

async function waitForGreeting(
	port: number,
	deadline: number,
	exited: () => string | undefined,
): Promise<void> {
	for (;;) {
		const problem = exited();
		if (problem) throw new Error(problem);
		const greeted = await new Promise<boolean>((resolve) => {
			const socket = connect(port, '127.0.0.1');
			socket.once('data', (data) => {
				socket.destroy();
				resolve(data.toString().startsWith('* OK'));
			});
			socket.once('error', () => resolve(false));
		});
		if (greeted) return;
		if (Date.now() > deadline) throw new Error(`Dovecot did not answer on 127.0.0.1:${port}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

function mailOwner(): { uid: number; gid: number; user: string } {
	const uid = process.getuid?.() ?? 0;
	const gid = process.getgid?.() ?? 0;
	if (uid !== 0) return { uid, gid, user: spawnSync('id', ['-un']).stdout.toString().trim() };
	// Dovecot refuses to run mail processes as root, so the throwaway maildir belongs to its own user.
	const read = (flag: string): number =>
		Number(spawnSync('id', [flag, 'dovecot']).stdout.toString().trim());
	return { uid: read('-u'), gid: read('-g'), user: 'dovecot' };
}

export async function startDovecot(): Promise<DovecotServer> {
	const binary = systemProgram('dovecot');
	const dir = mkdtempSync(join(tmpdir(), 'dovecot-test-'));
	// Dovecot's auth and mail processes run as its own users and must reach the files in here.
	chmodSync(dir, 0o755);
	const port = await freePort();
	const user = 'ops@juniperpine.example';
	const password = `pw-${Math.random().toString(36).slice(2)}`;
	const owner = mailOwner();
	const home = join(dir, 'home');
	mkdirSync(home, { recursive: true });
	mkdirSync(join(dir, 'run'), { recursive: true });
	chownSync(home, owner.uid, owner.gid);
	writeFileSync(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
	const asRoot = process.getuid?.() === 0;
	writeFileSync(
		join(dir, 'dovecot.conf'),
		[
			`base_dir = ${join(dir, 'run')}`,
			`state_dir = ${join(dir, 'run')}`,
			`log_path = ${join(dir, 'dovecot.log')}`,
			'protocols = imap',
			'listen = 127.0.0.1',
			'ssl = no',
			'disable_plaintext_auth = no',
			'auth_mechanisms = plain login',
			`default_internal_user = ${asRoot ? 'dovecot' : owner.user}`,
			`default_login_user = ${asRoot ? 'dovenull' : owner.user}`,
			`first_valid_uid = ${owner.uid}`,
			`mail_location = maildir:${home}/%u/Maildir`,
			`passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${join(dir, 'users')}\n}`,
			`userdb {\n  driver = static\n  args = uid=${owner.uid} gid=${owner.gid} home=${home}/%u\n}`,
			`service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
			'service anvil {\n  chroot =\n}',
			'service imap-login {\n  chroot =\n}',
			'',
		].join('\n'),
	);
	let exitProblem: string | undefined;
	const child: ChildProcess = spawn(binary, ['-F', '-c', join(dir, 'dovecot.conf')], {
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	child.once('exit', (code) => (exitProblem = `Dovecot exited (${code}): ${stderr.trim()}`));
	await waitForGreeting(port, Date.now() + 15_000, () => exitProblem);

	const client = async (): Promise<ImapFlow> => {
		const imap = new ImapFlow({
			host: '127.0.0.1',
			port,
			secure: false,
			auth: { user, pass: password },
			logger: false,
		});
		imap.on('error', () => undefined);
		await imap.connect();
		return imap;
	};
	return {
		host: '127.0.0.1',
		port,
		user,
		password,
		client,
		async deliver(raw, mailbox = 'INBOX') {
			const imap = await client();
			try {
				if (mailbox !== 'INBOX') await imap.mailboxCreate(mailbox).catch(() => undefined);
				const appended = await imap.append(mailbox, raw);
				if (!appended || appended.uid === undefined)
					throw new Error('Dovecot did not report the UID of the delivered message');
				return appended.uid;
			} finally {
				await imap.logout();
			}
		},
		async stop() {
			if (child.exitCode === null) {
				await new Promise<void>((resolve) => {
					child.once('exit', () => resolve());
					child.kill('SIGTERM');
				});
			}
			if (!process.env.KEEP_DOVECOT) rmSync(dir, { recursive: true, force: true });
		},
	};
}
