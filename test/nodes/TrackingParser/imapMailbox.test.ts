import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { NodeOperationError } from 'n8n-workflow';

import { closeAllStores } from '../../../nodes/shared/store';
import { type DovecotServer, startDovecot } from '../../helpers/dovecotServer';
import { Random } from '../../fixtures/3pl/random';
import { shipBobConfirmation, type Fixture } from '../../fixtures/3pl/templates';
import { fixtureFile } from './fixtureFiles';
import { type ImapProxy, startImapProxy } from './imapProxy';
import { runParser } from './parserHost';

let dovecot: DovecotServer;
let proxy: ImapProxy;
let stateDir: string;
let mailboxCount = 0;
const random = new Random(424242);

beforeAll(async () => {
	dovecot = await startDovecot();
	proxy = await startImapProxy(dovecot.port);
	stateDir = mkdtempSync(join(tmpdir(), 'tracking-parser-state-'));
}, 30_000);

afterAll(async () => {
	await closeAllStores();
	await proxy?.close();
	await dovecot?.stop();
	rmSync(stateDir, { recursive: true, force: true });
});

afterEach(() => {
	proxy.onCommand = undefined;
	proxy.refuse = false;
});

/** Each test reads its own folder, so watermarks and flags of one never meet another's. */
function newMailbox(): string {
	mailboxCount += 1;
	return `Confirmations${mailboxCount}`;
}

function parameters(mailbox: string, extra: Record<string, unknown> = {}) {
	return {
		source: 'imap',
		mailbox,
		fromFilter: '',
		subjectFilter: '',
		afterProcessing: 'markSeen',
		moveToFolder: 'Processed',
		firstRun: 'existing',
		maxMessages: 50,
		mailboxOptions: { reconnectAttempts: 2, storePath: join(stateDir, 'state.sqlite') },
		options: {},
		...extra,
	};
}

function credentials(port = proxy.port) {
	return {
		host: '127.0.0.1',
		port,
		secure: false,
		user: dovecot.user,
		password: dovecot.password,
		allowUnauthorizedCerts: false,
	};
}

const run = (
	mailbox: string,
	extra: Record<string, unknown> = {},
	port?: number,
	continueOnFail = false,
) =>
	runParser({
		parameters: parameters(mailbox, extra),
		credentials: credentials(port),
		continueOnFail,
	});

const trackingOf = (rows: Array<{ json: Record<string, unknown> }>): string[] =>
	rows.map((item) => String(item.json.tracking_number)).sort();
const truthOf = (fixtures: readonly Fixture[]): string[] =>
	fixtures.flatMap((fixture) => fixture.truth.rows.map((row) => row.tracking_number)).sort();

async function seenFlags(mailbox: string): Promise<Map<number, boolean>> {
	const client = await dovecot.client();
	try {
		await client.mailboxOpen(mailbox);
		const flags = new Map<number, boolean>();
		for await (const message of client.fetch('1:*', { uid: true, flags: true }))
			flags.set(message.uid, message.flags?.has('\\Seen') ?? false);
		return flags;
	} finally {
		await client.logout();
	}
}

async function deliverAll(mailbox: string, fixtures: readonly Fixture[]): Promise<number[]> {
	const uids: number[] = [];
	for (const fixture of fixtures) uids.push(await dovecot.deliver(fixture.data, mailbox));
	return uids;
}

