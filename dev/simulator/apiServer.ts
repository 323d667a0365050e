import type { IncomingMessage, ServerResponse } from 'node:http';
import { newRequestId, sendJson, type Envelope } from './envelope';
import { ApiError, Code, gateway } from './errors';
import type { FaultInjector } from './faults';
import { callTakesShopCipher, rateLimitedApiOf } from './gatewayRules';
import { parseBodyKeepingLongIds } from './json';
import { boundaryOf, parseMultipart, type MultipartForm } from './multipart';
import type { Mutation } from './mutations';
import type { RateLimiter } from './rateLimiter';
import type { Route, RouteContext, SimulatorRules } from './route';
import type { Router } from './router';
import type { SeededWorld } from './seed';
import { requestSignatureIsValid } from './signature';
import { handleTokenEndpoint } from './tokenEndpoints';
import type { TokenStore } from './tokens';

export interface RecordedRequest {
	/** Unix milliseconds. */
	time: number;
	method: string;
	path: string;
	query: Record<string, string>;
	/** Parsed JSON, a summary of a multipart form, or the raw text when it did not parse. */
	body: unknown;
	status: number;
	code: number;
	requestId: string;
}

export interface ApiServerParts {
	world: SeededWorld;
	tokens: TokenStore;
	limiter: RateLimiter;
	faults: FaultInjector;
	router: Router;
	rules: SimulatorRules;
	timeScale: number;
	requests: RecordedRequest[];
	mutations: Mutation[];
}

const TIMESTAMP_PAST_SECONDS = 300;
const TIMESTAMP_FUTURE_SECONDS = 30;
/** Uploads above TikTok's 10 MB must still arrive whole so the route can answer with the proper code. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** How long a "timeout" fault holds the request, in simulated milliseconds, before the gateway gives up. */
const GATEWAY_TIMEOUT_MS = 10_000;

interface Answer {
	status: number;
	envelope: Envelope;
}

/** One HTTP request through TikTok's gateway checks, in the order the reference lists them, then the route. */
export class ApiServer {
	private readonly idempotent = new Map<string, Omit<Envelope, 'request_id'>>();
	private readonly pendingTimers = new Set<NodeJS.Timeout>();

	constructor(private readonly parts: ApiServerParts) {}

