import { DateTime, IANAZone } from 'luxon';
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import type { CheckSettings } from './checks';
import { parseCents, percentToBasisPoints } from './money';
import { DEFAULT_APPAREL_KEYWORDS, RateTable, type RateRule } from './rateTable';

export interface ReconcileSettings {
	rates: RateTable;
	checks: CheckSettings;
	zone: string;
	today: DateTime;
	shopName: string;
	requestBatchSize: number;
	maxRejectedListed: number;
}

/** What every report states about the settings it was made with. */
export function reportSettings(settings: ReconcileSettings) {
	return {
		rateTable: settings.rates.describe(),
		zone: settings.zone,
		today: settings.today,
		shopName: settings.shopName,
		requestBatchSize: settings.requestBatchSize,
	};
}

interface Options {
	asOf?: string;
	requestBatchSize?: number;
	maxRejectedListed?: number;
	timeZone?: string;
	shopName?: string;
	transactionFeePercent?: number;
	transactionFeeFixed?: number;
	transactionFeeOnRefunds?: 'kept' | 'returned';
}

/** Dollar inputs of the form become cents through the same parser as report cells, never through float multiplication. */
function dollarsToCents(value: number): number {
	return parseCents(value.toFixed(2)) ?? 0;
}

export function readSettings(context: IExecuteFunctions, itemIndex: number): ReconcileSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as Options;
	const zone = (options.timeZone || 'America/Los_Angeles').trim();
	if (!IANAZone.isValidZone(zone)) {
		throw new NodeOperationError(context.getNode(), `"${zone}" is not a time zone`, {
			itemIndex,
			description:
				'Use an IANA name such as America/Los_Angeles or America/New_York (Options → Seller Time Zone).',
		});
	}
	const today = options.asOf
		? parseDate(context, options.asOf, zone, 'As Of Date', itemIndex)
		: DateTime.now().setZone(zone);
	const rules = (
		(context.getNodeParameter('rateRules', itemIndex, {}) as { rules?: RateRule[] }).rules ?? []
	).filter((rule) => rule.value?.trim());
	return {
		rates: new RateTable({
			nonApparelPercent: context.getNodeParameter('nonApparelRate', itemIndex, 5) as number,
			apparelPercent: context.getNodeParameter('apparelRate', itemIndex, 8) as number,
			apparelKeywords: String(
				context.getNodeParameter('apparelCategories', itemIndex, DEFAULT_APPAREL_KEYWORDS),
			).split(','),
			rules,
		}),
		checks: {
			toleranceCents: dollarsToCents(
				context.getNodeParameter('toleranceAmount', itemIndex, 0.01) as number,
			),
			tolerancePercent: context.getNodeParameter('tolerancePercent', itemIndex, 0.5) as number,
			transactionFeeBasisPoints: percentToBasisPoints(options.transactionFeePercent ?? 0),
			transactionFeeFixedCents: dollarsToCents(options.transactionFeeFixed ?? 0),
			transactionFeeOnRefunds: options.transactionFeeOnRefunds === 'returned' ? 'returned' : 'kept',
		},
		zone,
		today,
		shopName: options.shopName ?? '',
		requestBatchSize: options.requestBatchSize ?? 50,
		maxRejectedListed: options.maxRejectedListed ?? 1000,
	};
}

export function parseDate(
	context: IExecuteFunctions,
	value: unknown,
	zone: string,
	field: string,
	itemIndex: number,
): DateTime {
	const parsed = DateTime.isDateTime(value)
		? value
		: value instanceof Date
			? DateTime.fromJSDate(value)
			: DateTime.fromISO(String(value), { zone });
	if (!parsed.isValid) {
		throw new NodeOperationError(context.getNode(), `"${field}" is not a date: ${String(value)}`, {
			itemIndex,
			description:
				'Use an ISO date such as 2025-01-31, or an expression like {{ $now.minus({ days: 7 }) }}.',
		});
	}
	return parsed.setZone(zone);
}

/** The statement period in Unix seconds: From/To when set, else the fallback start up to the end of the As Of day. */
export function readPeriod(
	context: IExecuteFunctions,
	itemIndex: number,
	settings: ReconcileSettings,
	fallbackFrom: DateTime,
): { from: number; to: number } {
	const fromValue = context.getNodeParameter('from', itemIndex, '');
	const toValue = context.getNodeParameter('to', itemIndex, '');
	const from = fromValue
		? parseDate(context, fromValue, settings.zone, 'From', itemIndex)
		: fallbackFrom;
	const to = toValue
		? parseDate(context, toValue, settings.zone, 'To', itemIndex)
		: settings.today.endOf('day').plus({ milliseconds: 1 });
	if (to <= from)
		throw new NodeOperationError(context.getNode(), '"To" must be after "From"', { itemIndex });
	return { from: Math.floor(from.toSeconds()), to: Math.floor(to.toSeconds()) };
}
