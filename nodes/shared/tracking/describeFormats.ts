import { carrierDisplayName, type CarrierCode } from './carriers';
import type { TrackingFormat } from './trackingFormat';

/** "a UPS 1Z number", "an Amazon Shipping TBA number". */
export function withArticle(formatName: string): string {
	return /^(?:Amazon|OnTrac|international)/.test(formatName)
		? `an ${formatName}`
		: `a ${formatName}`;
}

/** "a UPS 1Z number or a FedEx Express 12-digit number", each kind named once. */
export function listFormats(formats: readonly TrackingFormat[]): string {
	return [...new Set(formats.map((format) => withArticle(format.name)))].join(' or ');
}

/** "FedEx and USPS". */
export function listCarriers(carriers: readonly CarrierCode[]): string {
	const names = carriers.map(carrierDisplayName);
	return names.length > 2
		? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
		: names.join(' and ');
}
