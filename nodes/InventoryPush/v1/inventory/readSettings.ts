import type { IExecuteFunctions } from 'n8n-workflow';

import { ItemInputError, optionalText, wholeUnits } from '../../../shared/stock/inputValues';
import type { PushSettings } from './types';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

type RuleValues = { percentOfAvailable?: number; maxListed?: number; safetyThreshold?: number };
type Options = {
	dryRun?: boolean;
	cacheTtlMinutes?: number;
	requestsPerSecond?: number;
	maxRetries?: number;
};

/** The node-level settings, read once per execution (they do not vary per item). */
export function readSettings(context: IExecuteFunctions): PushSettings {
	const rules = context.getNodeParameter('listingRules', 0, {}) as RuleValues;
	const options = context.getNodeParameter('options', 0, {}) as Options;
	const percent = rules.percentOfAvailable ?? 100;
	if (!Number.isInteger(percent) || percent < 1 || percent > 100) {
		throw new ItemInputError(
			'Percent of Available',
			percent,
			'must be a whole number from 1 to 100',
		);
	}
	const lagKind = context.getNodeParameter('lagBuffer', 0, 'off') as string;
	const windowMs =
		wholeUnits('Velocity Window (Hours)', context.getNodeParameter('velocityWindowHours', 0, 168)) *
		HOUR_MS;
	if (lagKind !== 'off' && windowMs === 0)
		throw new ItemInputError('Velocity Window (Hours)', 0, 'must be at least 1');
	const locationRows = context.getNodeParameter('locationMap.rows', 0, []) as Array<{
		location?: string;
		warehouseId?: string;
	}>;
	const preOrderRows = context.getNodeParameter('preOrders.rows', 0, []) as Array<{
		originalSku?: string;
		preOrderSku?: string;
		shipsInDays?: unknown;
	}>;
	return {
		stockSource: context.getNodeParameter(
			'stockSource',
			0,
			'ledger',
		) as PushSettings['stockSource'],
		rules: {
			percentOfAvailable: percent,
			maxListed:
				rules.maxListed === undefined ? undefined : wholeUnits('Maximum Listed', rules.maxListed),
			safetyThreshold: wholeUnits('Safety Threshold', rules.safetyThreshold ?? 0),
		},
		lag:
			lagKind === 'fixed'
				? {
						kind: 'fixed',
						lagMs:
							wholeUnits('Lag (Minutes)', context.getNodeParameter('lagMinutes', 0, 0)) * MINUTE_MS,
						windowMs,
					}
				: lagKind === 'sourceAge'
					? { kind: 'sourceAge', windowMs }
					: { kind: 'off' },
		warehouseMode: context.getNodeParameter(
			'warehouseMode',
			0,
			'default',
		) as PushSettings['warehouseMode'],
		defaultWarehouseId: optionalText(context.getNodeParameter('defaultWarehouseId', 0, '')),
		locationToWarehouse: new Map(
			locationRows
				.map((row) => [optionalText(row.location), optionalText(row.warehouseId)] as const)
				.filter((pair): pair is readonly [string, string] => Boolean(pair[0] && pair[1])),
		),
		preOrders: new Map(
			preOrderRows
				.filter((row) => optionalText(row.originalSku) && optionalText(row.preOrderSku))
				.map((row) => [
					optionalText(row.originalSku)!,
					{ preOrderSku: optionalText(row.preOrderSku)!, shipsInDays: row.shipsInDays },
				]),
		),
		dryRun: options.dryRun ?? false,
		cacheTtlMs:
			wholeUnits('Catalogue Cache (Minutes)', options.cacheTtlMinutes ?? 60) * MINUTE_MS ||
			MINUTE_MS,
		requestsPerSecond: options.requestsPerSecond,
		maxRetries: options.maxRetries,
	};
}
