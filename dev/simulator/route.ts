import { gateway } from './errors';
import type { MultipartForm } from './multipart';
import type { MutationDetails } from './mutations';
import type { IdFactory, SeededRandom } from './random';
import type { ShopState } from './state';

/**
 * Limits TikTok does not document, so tests can pick them. Defaults are the simulator's guesses, marked [U].
 */
export interface SimulatorRules {
	/** [U] Packages one Batch Ship Packages call accepts; more is refused whole with 36009001 (no size code is documented). */
	batchShipMaxPackages: number;
	/**
	 * Update Inventory 202309: the API reference gives quantity "[1, 99,999]", the official SDK [0, 99,999]. 'accept'
	 * takes 0; 'refuse' answers 12052055 for each warehouse set to 0, as the reference's range implies.
	 */
	zeroInventory: 'accept' | 'refuse';
}

export const DEFAULT_RULES: SimulatorRules = { batchShipMaxPackages: 50, zeroInventory: 'accept' };

/** What a route handler may touch: the shop, fresh ids, the clock and the mutation log. */
export interface RouteContext {
	state: ShopState;
	rules: SimulatorRules;
	ids: IdFactory;
	random: SeededRandom;
	params: Record<string, string>;
	query: Record<string, string>;
	/** Parsed JSON body, `{}` when none was sent. */
	body: Record<string, unknown>;
	multipart?: MultipartForm;
	/** Unix seconds. */
	now: number;
	record(mutation: MutationDetails): void;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** Full path template, `{name}` matching one numeric id segment. */
	path: string;
	body?: 'json' | 'multipart';
	/** Repeating the same `idempotency_key` replays the first answer (reference §7). */
	idempotent?: boolean;
	handle(context: RouteContext): unknown;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw gateway.invalid(`${field} must be a string`);
	return value;
}

export function requiredString(body: Record<string, unknown>, field: string): string {
	const value = optionalString(body, field);
	if (value === undefined || value === '') throw gateway.invalid(`${field} is required`);
	return value;
}

/** TikTok's ids are strings; a bare JSON number here usually means the client lost precision. */
export function stringList(
	body: Record<string, unknown>,
	field: string,
	max?: number,
): string[] | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string'))
		throw gateway.invalid(`${field} must be an array of strings`);
	if (max !== undefined && value.length > max)
		throw gateway.invalid(`${field} accepts at most ${max} entries`);
	return value as string[];
}

export function optionalTime(body: Record<string, unknown>, field: string): number | undefined {
	const value = body[field];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
		throw gateway.invalid(`${field} must be a Unix time in seconds`);
	return value;
}

export function objectList(
	body: Record<string, unknown>,
	field: string,
): Array<Record<string, unknown>> {
	const value = body[field];
	if (
		!Array.isArray(value) ||
		value.length === 0 ||
		value.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))
	) {
		throw gateway.invalid(`${field} must be a non-empty array of objects`);
	}
	return value as Array<Record<string, unknown>>;
}

export function inTimeRange(time: number, from?: number, before?: number): boolean {
	return (from === undefined || time >= from) && (before === undefined || time < before);
}
