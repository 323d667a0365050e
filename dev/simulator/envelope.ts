import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export interface Envelope {
	code: number;
	message: string;
	request_id: string;
	data?: unknown;
}

/** Shaped like TikTok's: a UTC timestamp followed by hex, e.g. 20240518093012A1B2C3D4E5F60718293A. */
export function newRequestId(): string {
	const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
	return stamp + randomBytes(10).toString('hex').toUpperCase();
}

export function sendJson(res: ServerResponse, status: number, envelope: Envelope): void {
	const body = JSON.stringify(envelope);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(body),
	});
	res.end(body);
}
