import { ItemInputError } from '../../../../shared/stock/inputValues';
import { applyCaps, finish, type Listed, type ListingRules, type RuleStep } from './listedQuantity';

/**
 * The compliant way to sell stock not yet in hand is a separate "Pre-order (ships in N days)" variant. While the
 * original lists 0 and incoming stock is declared, the pre-order SKU lists the incoming units (through the same
 * % and maximum); as soon as the original lists anything, the pre-order SKU goes back to 0 so buyers get the
 * unit in hand. The kill switch stops both.
 */
export const PRE_ORDER_DAYS = { min: 3, max: 30 } as const;

export function checkShipsInDays(field: string, value: unknown): number {
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const days = /^\d+$/.test(text) ? Number(text) : NaN;
	if (!Number.isInteger(days) || days < PRE_ORDER_DAYS.min || days > PRE_ORDER_DAYS.max) {
		throw new ItemInputError(
			field,
			value,
			`must be a whole number of days from ${PRE_ORDER_DAYS.min} to ${PRE_ORDER_DAYS.max} (TikTok's pre-order range)`,
		);
	}
	return days;
}

export function preOrderQuantity(
	original: Listed,
	incoming: number,
	killSwitch: boolean,
	rules: ListingRules,
): Listed {
	if (killSwitch)
		return finish([{ rule: 'killSwitch', quantity: 0, detail: 'kill switch is on: list 0' }]);
	if (original.quantity > 0) {
		return finish([
			{
				rule: 'preOrderOriginalInStock',
				quantity: 0,
				detail: `the original lists ${original.quantity}: pre-order closed`,
			},
		]);
	}
	if (incoming <= 0)
		return finish([
			{ rule: 'preOrderNoIncoming', quantity: 0, detail: 'no incoming stock declared' },
		]);
	const steps: RuleStep[] = [
		{
			rule: 'preOrderIncoming',
			quantity: incoming,
			detail: `original lists 0; ${incoming} incoming`,
		},
	];
	return finish(applyCaps(incoming, rules, steps));
}
