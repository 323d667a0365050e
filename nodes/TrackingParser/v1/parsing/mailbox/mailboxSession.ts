import { ImapFlow } from 'imapflow';

/** How to reach and log in to the IMAP server: the fields of the pack's IMAP credential. */
export interface ImapServer {
	host: string;
	port: number;
	secure: boolean;
	user: string;
	password: string;
	allowUnauthorizedCerts: boolean;
}

export interface MailboxConnection extends ImapServer {
	mailbox: string;
	/** Extra tries after a dropped connection, per operation. */
	reconnectAttempts: number;
	/** Wait before the first retry; doubled for each further one. */
	reconnectDelayMs: number;
}

/** The mailbox was recreated (UIDVALIDITY changed) while we were reading it: old UIDs mean nothing now. */
export class MailboxChangedError extends Error {}

/** The connection could not be (re)established within the allowed attempts. */
export class MailboxUnavailableError extends Error {}

const CONNECTION_CODES = new Set([
	'NoConnection',
	'ECONNRESET',
	'ECONNREFUSED',
	'EPIPE',
	'ETIMEDOUT',
	'ETIMEOUT',
	'CONNECT_TIMEOUT',
	'GREETING_TIMEOUT',
	'ClosedAfterConnectTLS',
	'ClosedAfterConnectText',
	'EConnectionClosed',
]);

function isConnectionProblem(error: unknown, client: ImapFlow | undefined): boolean {
	const code = (error as { code?: string }).code;
	if (code && CONNECTION_CODES.has(code)) return true;
	if (
		/connection (?:not available|closed)|socket|closed unexpectedly/i.test(
			(error as Error).message ?? '',
		)
	)
		return true;
	return client !== undefined && !client.usable;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One IMAP connection with the mailbox selected, re-established when the server or the network drops
 * it. Each operation is retried as a whole, so callers keep operations idempotent (fetch one UID, flag
 * a set of UIDs).
 */
export class MailboxSession {
	private client?: ImapFlow;
	uidValidity?: bigint;
	uidNext = 1;

	constructor(private readonly connection: MailboxConnection) {}

	private async open(): Promise<ImapFlow> {
		const { host, port, secure, user, password, allowUnauthorizedCerts, mailbox } = this.connection;
		const client = new ImapFlow({
			host,
			port,
			secure,
			auth: { user, pass: password },
			logger: false,
			tls: { rejectUnauthorized: !allowUnauthorizedCerts },
			connectionTimeout: 15_000,
			greetingTimeout: 10_000,
			socketTimeout: 60_000,
			disableAutoIdle: true,
		});
		// Without a listener an 'error' event (a reset socket) would crash the n8n process.
		client.on('error', () => undefined);
		await client.connect();
		const opened = await client.mailboxOpen(mailbox);
		if (this.uidValidity !== undefined && opened.uidValidity !== this.uidValidity) {
			await client.logout().catch(() => undefined);
			throw new MailboxChangedError(
				`The mailbox "${mailbox}" was recreated on the server while it was being read (its UIDVALIDITY changed). The next run starts over in the new mailbox.`,
			);
		}
		this.uidValidity = opened.uidValidity;
		this.uidNext = opened.uidNext;
		this.client = client;
		return client;
	}

	/** Runs `operation`, reconnecting and retrying it when the connection drops. */
	async run<T>(operation: (client: ImapFlow) => Promise<T>): Promise<T> {
		let lastError: unknown;
		for (let attempt = 0; attempt <= this.connection.reconnectAttempts; attempt++) {
			if (attempt > 0) await sleep(this.connection.reconnectDelayMs * 2 ** (attempt - 1));
			try {
				const client = this.client?.usable ? this.client : await this.open();
				return await operation(client);
			} catch (error) {
				if (error instanceof MailboxChangedError || !isConnectionProblem(error, this.client)) {
					// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the router turns what stops the run into a NodeOperationError
					throw error;
				}
				lastError = error;
				this.client?.close();
				this.client = undefined;
			}
		}
		throw new MailboxUnavailableError(
			`Could not reach the mailbox at ${this.connection.host}:${this.connection.port} after ${this.connection.reconnectAttempts + 1} tries ` +
				`(${(lastError as Error)?.message ?? 'no answer'}). Check the host, port and TLS setting of the credential, and that the server is up.`,
		);
	}

	async close(): Promise<void> {
		const client = this.client;
		this.client = undefined;
		if (client?.usable) await client.logout().catch(() => client.close());
		else client?.close();
	}
}
