import type { MovementKind, RecordToPut, StockMovement } from './types';

const MOVEMENT_KINDS: readonly MovementKind[] = ['sale', 'cancel', 'return', 'adjust'];

/*
 * Both backends check arguments the same way before touching storage, so a bad call fails with the
 * same message on either one instead of, say, Redis rounding a fractional TTL that SQLite keeps.
 */

export function requirePositiveInteger(name: string, value: number): void {
	if (!Number.isSafeInteger(value) || value <= 0) {
		throw new RangeError(`${name} must be a positive whole number, got ${value}`);
	}
}

export function requireFinite(name: string, value: number): void {
	if (!Number.isFinite(value)) {
		throw new RangeError(`${name} must be a finite number, got ${value}`);
	}
}

export function requireText(name: string, value: string): void {
	if (typeof value !== 'string' || value === '') {
		throw new TypeError(`${name} must be a non-empty string`);
	}
}

export function validateMovement(movement: StockMovement): void {
	requireText('movement.sku', movement.sku);
	requireText('movement.key', movement.key);
	requireFinite('movement.atMs', movement.atMs);
	const { delta, kind } = movement;
	if (!MOVEMENT_KINDS.includes(kind)) {
		throw new RangeError(`movement.kind must be one of ${MOVEMENT_KINDS.join(', ')}, got ${kind}`);
	}
	if (!Number.isSafeInteger(delta)) {
		throw new RangeError(`movement.delta must be a whole number of units, got ${delta}`);
	}
	// A sign error here would silently double stock instead of reducing it, so refuse it early.
	if (kind === 'sale' && delta > 0) {
		throw new RangeError(`a sale must have a negative delta (units leaving stock), got ${delta}`);
	}
	if ((kind === 'cancel' || kind === 'return') && delta < 0) {
		throw new RangeError(`a ${kind} must have a positive delta (units coming back), got ${delta}`);
	}
}

export function validateQuantity(quantity: number): void {
	if (!Number.isSafeInteger(quantity) || quantity < 0) {
		throw new RangeError(`quantity must be a whole number of units, 0 or more, got ${quantity}`);
	}
}

export function validateClaimAndRecord(
	claim: { namespace: string; keys: string[]; ttlMs: number },
	record: RecordToPut,
): void {
	requireText('namespace', claim.namespace);
	claim.keys.forEach((key) => requireText('key', key));
	requirePositiveInteger('ttlMs', claim.ttlMs);
	requireText('namespace', record.namespace);
	requireText('id', record.id);
	if (record.dueAtMs !== undefined) requireFinite('dueAtMs', record.dueAtMs);
}