describe('3PL Tracking Parser reading a real Dovecot mailbox', () => {
	it('reads each message once, marks it seen after its rows are output, and keeps the watermark across runs', async () => {
		const mailbox = newMailbox();
		const first = [shipBobConfirmation(random, 1), shipBobConfirmation(random, 2)];
		const uids = await deliverAll(mailbox, first);
		const receipt = fixtureFile('receipt-');
		const receiptUid = await dovecot.deliver(receipt.data, mailbox);

		const one = await run(mailbox);
		expect(trackingOf(one.rows)).toEqual(truthOf(first));
		expect(
			one.rows.every((item) => (item.json.source as { mailbox: string }).mailbox === mailbox),
		).toBe(true);
		expect(new Set(one.rows.map((item) => (item.json.source as { uid: number }).uid))).toEqual(
			new Set(uids),
		);
		expect(
			one.unparsed.map((item) => [item.json.code, (item.json.source as { uid: number }).uid]),
		).toEqual([['no_tracking_found', receiptUid]]);
		expect([...(await seenFlags(mailbox)).values()]).toEqual([true, true, true]);

		const two = await run(mailbox);
		expect([two.rows.length, two.unparsed.length]).toEqual([0, 0]);

		const later = shipBobConfirmation(random, 1);
		await dovecot.deliver(later.data, mailbox);
		const three = await run(mailbox);
		expect(trackingOf(three.rows)).toEqual(truthOf([later]));
	});

	it('leaves messages unread when asked, reads them without setting \\Seen, and can start from new mail only', async () => {
		const mailbox = newMailbox();
		await deliverAll(mailbox, [shipBobConfirmation(random, 1)]);
		const first = await run(mailbox, { afterProcessing: 'nothing', firstRun: 'newOnly' });
		expect(first.rows).toHaveLength(0);

		const arrived = shipBobConfirmation(random, 1);
		await dovecot.deliver(arrived.data, mailbox);
		const second = await run(mailbox, { afterProcessing: 'nothing', firstRun: 'newOnly' });
		expect(trackingOf(second.rows)).toEqual(truthOf([arrived]));
		expect([...(await seenFlags(mailbox)).values()]).toEqual([false, false]);
		expect((await run(mailbox, { afterProcessing: 'nothing' })).rows).toHaveLength(0);
	});

	it('only reads messages matching the sender and subject filters', async () => {
		const mailbox = newMailbox();
		const wanted = shipBobConfirmation(random, 1);
		await deliverAll(mailbox, [
			wanted,
			fixtureFile('shipmonk-') as never,
			fixtureFile('receipt-') as never,
		]);
		const { rows, unparsed } = await run(mailbox, {
			fromFilter: 'shipbob.com',
			subjectFilter: 'has shipped',
		});
		expect(trackingOf(rows)).toEqual(truthOf([wanted]));
		expect(unparsed).toHaveLength(0);
	});

	it('moves processed messages to a folder it creates', async () => {
		const mailbox = newMailbox();
		const fixtures = [shipBobConfirmation(random, 1), shipBobConfirmation(random, 1)];
		await deliverAll(mailbox, fixtures);
		const folder = `${mailbox}-done`;
		const { rows } = await run(mailbox, { afterProcessing: 'move', moveToFolder: folder });
		expect(trackingOf(rows)).toEqual(truthOf(fixtures));
		expect((await seenFlags(mailbox)).size).toBe(0);
		expect((await seenFlags(folder)).size).toBe(2);
		expect(
			(await run(mailbox, { afterProcessing: 'move', moveToFolder: folder })).rows,
		).toHaveLength(0);
	});

	it('leaves a message that arrives during a run to the next run, and reads it exactly once', async () => {
		const mailbox = newMailbox();
		const before = [shipBobConfirmation(random, 1), shipBobConfirmation(random, 2)];
		await deliverAll(mailbox, before);
		const during = shipBobConfirmation(random, 1);
		let delivered = false;
		proxy.onCommand = async (text) => {
			// The node has searched already; the new mail lands before its first fetch.
			if (!delivered && /UID FETCH/i.test(text)) {
				delivered = true;
				await dovecot.deliver(during.data, mailbox);
			}
		};
		const first = await run(mailbox);
		expect(delivered).toBe(true);
		expect(trackingOf(first.rows)).toEqual(truthOf(before));
		proxy.onCommand = undefined;
		const second = await run(mailbox);
		expect(trackingOf(second.rows)).toEqual(truthOf([during]));
		expect((await run(mailbox)).rows).toHaveLength(0);
	});

	it('reconnects when the connection drops in the middle of a fetch, losing and repeating nothing', async () => {
		const mailbox = newMailbox();
		const fixtures = [
			shipBobConfirmation(random, 1),
			shipBobConfirmation(random, 1),
			shipBobConfirmation(random, 3),
		];
		await deliverAll(mailbox, fixtures);
		let bodyFetches = 0;
		proxy.onCommand = (text) => {
			if (/BODY\.PEEK\[\]/i.test(text) && ++bodyFetches === 2) return 'cutReply';
			return undefined;
		};
		const connectionsBefore = proxy.connections;
		const { rows, unparsed } = await run(mailbox);
		expect(proxy.connections - connectionsBefore).toBeGreaterThanOrEqual(2);
		expect(unparsed).toHaveLength(0);
		expect(trackingOf(rows)).toEqual(truthOf(fixtures));
		expect([...(await seenFlags(mailbox)).values()]).toEqual([true, true, true]);
		expect((await run(mailbox)).rows).toHaveLength(0);
	});

	it('outputs what it read when the server goes away for good, and reads the rest next time', async () => {
		const mailbox = newMailbox();
		const fixtures = [
			shipBobConfirmation(random, 1),
			shipBobConfirmation(random, 1),
			shipBobConfirmation(random, 1),
		];
		const uids = await deliverAll(mailbox, fixtures);
		let bodyFetches = 0;
		proxy.onCommand = (text) => {
			if (/BODY\.PEEK\[\]/i.test(text) && ++bodyFetches === 2) {
				proxy.refuse = true;
				return 'cutReply';
			}
			return undefined;
		};
		const first = await run(mailbox, {
			mailboxOptions: { reconnectAttempts: 1, storePath: join(stateDir, 'state.sqlite') },
		});
		expect(trackingOf(first.rows)).toEqual(truthOf(fixtures.slice(0, 1)));
		expect(first.unparsed.map((item) => item.json.code)).toEqual([
			'mailbox_connection_lost',
			'not_marked',
		]);
		expect(String(first.unparsed[0].json.reason)).toContain(
			'the other 2 will be read on the next run',
		);

		proxy.onCommand = undefined;
		proxy.refuse = false;
		const second = await run(mailbox);
		expect(trackingOf(second.rows)).toEqual(truthOf(fixtures.slice(1)));
		expect(new Set(second.rows.map((item) => (item.json.source as { uid: number }).uid))).toEqual(
			new Set(uids.slice(1)),
		);
		expect((await run(mailbox)).rows).toHaveLength(0);
	});

	it('starts over when the mailbox is recreated (UIDVALIDITY changes)', async () => {
		const mailbox = newMailbox();
		await deliverAll(mailbox, [shipBobConfirmation(random, 1), shipBobConfirmation(random, 1)]);
		expect((await run(mailbox)).rows).toHaveLength(2);
		const client = await dovecot.client();
		await client.mailboxDelete(mailbox);
		await client.mailboxCreate(mailbox);
		await client.logout();
		const fresh = shipBobConfirmation(random, 1);
		expect(await dovecot.deliver(fresh.data, mailbox)).toBe(1);
		expect(trackingOf((await run(mailbox)).rows)).toEqual(truthOf([fresh]));
	});

	it('tells the user what to check when the server cannot be reached, or reports it with Continue On Fail', async () => {
		const mailbox = newMailbox();
		proxy.refuse = true;
		const failing = run(mailbox, {
			mailboxOptions: { reconnectAttempts: 0, storePath: join(stateDir, 'state.sqlite') },
		});
		await expect(failing).rejects.toThrow(NodeOperationError);
		await expect(failing).rejects.toThrow(
			/Could not reach the mailbox at 127\.0\.0\.1:\d+ after 1 tries.*Check the host, port and TLS/,
		);
		const reported = await run(
			mailbox,
			{ mailboxOptions: { reconnectAttempts: 0, storePath: join(stateDir, 'state.sqlite') } },
			undefined,
			true,
		);
		expect(reported.unparsed[0]).toMatchObject({
			json: { code: 'error' },
			pairedItem: { item: 0 },
		});
	});
});
