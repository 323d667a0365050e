import type { DurableStore } from '../../../../shared/store';
import type { ExtractionResult, RowSource, UnparsedEntry } from '../types';
import {
	MailboxChangedError,
	type MailboxConnection,
	MailboxSession,
	MailboxUnavailableError,
} from './mailboxSession';
import { UidWatermark } from './watermark';

export interface MailboxReadSettings extends MailboxConnection {
	fromFilter?: string;
	subjectFilter?: string;
	afterProcessing: 'nothing' | 'markSeen' | 'move';
	moveToFolder?: string;
	maxMessages: number;
	/** On the very first run: read what is already there, or only what arrives from now on. */
	firstRun: 'existing' | 'newOnly';
	maxBytes: number;
}

export interface MailboxMessage {
	uid: number;
	source: Buffer;
	rowSource: RowSource;
}

export interface MailboxRead {
	results: Array<{ uid: number; result: ExtractionResult }>;
	/** Run-level problems: a lost connection, a recreated mailbox, flags that could not be set. */
	problems: UnparsedEntry[];
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads the messages above the watermark, oldest first, one UID at a time, so a dropped connection
 * costs one retried fetch and never skips or repeats a message. The watermark moves only over
 * messages whose results are in hand, and flags or moves happen after it moved.
 */
export async function readMailbox(
	settings: MailboxReadSettings,
	store: DurableStore,
	identity: string,
	parse: (message: MailboxMessage) => Promise<ExtractionResult>,
): Promise<MailboxRead> {
	const session = new MailboxSession(settings);
	const results: MailboxRead['results'] = [];
	const problems: UnparsedEntry[] = [];
	const mailboxSource: RowSource = { mailbox: settings.mailbox };
	try {
		await session.run(async () => undefined);
		const watermark = new UidWatermark(store, identity, session.uidValidity as bigint);
		if (!(await watermark.started())) {
			if (settings.firstRun === 'newOnly') await watermark.advance(session.uidNext - 1);
			await watermark.markStarted();
		}
		const after = await watermark.current();
		const uids = await session.run(async (client) => {
			const found = await client.search(
				{
					uid: `${after + 1}:*`,
					...(settings.fromFilter ? { from: settings.fromFilter } : {}),
					...(settings.subjectFilter ? { subject: settings.subjectFilter } : {}),
				},
				{ uid: true },
			);
			// "N:*" always matches the newest message, even below N, so the range is checked again here.
			return (found || []).filter((uid) => uid > after).sort((a, b) => a - b);
		});
		const batch = uids.slice(0, settings.maxMessages);
		try {
			for (const uid of batch) {
				const result = await readOne(session, uid, settings, parse, mailboxSource);
				results.push({ uid, result });
			}
		} catch (error) {
			if (!(error instanceof MailboxUnavailableError || error instanceof MailboxChangedError)) {
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the router turns what stops the run into a NodeOperationError
				throw error;
			}
			const left = batch.length - results.length;
			problems.push({
				code: error instanceof MailboxChangedError ? 'mailbox_changed' : 'mailbox_connection_lost',
				reason: `${error.message} ${results.length} message(s) were read; the other ${left} will be read on the next run.`,
				source: mailboxSource,
			});
		}
		const done = results.map((entry) => entry.uid);
		if (done.length) {
			await watermark.advance(done[done.length - 1]);
			const marked = await afterProcessing(session, done, settings).catch((error: Error) => error);
			if (marked instanceof Error) {
				problems.push({
					code: 'not_marked',
					reason: `The messages were read and will not be read again, but could not be ${settings.afterProcessing === 'move' ? `moved to "${settings.moveToFolder}"` : 'marked as seen'}: ${marked.message}`,
					source: { ...mailboxSource, uid: done[0] },
				});
			}
		}
	} finally {
		await session.close();
	}
	return { results, problems };
}

async function readOne(
	session: MailboxSession,
	uid: number,
	settings: MailboxReadSettings,
	parse: (message: MailboxMessage) => Promise<ExtractionResult>,
	mailboxSource: RowSource,
): Promise<ExtractionResult> {
	const head = await session.run((client) =>
		client.fetchOne(String(uid), { uid: true, size: true, envelope: true }, { uid: true }),
	);
	const rowSource: RowSource = { ...mailboxSource, uid };
	if (!head) {
		return {
			rows: [],
			unparsed: [
				{
					code: 'no_tracking_found',
					reason: 'The message was deleted from the mailbox before it could be read.',
					source: rowSource,
				},
			],
		};
	}
	if (head.envelope?.messageId) rowSource.message_id = head.envelope.messageId;
	if (head.envelope?.subject) rowSource.subject = head.envelope.subject;
	if ((head.size ?? 0) > settings.maxBytes) {
		return {
			rows: [],
			unparsed: [
				{
					code: 'attachment_too_large',
					reason: `The message is ${megabytes(head.size ?? 0)}, over the ${megabytes(settings.maxBytes)} limit in the node's options, so it was not downloaded. Raise "Max File Size" or open it by hand.`,
					source: rowSource,
				},
			],
		};
	}
	// BODY.PEEK: reading the message must not mark it seen; that is the user's choice, made after output.
	const full = await session.run((client) =>
		client.fetchOne(String(uid), { uid: true, source: true }, { uid: true }),
	);
	if (!full || !full.source) {
		return {
			rows: [],
			unparsed: [
				{
					code: 'no_tracking_found',
					reason: 'The message was deleted from the mailbox before it could be read.',
					source: rowSource,
				},
			],
		};
	}
	return await parse({ uid, source: full.source, rowSource });
}

async function afterProcessing(
	session: MailboxSession,
	uids: readonly number[],
	settings: MailboxReadSettings,
): Promise<void> {
	if (settings.afterProcessing === 'nothing') return;
	const range = uids.join(',');
	if (settings.afterProcessing === 'markSeen') {
		await session.run((client) => client.messageFlagsAdd(range, ['\\Seen'], { uid: true }));
		return;
	}
	const folder = settings.moveToFolder || 'Processed';
	await session.run(async (client) => {
		// Creating an existing folder fails harmlessly; the move needs it to exist.
		await client.mailboxCreate(folder).catch(() => undefined);
		await client.messageMove(range, folder, { uid: true });
	});
}
