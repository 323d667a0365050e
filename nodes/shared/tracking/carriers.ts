/** Carriers a US TikTok Shop seller ships with, as this pack names them. */
export const CARRIER_CODES = [
	'usps',
	'ups',
	'fedex',
	'dhl',
	'dhl_ecommerce',
	'amazon',
	'ontrac',
	'lasership',
	'uniuni',
	'veho',
	'gofo',
	'intl_post',
] as const;

export type CarrierCode = (typeof CARRIER_CODES)[number];

const DISPLAY_NAMES: Record<CarrierCode, string> = {
	usps: 'USPS',
	ups: 'UPS',
	fedex: 'FedEx',
	dhl: 'DHL Express',
	// TikTok lists DHL eCommerce as a shipping provider of its own, apart from DHL Express.
	dhl_ecommerce: 'DHL eCommerce',
	amazon: 'Amazon Shipping',
	ontrac: 'OnTrac',
	lasership: 'LaserShip',
	uniuni: 'UniUni',
	veho: 'Veho',
	gofo: 'GOFO',
	intl_post: 'International post (UPU S10)',
};

export function carrierDisplayName(code: CarrierCode): string {
	return DISPLAY_NAMES[code];
}

export function isCarrierCode(value: string): value is CarrierCode {
	return (CARRIER_CODES as readonly string[]).includes(value);
}