	async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const requestId = newRequestId();
		const url = new URL(req.url ?? '/', 'http://simulator');
		const query = Object.fromEntries(url.searchParams);
		const method = req.method ?? 'GET';
		const recorded: RecordedRequest = {
			time: Date.now(),
			method,
			path: url.pathname,
			query,
			body: undefined,
			status: 0,
			code: 0,
			requestId,
		};
		this.parts.requests.push(recorded);
		let raw: Buffer;
		try {
			raw = await readBody(req);
		} catch {
			return this.respond(res, recorded, {
				status: 413,
				envelope: {
					code: Code.INVALID_PARAMETER,
					message: 'Request body too large',
					request_id: requestId,
				},
			});
		}
		recorded.body = raw.length ? raw.toString('utf8') : undefined;
		const answer = await this.answer(req, method, url.pathname, query, raw, recorded, requestId);
		if (answer) this.respond(res, recorded, answer);
		else this.respondUnavailable(res, recorded);
	}

	/** Cancels requests parked by a "timeout" fault so the server can close. */
	close(): void {
		for (const timer of this.pendingTimers) clearTimeout(timer);
		this.pendingTimers.clear();
	}

	resetIdempotency(): void {
		this.idempotent.clear();
	}

	private async answer(
		req: IncomingMessage,
		method: string,
		path: string,
		query: Record<string, string>,
		raw: Buffer,
		recorded: RecordedRequest,
		requestId: string,
	): Promise<Answer | undefined> {
		try {
			if (path.startsWith('/api/v2/token/')) {
				const { world, tokens } = this.parts;
				const data = handleTokenEndpoint(
					{
						tokens,
						app: world.app,
						sellerName: world.state.shop.name,
						openId: world.state.shop.code,
					},
					method,
					path,
					query,
				);
				return ok(requestId, data);
			}
			const fault = this.parts.faults.take(path);
			if (fault?.kind === '503') return undefined;
			if (fault && fault.kind !== 'lostResponse')
				return await this.faultAnswer(fault.kind, requestId);
			const { route, params } = this.parts.router.resolve(method, path);
			this.checkAppAndTimestamp(query);
			if (
				!this.parts.limiter.allow(query.app_key, query.shop_cipher ?? '-', rateLimitedApiOf(path))
			) {
				throw new ApiError(Code.TOO_MANY_REQUESTS, 'Too many requests', 429);
			}
			const contentType = String(req.headers['content-type'] ?? '');
			this.checkSignature(path, query, raw, contentType);
			this.checkAccessToken(req.headers['x-tts-access-token']);
			this.checkShopCipher(method, path, query);
			const { body, multipart } = parseBody(route, contentType, raw);
			recorded.body = multipart ? summarize(multipart) : raw.length ? body : undefined;
			const answer = this.run(route, { params, query, body, multipart }, requestId);
			// Handled, then the answer is lost on the way back.
			if (fault?.kind === 'lostResponse')
				return await this.faultAnswer('timeout', requestId, false);
			return answer;
		} catch (error) {
			if (error instanceof ApiError)
				return {
					status: error.httpStatus,
					envelope: { code: error.code, message: error.message, request_id: requestId },
				};
			return {
				status: 500,
				envelope: {
					code: Code.INTERNAL_ERROR,
					message: `Internal error: ${(error as Error).message}`,
					request_id: requestId,
				},
			};
		}
	}

	private run(
		route: Route,
		input: Pick<RouteContext, 'params' | 'query' | 'body' | 'multipart'>,
		requestId: string,
	): Answer {
		const idempotencyKey = route.idempotent ? input.query.idempotency_key : undefined;
		if (idempotencyKey !== undefined && (idempotencyKey === '' || idempotencyKey.length > 255)) {
			throw gateway.invalid('idempotency_key must be 1 to 255 characters');
		}
		const cacheKey = `${route.method} ${route.path} ${JSON.stringify(input.params)} ${idempotencyKey}`;
		const replay = idempotencyKey !== undefined ? this.idempotent.get(cacheKey) : undefined;
		if (replay) return { status: 200, envelope: { ...replay, request_id: requestId } };
		const { world, mutations } = this.parts;
		const context: RouteContext = {
			...input,
			state: world.state,
			rules: this.parts.rules,
			ids: world.ids,
			random: world.random,
			now: Math.floor(Date.now() / 1000),
			record: (mutation) =>
				mutations.push({
					...mutation,
					time: Date.now(),
					requestId,
					...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
				}),
		};
		let answer: Answer;
		try {
			answer = ok(requestId, route.handle(context));
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			answer = {
				status: error.httpStatus,
				envelope: { code: error.code, message: error.message, request_id: requestId },
			};
		}
		if (idempotencyKey !== undefined) {
			const { request_id: _first, ...remembered } = answer.envelope;
			this.idempotent.set(cacheKey, remembered);
		}
		return answer;
	}

	private checkAppAndTimestamp(query: Record<string, string>): void {
		if (!query.app_key) throw gateway.credentials('app_key is required');
		if (query.app_key !== this.parts.world.app.appKey)
			throw gateway.credentials(`app_key ${query.app_key} is invalid`);
		if (!/^\d{10}$/.test(query.timestamp ?? ''))
			throw gateway.credentials(
				'timestamp is required and must be a 10-digit Unix time in seconds',
			);
		const drift = Number(query.timestamp) - Math.floor(Date.now() / 1000);
		if (drift < -TIMESTAMP_PAST_SECONDS || drift > TIMESTAMP_FUTURE_SECONDS) {
			throw gateway.credentials(
				'timestamp is outside the allowed window (now - 5 minutes to now + 30 seconds)',
			);
		}
	}

	/** TikTok's documented algorithm (signature.ts, not the pack's signer) over what arrived: the decoded query and the raw body. */
	private checkSignature(
		path: string,
		query: Record<string, string>,
		raw: Buffer,
		contentType: string,
	): void {
		if (!query.sign) throw gateway.credentials('sign is required');
		if (!requestSignatureIsValid(this.parts.world.app.appSecret, path, query, raw, contentType))
			throw gateway.signature();
	}

	private checkAccessToken(header: string | string[] | undefined): void {
		const token = Array.isArray(header) ? header[0] : header;
		if (!token) throw gateway.credentials('x-tts-access-token header is required');
		const check = this.parts.tokens.check(token);
		if (check === 'unknown') throw gateway.credentials('Invalid access token');
		if (check === 'expired') throw gateway.expired();
	}

	private checkShopCipher(method: string, path: string, query: Record<string, string>): void {
		const cipher = query.shop_cipher;
		if (!callTakesShopCipher(method, path)) {
			if (cipher !== undefined)
				throw gateway.credentials('Unexpected identifier: shop_cipher is not accepted by this API');
			return;
		}
		if (!cipher) throw gateway.cipherMissing();
		if (cipher !== this.parts.world.state.shop.cipher) throw gateway.shopMismatch();
	}

	private async faultAnswer(
		kind: '5xx' | 'timeout' | '429',
		requestId: string,
		hold = true,
	): Promise<Answer> {
		if (kind === '429')
			return {
				status: 429,
				envelope: {
					code: Code.TOO_MANY_REQUESTS,
					message: 'Too many requests',
					request_id: requestId,
				},
			};
		if (kind === '5xx')
			return {
				status: 500,
				envelope: { code: Code.INTERNAL_ERROR, message: 'Internal error', request_id: requestId },
			};
		if (hold)
			await new Promise<void>((resolve) => {
				const timer = setTimeout(() => {
					this.pendingTimers.delete(timer);
					resolve();
				}, GATEWAY_TIMEOUT_MS / this.parts.timeScale);
				this.pendingTimers.add(timer);
			});
		return {
			status: 504,
			envelope: { code: Code.REQUEST_TIMEOUT, message: 'Request timeout', request_id: requestId },
		};
	}

	private respond(res: ServerResponse, recorded: RecordedRequest, answer: Answer): void {
		recorded.status = answer.status;
		recorded.code = answer.envelope.code;
		if (!res.destroyed) sendJson(res, answer.status, answer.envelope);
	}

	/** An overloaded TikTok answers 503 from its load balancer: HTML, not the JSON envelope. */
	private respondUnavailable(res: ServerResponse, recorded: RecordedRequest): void {
		recorded.status = 503;
		recorded.code = -1;
		res.writeHead(503, { 'content-type': 'text/html' });
		res.end('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
	}
}

