import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Shopify's GraphQL Admin API, enough for `inventorySetQuantities` as the stock-sync template
 * sends it (API 2026-10: `changeFromQuantity` on every quantity, `@idempotent(key:)` required). It answers the way
 * Shopify does: 401 for a wrong X-Shopify-Access-Token, top-level `errors` for a document it cannot run, and
 * `userErrors` (HTTP 200) for input Shopify refuses. Shopify's own GraphQL parser is not reproduced: the stand-in
 * recognises the one mutation by name and reads its input from `variables.input`.
 */
export const SHOPIFY_API_VERSION = '2026-10';

const QUANTITY_NAMES = ['available', 'on_hand'];
/** Shopify's reasons for quantity changes (shopify.dev, "inventory quantities and states"). */
const REASONS = [
	'correction',
	'cycle_count_available',
	'damaged',
	'movement_created',
	'movement_updated',
	'movement_received',
	'movement_canceled',
	'other',
	'promotion',
	'quality_control',
	'received',
	'reservation_created',
	'reservation_deleted',
	'reservation_updated',
	'restock',
	'safety_stock',
	'shrinkage',
];
const MAX_QUANTITY = 1_000_000_000;
const INVENTORY_ITEM = /^gid:\/\/shopify\/InventoryItem\/\d+$/;
const LOCATION = /^gid:\/\/shopify\/Location\/\d+$/;

export interface UserError {
	code: string;
	field: string[];
	message: string;
}

/** One inventorySetQuantities request that reached the stand-in with a valid token. */
export interface SetQuantitiesCall {
	time: number;
	idempotencyKey?: string;
	/** The same key and input as an earlier call: Shopify answers from the first call and changes nothing. */
	replayed: boolean;
	name?: string;
	reason?: string;
	referenceDocumentUri?: string;
	quantities: Array<{
		inventoryItemId: string;
		locationId: string;
		quantity: number;
		changeFromQuantity: number | null | undefined;
	}>;
	userErrors: UserError[];
	/** Top-level GraphQL errors (the document or the directive was refused). */
	errors: string[];
}

export interface ShopifyStandIn {
	/** The GraphQL endpoint, as a template's SHOPIFY_GRAPHQL_URL. */
	graphqlUrl: string;
	accessToken: string;
	calls: SetQuantitiesCall[];
	/** Requests refused before GraphQL (wrong path, method or token, or an injected failure). */
	refused: Array<{ status: number; path: string }>;
	/** Inventory item → location → available. Only stocked pairs can be set (else ITEM_NOT_STOCKED_AT_LOCATION). */
	levels: Map<string, Map<string, number>>;
	stock(inventoryItemId: string, locationId: string, available: number): void;
	/** The next `count` GraphQL requests get this HTTP status (Shopify's 503 during an incident) and change nothing. */
	failNext(count: number, status?: number): void;
	close(): Promise<void>;
}

export async function startShopifyStandIn(
	accessToken = 'shpat_standin_0123456789abcdef',
): Promise<ShopifyStandIn> {
	const levels = new Map<string, Map<string, number>>();
	const calls: SetQuantitiesCall[] = [];
	const refused: ShopifyStandIn['refused'] = [];
	const answered = new Map<string, { input: string; response: unknown }>();
	const failures: number[] = [];
	const path = `/admin/api/${SHOPIFY_API_VERSION}/graphql.json`;

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		const reply = (status: number, body: unknown) => {
			response.writeHead(status, { 'content-type': 'application/json' });
			response.end(JSON.stringify(body));
		};
		if (request.url !== path || request.method !== 'POST') {
			refused.push({ status: 404, path: request.url ?? '' });
			return reply(404, { errors: 'Not Found' });
		}
		if (request.headers['x-shopify-access-token'] !== accessToken) {
			refused.push({ status: 401, path });
			return reply(401, {
				errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
			});
		}
		const failure = failures.shift();
		if (failure !== undefined) {
			refused.push({ status: failure, path });
			return reply(failure, { errors: 'Service Unavailable' });
		}
		let body: { query?: unknown; variables?: { input?: Record<string, unknown> } };
		try {
			body = JSON.parse(await readBody(request)) as typeof body;
		} catch {
			return reply(400, { errors: { query: 'Required parameter missing or invalid' } });
		}
		const query = typeof body.query === 'string' ? body.query : '';
		if (
			!/\bmutation\b[^{]*\{\s*inventorySetQuantities\s*\(\s*input\s*:\s*\$input\s*\)/.test(query)
		) {
			return reply(200, {
				errors: [
					{
						message: 'The stand-in only runs inventorySetQuantities(input: $input)',
						extensions: { code: 'BAD_REQUEST' },
					},
				],
			});
		}
		const key = /@idempotent\s*\(\s*key\s*:\s*"([^"]*)"\s*\)/.exec(query)?.[1];
		const input = body.variables?.input ?? {};
		const call: SetQuantitiesCall = {
			time: Date.now(),
			idempotencyKey: key,
			replayed: false,
			name: input.name as string | undefined,
			reason: input.reason as string | undefined,
			referenceDocumentUri: input.referenceDocumentUri as string | undefined,
			quantities: Array.isArray(input.quantities)
				? (input.quantities as SetQuantitiesCall['quantities'])
				: [],
			userErrors: [],
			errors: [],
		};
		calls.push(call);
		if (!key) {
			call.errors.push('The @idempotent directive with a key is required for this mutation');
			return reply(200, {
				errors: [{ message: call.errors[0], extensions: { code: 'BAD_REQUEST' } }],
			});
		}
		// From 2026-01 every quantity must carry changeFromQuantity; null skips the compare-and-set check.
		if (call.quantities.some((entry) => !('changeFromQuantity' in entry))) {
			call.errors.push(
				'changeFromQuantity must be given for every quantity (null skips the compare-and-set check)',
			);
			return reply(200, {
				errors: [{ message: call.errors[0], extensions: { code: 'BAD_REQUEST' } }],
			});
		}
		const previous = answered.get(key);
		if (previous) {
			if (previous.input === JSON.stringify(input)) {
				call.replayed = true;
				return reply(200, previous.response);
			}
			call.userErrors.push({
				code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
				field: ['input'],
				message: 'The same idempotency key cannot be used with different operation parameters.',
			});
			return reply(200, payload(null, call.userErrors));
		}
		call.userErrors.push(...checkInput(call, levels));
		const changes = call.userErrors.length ? null : apply(call, levels);
		const result = payload(
			changes && {
				createdAt: new Date().toISOString(),
				reason: call.reason,
				referenceDocumentUri: call.referenceDocumentUri ?? null,
				changes,
			},
			call.userErrors,
		);
		answered.set(key, { input: JSON.stringify(input), response: result });
		return reply(200, result);
	};

	const server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			response.writeHead(500, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ errors: String(error) }));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		graphqlUrl: `http://127.0.0.1:${port}${path}`,
		accessToken,
		calls,
		refused,
		levels,
		stock(inventoryItemId, locationId, available) {
			const byLocation = levels.get(inventoryItemId) ?? new Map<string, number>();
			byLocation.set(locationId, available);
			levels.set(inventoryItemId, byLocation);
		},
		failNext(count, status = 503) {
			failures.push(...Array.from({ length: count }, () => status));
		},
		close: () =>
			new Promise<void>((resolve, reject) =>
				server.close((error) => (error ? reject(error) : resolve())),
			),
	};
}

