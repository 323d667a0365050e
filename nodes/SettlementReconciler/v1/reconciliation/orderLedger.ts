import { CentsColumn, FlagColumn, Int32Column } from './blockColumns';
import { applyRate } from './money';
import { OrderIndex } from './orderIndex';

/**
 * One normalised report row or API transaction. Amounts are integer cents; fee and adjustment amounts are kept raw
 * (as signed in the source) because whether fees are written negative is only known after seeing the data.
 */
export interface LedgerEntry {
	orderId: string;
	/** CSV line (header = 1) or 0 for API transactions. */
	line: number;
	/** yyyymmdd in the seller's time zone; 0 when unknown. */
	dateKey: number;
	/** Sales after seller discounts, before tax (positive). */
	gross: number;
	/** Refunded sales after seller discounts (positive). */
	refund: number;
	commissionRaw: number | null;
	transactionFeeRaw: number | null;
	/** Every fee and shipping cost of the row, raw. */
	feesRaw: number | null;
	adjustmentRaw: number;
	/** Money TikTok adds to the payout besides sales (a shipping incentive), positive when paid to the seller. */
	incomeRaw: number;
	settlementRaw: number | null;
	rateBasisPoints: number;
	b2b: boolean;
	/** Set on adjustment rows: what identifies the adjustment for the duplicate check. */
	adjustment?: { id: string; type: string };
}

export const enum OrderFlag {
	B2B = 1,
	Sale = 2,
	Settlement = 4,
	Commission = 8,
	TransactionFee = 16,
	Fees = 32,
}

export interface AdjustmentSeen {
	id: string;
	type: string;
	amountRaw: number;
	line: number;
	/** yyyymmdd: the same deduction twice on one day is a duplicate, a month apart it is a second charge. */
	dateKey: number;
}

/** How the source writes fees: "signed" (fees negative, settlement = sum of parts) or "unsigned" (fees positive, subtracted). */
export type FeeSign = 'signed' | 'unsigned';

export class OrderLedger {
	readonly ids = new OrderIndex();
	readonly gross = new CentsColumn();
	readonly refunds = new CentsColumn();
	readonly commissionRaw = new CentsColumn();
	readonly expectedCommission = new CentsColumn();
	/** Commission the refunds should have given back; expected + this = commission on the gross. */
	readonly expectedReversal = new CentsColumn();
	readonly transactionFeeRaw = new CentsColumn();
	readonly feesRaw = new CentsColumn();
	readonly adjustmentRaw = new CentsColumn();
	readonly incomeRaw = new CentsColumn();
	readonly settlementRaw = new CentsColumn();
	readonly dateKey = new Int32Column();
	readonly firstLine = new Int32Column();
	readonly flags = new FlagColumn();
	/** Only orders with adjustment rows appear here (a few percent), so this stays small. */
	readonly adjustments = new Map<number, AdjustmentSeen[]>();
	private readonly votes = { signed: 0, unsigned: 0, negativeFees: 0, positiveFees: 0 };

	get size(): number {
		return this.ids.size;
	}

	/** Room for about this many orders, when a report's size says how many to expect. */
	reserve(orders: number): void {
		this.ids.reserve(orders);
	}

	add(entry: LedgerEntry): void {
		const index = this.ids.findOrAdd(entry.orderId);
		const known = this.firstLine.get(index);
		if (known === 0 || (entry.line > 0 && entry.line < known))
			this.firstLine.set(index, entry.line);
		const date = this.dateKey.get(index);
		if (entry.dateKey > 0 && (date === 0 || entry.dateKey < date))
			this.dateKey.set(index, entry.dateKey);
		if (entry.b2b) this.flags.raise(index, OrderFlag.B2B);
		if (entry.gross !== 0) {
			this.gross.add(index, entry.gross);
			this.flags.raise(index, OrderFlag.Sale);
		}
		if (entry.refund !== 0) this.refunds.add(index, entry.refund);
		if (entry.gross !== 0 || entry.refund !== 0) {
			this.expectedCommission.add(
				index,
				applyRate(entry.gross - entry.refund, entry.rateBasisPoints),
			);
			this.expectedReversal.add(index, applyRate(entry.refund, entry.rateBasisPoints));
		}
		if (entry.commissionRaw !== null) {
			this.commissionRaw.add(index, entry.commissionRaw);
			this.flags.raise(index, OrderFlag.Commission);
		}
		if (entry.transactionFeeRaw !== null) {
			this.transactionFeeRaw.add(index, entry.transactionFeeRaw);
			this.flags.raise(index, OrderFlag.TransactionFee);
		}
		if (entry.feesRaw !== null) {
			this.feesRaw.add(index, entry.feesRaw);
			this.flags.raise(index, OrderFlag.Fees);
		}
		if (entry.adjustmentRaw !== 0) this.adjustmentRaw.add(index, entry.adjustmentRaw);
		if (entry.incomeRaw !== 0) this.incomeRaw.add(index, entry.incomeRaw);
		if (entry.settlementRaw !== null) {
			this.settlementRaw.add(index, entry.settlementRaw);
			this.flags.raise(index, OrderFlag.Settlement);
		}
		if (entry.adjustment) {
			const seen = this.adjustments.get(index) ?? [];
			seen.push({
				id: entry.adjustment.id,
				type: entry.adjustment.type,
				amountRaw: entry.adjustmentRaw,
				line: entry.line,
				dateKey: entry.dateKey,
			});
			this.adjustments.set(index, seen);
		}
		this.vote(entry);
	}

	/**
	 * Reference §8 leaves the sign of fee amounts unconfirmed. Each row with a settlement amount votes for the reading
	 * under which its parts add up; rows without one fall back to the majority sign of the fee values.
	 */
	private vote(entry: LedgerEntry): void {
		const fees = entry.feesRaw ?? 0;
		if (fees === 0) return;
		if (fees < 0) this.votes.negativeFees++;
		else this.votes.positiveFees++;
		if (entry.settlementRaw === null) return;
		const base = entry.gross - entry.refund + entry.adjustmentRaw + entry.incomeRaw;
		if (Math.abs(base + fees - entry.settlementRaw) <= 1) this.votes.signed++;
		else if (Math.abs(base - fees - entry.settlementRaw) <= 1) this.votes.unsigned++;
	}

	feeSign(): { sign: FeeSign; basis: string } {
		const { signed, unsigned, negativeFees, positiveFees } = this.votes;
		if (signed + unsigned > 0) {
			return {
				sign: signed >= unsigned ? 'signed' : 'unsigned',
				basis: `${signed} rows add up with fees as negative amounts, ${unsigned} with fees as positive amounts that are subtracted`,
			};
		}
		return {
			sign: negativeFees >= positiveFees ? 'signed' : 'unsigned',
			basis: `no settlement amounts to test; ${negativeFees} fee values are negative, ${positiveFees} positive`,
		};
	}
}

/** Fees as money charged to the seller (positive = charged), under the detected convention. */
export function charged(raw: number, sign: FeeSign): number {
	return sign === 'signed' ? (raw === 0 ? 0 : -raw) : raw;
}