function ok(requestId: string, data: unknown): Answer {
	return {
		status: 200,
		envelope: { code: Code.OK, message: 'Success', request_id: requestId, data },
	};
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function parseBody(
	route: Route,
	contentType: string,
	raw: Buffer,
): { body: Record<string, unknown>; multipart?: MultipartForm } {
	if (route.body === 'multipart') {
		const boundary = boundaryOf(contentType);
		if (!boundary)
			throw new ApiError(Code.EXPECTED_MULTIPART, 'content-type must be multipart/form-data', 400);
		const multipart = parseMultipart(raw, boundary);
		if (!multipart) throw gateway.invalid('The multipart/form-data body is malformed');
		return { body: {}, multipart };
	}
	if (!/^application\/json\b/i.test(contentType))
		throw new ApiError(Code.EXPECTED_JSON, 'content-type must be application/json', 400);
	if (raw.length === 0) return { body: {} };
	let parsed: unknown;
	try {
		parsed = parseBodyKeepingLongIds(raw.toString('utf8'));
	} catch {
		throw gateway.invalid('The request body is not valid JSON');
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
		throw gateway.invalid('The request body must be a JSON object');
	return { body: parsed as Record<string, unknown> };
}

function summarize(form: MultipartForm): unknown {
	return {
		fields: form.fields,
		files: Object.fromEntries(
			Object.entries(form.files).map(([name, file]) => [
				name,
				{ fileName: file.fileName, contentType: file.contentType, bytes: file.data.length },
			]),
		),
	};
}
