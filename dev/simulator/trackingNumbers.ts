import type { SeededRandom } from './random';

/** Tracking numbers shaped like each carrier's real ones, so downstream carrier detection has something to chew on. */
export function trackingNumberFor(providerName: string, random: SeededRandom): string {
	switch (providerName) {
		case 'USPS':
			return `9400${random.digits(18)}`;
		case 'UPS':
			return `1Z${random.chars(6, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}${random.digits(10)}`;
		case 'FedEx':
			return random.digits(12);
		case 'DHL eCommerce':
			return `GM${random.digits(18)}`;
		case 'OnTrac':
			return `D${random.digits(14)}`;
		case 'UniUni':
			return `UUS${random.digits(16)}`;
		case 'Veho':
			return `VH${random.chars(10, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789')}`;
		case 'GOFO':
			return `GFUS${random.digits(14)}`;
		case 'Amazon Shipping':
			return `TBA${random.digits(12)}`;
		default:
			return `1LS${random.digits(12)}`;
	}
}

/**
 * TikTok answers 21011022 for tracking numbers no carrier could issue. The simulator only rejects the obviously
 * malformed ones (empty, short, punctuation) because real carrier matching is fuzzy.
 */
export function isPlausibleTrackingNumber(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Za-z0-9]{8,40}$/.test(value);
}