function checkInput(
	call: SetQuantitiesCall,
	levels: Map<string, Map<string, number>>,
): UserError[] {
	const errors: UserError[] = [];
	if (!QUANTITY_NAMES.includes(call.name ?? '')) {
		errors.push({
			code: 'INVALID_NAME',
			field: ['input', 'name'],
			message: "The quantity name must be either 'available' or 'on_hand'.",
		});
	}
	if (!REASONS.includes(call.reason ?? ''))
		errors.push({
			code: 'INVALID_REASON',
			field: ['input', 'reason'],
			message: 'The specified reason is invalid.',
		});
	call.quantities.forEach((entry, index) => {
		const field = (name: string) => ['input', 'quantities', String(index), name];
		if (!INVENTORY_ITEM.test(String(entry.inventoryItemId)) || !levels.has(entry.inventoryItemId)) {
			errors.push({
				code: 'INVALID_INVENTORY_ITEM',
				field: field('inventoryItemId'),
				message: 'The specified inventory item could not be found.',
			});
			return;
		}
		if (!LOCATION.test(String(entry.locationId))) {
			errors.push({
				code: 'INVALID_LOCATION',
				field: field('locationId'),
				message: 'The specified location could not be found.',
			});
			return;
		}
		const current = levels.get(entry.inventoryItemId)?.get(entry.locationId);
		if (current === undefined) {
			errors.push({
				code: 'ITEM_NOT_STOCKED_AT_LOCATION',
				field: field('locationId'),
				message: 'The specified inventory item is not stocked at the location.',
			});
			return;
		}
		if (!Number.isInteger(entry.quantity) || entry.quantity > MAX_QUANTITY) {
			errors.push({
				code: 'INVALID_QUANTITY_TOO_HIGH',
				field: field('quantity'),
				message: "The total quantity can't be higher than 1,000,000,000.",
			});
		} else if (entry.quantity < 0) {
			errors.push({
				code: 'INVALID_QUANTITY_NEGATIVE',
				field: field('quantity'),
				message: "The quantity can't be negative.",
			});
		}
		if (entry.changeFromQuantity !== null && entry.changeFromQuantity !== current) {
			errors.push({
				code: 'CHANGE_FROM_QUANTITY_STALE',
				field: field('changeFromQuantity'),
				message: 'The changeFromQuantity value does not match persisted value.',
			});
		}
	});
	return errors;
}

function apply(call: SetQuantitiesCall, levels: Map<string, Map<string, number>>) {
	return call.quantities.map((entry) => {
		const byLocation = levels.get(entry.inventoryItemId)!;
		const before = byLocation.get(entry.locationId)!;
		byLocation.set(entry.locationId, entry.quantity);
		return {
			name: call.name,
			delta: entry.quantity - before,
			quantityAfterChange: entry.quantity,
			item: { id: entry.inventoryItemId },
			location: { id: entry.locationId },
		};
	});
}

function payload(group: unknown, userErrors: UserError[]) {
	return {
		data: { inventorySetQuantities: { inventoryAdjustmentGroup: group, userErrors } },
		extensions: {
			cost: {
				requestedQueryCost: 10,
				actualQueryCost: 10,
				throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1990, restoreRate: 100 },
			},
		},
	};
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}
