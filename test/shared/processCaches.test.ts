import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { PROCESS_CACHES, processCache } from '../../nodes/shared/processCaches';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** Module-level maps: a `const` at the start of a line holding a new Map or WeakMap. */
const MODULE_MAP = /^(?:export )?(?:const|let) (\w+)(?:\s*:[^=]+)?\s*=\s*new (?:Weak)?Map\b/gm;

describe('process caches', () => {
	it('every module-level map in nodes/ is declared in processCaches.ts (or is a fixed lookup table)', () => {
		// Built once from constants at load: lookup tables, not caches.
		const lookupTables = new Set(['nodes/SettlementReconciler/v1/reconciliation/columns.ts:EXACT']);
		// rateBudget.ts is declared (tiktokRateBuckets) but still makes its own map.
		const declaredInPlace = new Set([
			'nodes/shared/tiktok/rateBudget.ts:buckets',
			'nodes/shared/processCaches.ts:caches',
		]);
		const undeclared = sourceFiles(join(root, 'nodes')).flatMap((file) =>
			[...readFileSync(file, 'utf8').matchAll(MODULE_MAP)]
				.map((match) => `${relative(root, file)}:${match[1]}`)
				.filter((name) => !lookupTables.has(name) && !declaredInPlace.has(name)),
		);
		expect(undeclared).toEqual([]);
	});

	it('names an owner that exists and says what it holds, its key, lifetime and bound', () => {
		for (const [name, spec] of Object.entries(PROCESS_CACHES)) {
			expect([name, existsSync(join(root, spec.owner))]).toEqual([name, true]);
			for (const field of [spec.holds, spec.key, spec.lifetime, spec.bound])
				expect(field.length).toBeGreaterThan(3);
		}
	});

	it('hands every caller of one name the same map', () => {
		expect(processCache('settlementDates')).toBe(processCache('settlementDates'));
		expect(processCache('settlementDates')).not.toBe(processCache('shippingProviders'));
	});
});
