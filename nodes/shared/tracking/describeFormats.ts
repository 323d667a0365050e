import { carrierDisplayName, type CarrierCode } from './carriers';
import type { TrackingFormat } from './trackingFormat';

/** "a UPS 1Z number", "an Amazon Shipping TBA number". */
export function withArticle(formatName: string): string {
	return /^(?:Amazon|OnTrac|international)/.test(formatName) ? `an ${formatName}` : `a ${formatName}`;
}

/** "a UPS 1Z number or a FedEx Express 12-digit number", each kind named once. */
export function listFormats(formats: readonly TrackingFormat[]): string {
	return [...new Set(formats.map((format) => withArticle(format.name)))].join(' or ');
}

/** "FedEx and USPS". */
export function listCarriers(carriers: readonly CarrierCode[]): string {
	return carriers.map(carrierDisplayName).join(' and ');
}
