/**
 * Sends one order webhook, signed the way TikTok signs it (with the simulator's signer, not the pack's), to a URL
 * (for example a TikTok Shop Trigger's webhook URL in the n8n that `npm start` runs). The order is a real one from the running simulator, so a
 * workflow that fetches it afterwards finds it.
 *
 *   npx ts-node --transpile-only dev/sendSampleWebhook.ts <webhook URL>
 */
import { randomInt } from 'node:crypto';

import { tiktokRequestSignature, tiktokWebhookSignature } from './simulator/signature';
import { readSession, type Session } from './stack/session';

interface OrderSummary {
	id: string;
	status: string;
	update_time: number;
}

async function newestOrder(session: Session): Promise<OrderSummary> {
	const path = '/order/202309/orders/search';
	const body = '{}';
	const query: Record<string, string> = {
		app_key: session.appKey,
		timestamp: String(Math.floor(Date.now() / 1000)),
		shop_cipher: session.shopCipher,
		page_size: '1',
		sort_field: 'update_time',
	};
	query.sign = tiktokRequestSignature(session.appSecret, path, query, body);
	const url = `${session.simulatorUrl}${path}?${new URLSearchParams(query)}`;
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-tts-access-token': session.accessToken },
		body,
	});
	const envelope = (await response.json()) as {
		code: number;
		message: string;
		data?: { orders?: OrderSummary[] };
	};
	const order = envelope.data?.orders?.[0];
	if (envelope.code !== 0 || !order)
		throw new Error(
			`The simulator answered ${envelope.code} ${envelope.message} to an order search`,
		);
	return order;
}

async function main(): Promise<void> {
	const target = process.argv[2];
	if (!target || !/^https?:\/\//.test(target)) {
		throw new Error('Usage: npx ts-node --transpile-only dev/sendSampleWebhook.ts <webhook URL>');
	}
	const session = readSession();
	const order = await newestOrder(session);
	const rawBody = JSON.stringify({
		type: 1,
		// TikTok's notification ids are 19-digit numbers.
		tts_notification_id: `7${Array.from({ length: 18 }, () => randomInt(10)).join('')}`,
		shop_id: session.shopId,
		timestamp: Math.floor(Date.now() / 1000),
		data: { order_id: order.id, order_status: order.status, update_time: order.update_time },
	});
	const response = await fetch(target, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			authorization: tiktokWebhookSignature(session.appKey, session.appSecret, rawBody),
		},
		body: rawBody,
	});
	console.log(
		`POST ${target}\n${rawBody}\n→ HTTP ${response.status} ${(await response.text()).slice(0, 500)}`,
	);
	if (!response.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : String(error));
	process.exit(1);
});
