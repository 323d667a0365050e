import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../nodes/shared/tiktok/webhookSignature';
import { clientFor } from '../../dev/harness/simulatorClient';
import { RETRY_DELAYS_MS, startSimulator, type RunningSimulator } from '../../dev/simulator/index';

const TIME_SCALE = 100_000;

interface Received {
	body: Buffer;
	signature: string | undefined;
}

/** A stand-in for the n8n trigger: records what arrives and answers with the status the test chooses. */
async function receiver(
	answer: (index: number) => number,
): Promise<{ url: string; received: Received[]; server: Server }> {
	const received: Received[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ body: Buffer.concat(chunks), signature: req.headers.authorization });
			res.writeHead(answer(received.length - 1)).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
		received,
		server,
	};
}

let sim: RunningSimulator;
const servers: Server[] = [];

beforeAll(async () => {
	sim = await startSimulator({ orders: 10, timeScale: TIME_SCALE });
});
afterAll(async () => {
	for (const server of servers) server.close();
	await sim.close();
});
beforeEach(() => sim.reset());

async function target(answer: (index: number) => number) {
	const made = await receiver(answer);
	servers.push(made.server);
	return made;
}

const orderEvent = () => ({
	type: 1,
	data: {
		order_id: sim.state.orders[0].id,
		order_status: 'AWAITING_SHIPMENT',
		update_time: Math.floor(Date.now() / 1000),
	},
});

describe('webhooks out (reference §3)', () => {
	it('signs the exact bytes it sends so verifyWebhookSignature accepts them', async () => {
		const { url, received } = await target(() => 200);
		const report = await sim.webhooks.send(url, orderEvent());
		expect(received).toHaveLength(1);
		expect(
			verifyWebhookSignature(
				sim.app.appKey,
				sim.app.appSecret,
				received[0].body,
				received[0].signature,
			),
		).toBe(true);
		const envelope = JSON.parse(received[0].body.toString('utf8')) as Record<string, unknown>;
		expect(envelope).toMatchObject({
			type: 1,
			shop_id: sim.shop.id,
			tts_notification_id: report.notificationId,
		});
		expect(Object.keys(envelope)).toEqual([
			'type',
			'tts_notification_id',
			'shop_id',
			'timestamp',
			'data',
		]);
		expect(report).toMatchObject({
			acknowledged: true,
			gaveUp: false,
			attempts: [expect.objectContaining({ status: 200, acknowledged: true, attempt: 0 })],
		});
		expect(sim.webhooks.deliveries).toEqual([report]);
	});

	it('forges signatures on request; a 401 answer counts as done', async () => {
		const { url, received } = await target(() => 401);
		const report = await sim.webhooks.send(url, orderEvent(), { forgeSignature: true });
		expect(
			verifyWebhookSignature(
				sim.app.appKey,
				sim.app.appSecret,
				received[0].body,
				received[0].signature,
			),
		).toBe(false);
		expect(report.attempts).toHaveLength(1);
		expect(report.acknowledged).toBe(true);
	});

	it('retries at +2 min, +30 min, +3 h, +12 h (scaled), then gives up', async () => {
		const { url, received } = await target(() => 500);
		const report = await sim.webhooks.send(url, orderEvent());
		expect(report.attempts.map((a) => [a.attempt, a.status])).toEqual([
			[0, 500],
			[1, 500],
			[2, 500],
			[3, 500],
			[4, 500],
		]);
		expect(report).toMatchObject({ acknowledged: false, gaveUp: true });
		expect(new Set(received.map((r) => r.body.toString('utf8'))).size).toBe(1);
		// Lower bounds only: each retry waits at least its scaled delay after the previous attempt started.
		for (let i = 1; i < report.attempts.length; i++) {
			expect(report.attempts[i].time - report.attempts[i - 1].time).toBeGreaterThanOrEqual(
				Math.floor(RETRY_DELAYS_MS[i - 1] / TIME_SCALE) - 2,
			);
		}
	});

	it('stops retrying once the receiver answers 200', async () => {
		const { url } = await target((index) => (index < 2 ? 503 : 200));
		const report = await sim.webhooks.send(url, orderEvent());
		expect(report.attempts.map((a) => a.status)).toEqual([503, 503, 200]);
		expect(report.acknowledged).toBe(true);
	});

	it('sends no retry when retry is false', async () => {
		const { url } = await target(() => 500);
		const report = await sim.webhooks.send(url, orderEvent(), { retry: false });
		expect(report.attempts).toHaveLength(1);
		expect(report).toMatchObject({ acknowledged: false, gaveUp: false });
	});

	it('re-sends the same notification sequentially and concurrently, and can backdate it', async () => {
		const { url, received } = await target(() => 200);
		const report = await sim.webhooks.send(url, orderEvent(), {
			duplicates: 2,
			concurrentDuplicates: 3,
			staleTimestampSeconds: 900,
		});
		expect(received).toHaveLength(6);
		expect(new Set(received.map((r) => r.body.toString('utf8'))).size).toBe(1);
		expect(report.attempts.map((a) => a.copy).sort()).toEqual([0, 1, 2, 3, 4, 5]);
		const { timestamp } = JSON.parse(received[0].body.toString('utf8')) as { timestamp: number };
		expect(Math.floor(Date.now() / 1000) - timestamp).toBeGreaterThanOrEqual(900);
	});
});

describe('webhook registration (reference §3)', () => {
	it('accepts https domains and loopback, refuses plain http, IPs and ports', async () => {
		const client = clientFor(sim);
		const put = (address: string) =>
			client.request({
				method: 'PUT',
				path: '/event/202309/webhooks',
				body: { address, event_type: 'ORDER_STATUS_CHANGE' },
			});
		await put('https://n8n.example.com/webhook/tiktok');
		await put('http://127.0.0.1:5678/webhook/tiktok');
		await expect(put('http://n8n.example.com/webhook')).rejects.toMatchObject({ code: 18001001 });
		await expect(put('https://203.0.113.9/webhook')).rejects.toMatchObject({ code: 18001001 });
		await expect(put('https://n8n.example.com:8443/webhook')).rejects.toMatchObject({
			code: 18001001,
		});
		const { data } = await client.get<{
			webhooks: Array<{ event_type: string; address: string }>;
			total_count: number;
		}>('/event/202309/webhooks');
		expect(data).toMatchObject({
			total_count: 1,
			webhooks: [
				{ event_type: 'ORDER_STATUS_CHANGE', address: 'http://127.0.0.1:5678/webhook/tiktok' },
			],
		});
		await client.request({
			method: 'DELETE',
			path: '/event/202309/webhooks',
			body: { event_type: 'ORDER_STATUS_CHANGE' },
		});
		expect(sim.state.webhooks).toHaveLength(0);
		expect(sim.mutations.map((m) => m.type)).toEqual([
			'webhookRegister',
			'webhookRegister',
			'webhookDelete',
		]);
	});
});
