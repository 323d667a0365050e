import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface OutboxMessage {
	to: string;
	subject: string;
	text: string;
	html: string;
	attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
	receivedAt: number;
}

export interface SmtpOutbox {
	host: string;
	port: number;
	messages: OutboxMessage[];
	/** Resolves with the first `count` messages sent since `sinceIndex`, or rejects after `timeoutMs`. */
	waitFor(
		count: number,
		options?: { sinceIndex?: number; timeoutMs?: number },
	): Promise<OutboxMessage[]>;
	close(): Promise<void>;
}

/** The credential the templates' "Send Email" nodes reference; the harness points it at the outbox. */
export const TEMPLATE_SMTP_CREDENTIAL = { id: 'smtpOutboxCred', name: 'SMTP account' } as const;

const OUTBOX_USER = 'outbox';

/**
 * A local SMTP server that keeps what the templates send, so that tests can read the alert mails and `npm start`
 * can show them as .eml files instead of mailing anyone. It accepts any login and never relays.
 */
export async function startSmtpOutbox(options: { saveTo?: string } = {}): Promise<SmtpOutbox> {
	const messages: OutboxMessage[] = [];
	if (options.saveTo) await mkdir(options.saveTo, { recursive: true });
	const server = new SMTPServer({
		secure: false,
		disabledCommands: ['STARTTLS'],
		allowInsecureAuth: true,
		authOptional: true,
		logger: false,
		onAuth: (_auth, _session, callback) => callback(null, { user: OUTBOX_USER }),
		onData: (stream, _session, callback) => {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks);
				void keep(raw).then(() => callback(), callback);
			});
		},
	});

	const keep = async (raw: Buffer) => {
		const mail = await simpleParser(raw);
		messages.push(toMessage(mail));
		if (options.saveTo)
			await writeFile(join(options.saveTo, `${Date.now()}-${messages.length}.eml`), raw);
	};

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.server.address() as AddressInfo;

	return {
		host: '127.0.0.1',
		port,
		messages,
		async waitFor(count, { sinceIndex = 0, timeoutMs = 30_000 } = {}) {
			const deadline = Date.now() + timeoutMs;
			while (messages.length - sinceIndex < count) {
				if (Date.now() > deadline) {
					throw new Error(
						`Expected ${count} mail(s) in the outbox within ${timeoutMs} ms, got ${messages.length - sinceIndex}`,
					);
				}
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			return messages.slice(sinceIndex, sinceIndex + count);
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** An `n8n import:credentials` entry for n8n's SMTP credential, pointing at the outbox. */
export function outboxCredential(outbox: Pick<SmtpOutbox, 'host' | 'port'>) {
	return {
		...TEMPLATE_SMTP_CREDENTIAL,
		type: 'smtp',
		data: {
			user: OUTBOX_USER,
			password: OUTBOX_USER,
			host: outbox.host,
			port: outbox.port,
			secure: false,
			disableStartTls: true,
		},
	};
}

function toMessage(mail: ParsedMail): OutboxMessage {
	const to = Array.isArray(mail.to)
		? mail.to.map((address) => address.text).join(', ')
		: (mail.to?.text ?? '');
	return {
		to,
		subject: mail.subject ?? '',
		text: mail.text ?? '',
		html: typeof mail.html === 'string' ? mail.html : '',
		attachments: mail.attachments.map((attachment) => ({
			filename: attachment.filename ?? '',
			contentType: attachment.contentType,
			content: attachment.content,
		})),
		receivedAt: Date.now(),
	};
}
